package dev.rowguard.policy.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.rowguard.policy.Operation;
import dev.rowguard.policy.PolicyRule;
import dev.rowguard.policy.internal.PolicySet.BoundDeclaration;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.model.EntityModel;

/**
 * The {@code @Allow} / {@code @Deny} rules that stand on fields, bound and combined per
 * entity, field and operation ({@code READ} or {@code UPDATE}, as ZenStack's field-level
 * policies): a deny that holds wins, else one of the field's allows must hold when it has
 * any. A field without rules for an operation answers {@code true}: the row's rule alone
 * decides it.
 */
public final class FieldRules {

    /** The operations a field rule may govern. */
    public static final Operation[] OPERATIONS = { Operation.READ, Operation.UPDATE };

    private final Map<String, Map<String, List<BoundDeclaration>>> declared;

    private final Map<String, Map<String, Map<Operation, Bound>>> combined;

    /** {@link #fields(String, Operation)}, worked out once (every write asks it). */
    private final Map<String, Map<Operation, List<String>>> fieldsByOperation = new LinkedHashMap<>();

    private FieldRules(Map<String, Map<String, List<BoundDeclaration>>> declared,
            Map<String, Map<String, Map<Operation, Bound>>> combined) {
        this.declared = declared;
        this.combined = combined;
        combined.forEach((entity, byField) -> {
            Map<Operation, List<String>> byOperation = new EnumMap<>(Operation.class);
            for (Operation operation : OPERATIONS) {
                byOperation.put(operation,
                        byField.entrySet()
                            .stream()
                            .filter(field -> field.getValue().containsKey(operation))
                            .map(Map.Entry::getKey)
                            .toList());
            }
            fieldsByOperation.put(entity, byOperation);
        });
    }

    static FieldRules bind(DomainModel model, Map<String, List<RuleDeclaration>> declarations, List<String> problems) {
        Map<String, Map<String, List<BoundDeclaration>>> declared = new LinkedHashMap<>();
        Map<String, Map<String, Map<Operation, Bound>>> combined = new LinkedHashMap<>();
        declarations.forEach((entityName, rules) -> {
            if (model.entities().stream().noneMatch(entity -> entity.name().equals(entityName))) {
                return;
            }
            EntityModel entity = model.entity(entityName);
            Map<String, List<BoundDeclaration>> byField = new LinkedHashMap<>();
            for (RuleDeclaration rule : rules) {
                String field = rule.field();
                if (field == null) {
                    continue;
                }
                List<Operation> refused = rule.operations()
                    .stream()
                    .filter(operation -> operation != Operation.ALL && operation != Operation.READ
                            && operation != Operation.UPDATE)
                    .toList();
                if (!refused.isEmpty()) {
                    problems.add(PolicyProblem.describe(rule, 0, "a rule on a field governs READ and UPDATE only (ALL"
                            + " stands for both), not " + refused + ": put rules for other operations on the entity"));
                    continue;
                }
                byField.computeIfAbsent(field, key -> new ArrayList<>())
                    .add(new BoundDeclaration(rule, PolicySet.bind(model, entity, rule, OPERATIONS, problems)));
            }
            if (byField.isEmpty()) {
                return;
            }
            Map<String, Map<Operation, Bound>> rulesByField = new LinkedHashMap<>();
            byField.forEach((field, bound) -> rulesByField.put(field, combine(bound)));
            declared.put(entityName, byField);
            combined.put(entityName, rulesByField);
        });
        return new FieldRules(declared, combined);
    }

    private static Map<Operation, Bound> combine(List<BoundDeclaration> bound) {
        Map<Operation, Bound> byOperation = new EnumMap<>(Operation.class);
        for (Operation operation : OPERATIONS) {
            if (bound.stream().anyMatch(entry -> entry.conditions().containsKey(operation))) {
                byOperation.put(operation, PolicySet.combined(bound, operation, Bound.Const.TRUE));
            }
        }
        return byOperation;
    }

    /** The fields of the entity that have rules, for any operation. */
    public Set<String> fields(String entity) {
        return Collections.unmodifiableSet(combined.getOrDefault(entity, Map.of()).keySet());
    }

    /** The fields of the entity that have rules for the operation. */
    public List<String> fields(String entity, Operation operation) {
        return fieldsByOperation.getOrDefault(entity, Map.of()).getOrDefault(operation, List.of());
    }

    /** Whether any field of any entity has a rule for the operation. */
    public boolean any(Operation operation) {
        return combined.values()
            .stream()
            .flatMap(fields -> fields.values().stream())
            .anyMatch(rules -> rules.containsKey(operation));
    }

    /**
     * The field's combined rule for the operation; {@code true} when it has none (the
     * row's rule decides).
     */
    public Bound rule(String entity, String field, Operation operation) {
        Bound rule = combined.getOrDefault(entity, Map.of()).getOrDefault(field, Map.of()).get(operation);
        return rule == null ? Bound.Const.TRUE : rule;
    }

    /** The declarations on the field, as written. */
    public List<RuleDeclaration> declarations(String entity, String field) {
        return declared.getOrDefault(entity, Map.of())
            .getOrDefault(field, List.of())
            .stream()
            .map(BoundDeclaration::declaration)
            .toList();
    }

    /**
     * The field's rules that decided a denial, in their authors' words: the denies that
     * held, else every allow (none of which held).
     */
    public List<PolicyRule> decidedBy(String entity, String field, Operation operation, Predicate<Bound> holds) {
        return PolicySet.decidedBy(declared.getOrDefault(entity, Map.of()).getOrDefault(field, List.of()), operation,
                holds);
    }

}

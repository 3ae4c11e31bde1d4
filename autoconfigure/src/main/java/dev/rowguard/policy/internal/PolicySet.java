package dev.rowguard.policy.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import dev.rowguard.policy.Operation;
import dev.rowguard.policy.PolicyRule;
import dev.rowguard.policy.PolicyDefinitionException;
import dev.rowguard.policy.internal.bind.Binder;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.bind.BoundRewriter;
import dev.rowguard.policy.internal.eval.RuleSource;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.model.EntityModel;
import dev.rowguard.policy.internal.syntax.Expr;
import dev.rowguard.policy.internal.syntax.Parser;
import dev.rowguard.policy.internal.syntax.PolicySyntaxException;

/**
 * Every entity's rules, parsed, type-checked and combined per operation: allowed when
 * some allow rule holds and no deny rule does. Built once at start-up; any mistake in any
 * rule fails the whole set with one message.
 */
public final class PolicySet implements RuleSource {

    private static final Operation[] CHECKED = { Operation.CREATE, Operation.READ, Operation.UPDATE,
            Operation.POST_UPDATE, Operation.DELETE };

    private final DomainModel model;

    private final boolean allowUnannotated;

    private final Map<String, List<BoundDeclaration>> declared;

    private final Map<String, Map<Operation, Bound>> rules;

    private final FieldRules fieldRules;

    private final Set<String> unannotated;

    private final Map<String, Map<Operation, Integer>> highestVariables = new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<String, Map<Operation, Boolean>> ownColumnsOnly = new java.util.concurrent.ConcurrentHashMap<>();

    private PolicySet(DomainModel model, boolean allowUnannotated, Map<String, List<BoundDeclaration>> declared,
            Map<String, Map<Operation, Bound>> rules, FieldRules fieldRules, Set<String> unannotated) {
        this.model = model;
        this.allowUnannotated = allowUnannotated;
        this.declared = declared;
        this.rules = rules;
        this.fieldRules = fieldRules;
        this.unannotated = unannotated;
    }

    /** A declaration and its condition per operation it covers. */
    record BoundDeclaration(RuleDeclaration declaration, Map<Operation, Bound> conditions) {
    }

    /**
     * @param declarations the rules of each annotated entity, on its rows and on its
     * fields; entities of the model with no rule on their rows are unannotated
     * @param allowUnannotated whether unannotated entities are open to everyone (else
     * closed)
     */
    public static PolicySet build(DomainModel model, Map<String, List<RuleDeclaration>> declarations,
            boolean allowUnannotated) {
        List<String> problems = new ArrayList<>();
        FieldRules fieldRules = FieldRules.bind(model, declarations, problems);
        Map<String, List<RuleDeclaration>> rowDeclarations = new LinkedHashMap<>();
        declarations.forEach((entity, rules) -> rowDeclarations.put(entity,
                rules.stream().filter(rule -> rule.field() == null).toList()));
        return assemble(model, allowUnannotated, Map.of(), rowDeclarations, fieldRules, problems);
    }

    /**
     * This set plus more declarations (the hidden-reference denies): only the new ones
     * are parsed and type-checked, the rules already bound are reused.
     */
    public PolicySet with(Map<String, List<RuleDeclaration>> added) {
        return added.isEmpty() ? this
                : assemble(model, allowUnannotated, declared, added, fieldRules, new ArrayList<>());
    }

    private static PolicySet assemble(DomainModel model, boolean allowUnannotated,
            Map<String, List<BoundDeclaration>> bound, Map<String, List<RuleDeclaration>> added, FieldRules fieldRules,
            List<String> problems) {
        Map<String, List<BoundDeclaration>> declared = new LinkedHashMap<>();
        Map<String, Map<Operation, Bound>> rules = new LinkedHashMap<>();
        Set<String> unannotated = new LinkedHashSet<>();
        for (EntityModel entity : model.entities()) {
            List<BoundDeclaration> declarations = new ArrayList<>(bound.getOrDefault(entity.name(), List.of()));
            for (RuleDeclaration rule : added.getOrDefault(entity.name(), List.of())) {
                declarations.add(new BoundDeclaration(rule, bind(model, entity, rule, CHECKED, problems)));
            }
            if (declarations.isEmpty()) {
                unannotated.add(entity.name());
                rules.put(entity.name(), constantRules(allowUnannotated));
                continue;
            }
            declared.put(entity.name(), List.copyOf(declarations));
            rules.put(entity.name(), combine(declarations));
        }
        if (problems.isEmpty()) {
            problems.addAll(CheckCycles.find(rules));
        }
        if (!problems.isEmpty()) {
            throw new PolicyDefinitionException(problems);
        }
        return new PolicySet(model, allowUnannotated, declared, rules, fieldRules, unannotated);
    }

    @Override
    public Bound rule(String entity, Operation operation) {
        Map<Operation, Bound> byOperation = rules.get(entity);
        if (byOperation == null) {
            throw new IllegalArgumentException("No policies for entity " + entity);
        }
        return Objects.requireNonNull(byOperation.get(operation));
    }

    @Override
    public int highestVariable(String entity, Operation operation) {
        return perRule(highestVariables, entity, operation, () -> BoundRewriter.maxVariable(rule(entity, operation)));
    }

    /**
     * Whether the entity's rule for the operation reads only the row's own columns
     * (decided in memory on writes).
     */
    public boolean isOwnColumnsOnly(String entity, Operation operation) {
        return perRule(ownColumnsOnly, entity, operation, () -> isOwnColumnsOnly(rule(entity, operation)));
    }

    /**
     * A fact about one rule, computed at its first use and kept: the rules never change.
     */
    private static <T> T perRule(Map<String, Map<Operation, T>> facts, String entity, Operation operation,
            java.util.function.Supplier<T> compute) {
        return facts.computeIfAbsent(entity, key -> new java.util.concurrent.ConcurrentHashMap<>())
            .computeIfAbsent(operation, key -> compute.get());
    }

    public DomainModel model() {
        return model;
    }

    /** The rules that stand on fields. */
    public FieldRules fieldRules() {
        return fieldRules;
    }

    public Set<String> unannotatedEntities() {
        return unannotated;
    }

    public Collection<String> entities() {
        return rules.keySet();
    }

    /**
     * The declarations behind an entity's rules, in order; none for an unannotated
     * entity.
     */
    public List<RuleDeclaration> declarations(String entity) {
        return declared.getOrDefault(entity, List.of()).stream().map(BoundDeclaration::declaration).toList();
    }

    /**
     * The rules that decided a denial of the operation, in their authors' words: the
     * denies whose condition holds, else every allow (none of which held). Empty for an
     * unannotated entity or one with no rule for the operation.
     * @param holds whether one rule's condition holds for the row denied
     */
    public List<PolicyRule> decidedBy(String entity, Operation operation, Predicate<Bound> holds) {
        return decidedBy(declared.getOrDefault(entity, List.of()), operation, holds);
    }

    static List<PolicyRule> decidedBy(List<BoundDeclaration> declarations, Operation operation,
            Predicate<Bound> holds) {
        List<PolicyRule> allows = new ArrayList<>();
        List<PolicyRule> denies = new ArrayList<>();
        for (BoundDeclaration entry : declarations) {
            Bound condition = entry.conditions().get(operation);
            if (condition == null) {
                continue;
            }
            if (entry.declaration().allow()) {
                allows.add(entry.declaration().asRule(operation));
            }
            else if (holds.test(condition)) {
                denies.add(entry.declaration().asRule(operation));
            }
        }
        return denies.isEmpty() ? allows : denies;
    }

    static Map<Operation, Bound> bind(DomainModel model, EntityModel entity, RuleDeclaration rule,
            Operation[] operations, List<String> problems) {
        Map<Operation, Bound> byOperation = new EnumMap<>(Operation.class);
        Expr expr;
        try {
            expr = Parser.parse(rule.expression());
        }
        catch (PolicySyntaxException ex) {
            problems.add(PolicyProblem.describe(rule, ex.position(), Objects.requireNonNull(ex.getMessage())));
            return byOperation;
        }
        for (Operation operation : operations) {
            if (!rule.covers(operation)) {
                continue;
            }
            try {
                byOperation.put(operation, Binder.bindCondition(model, entity, operation, expr));
            }
            catch (PolicySyntaxException ex) {
                problems.add(PolicyProblem.describe(rule, ex.position(), Objects.requireNonNull(ex.getMessage())));
                return byOperation;
            }
        }
        return byOperation;
    }

    private static Map<Operation, Bound> combine(List<BoundDeclaration> bound) {
        Map<Operation, Bound> combined = new EnumMap<>(Operation.class);
        for (Operation operation : CHECKED) {
            combined.put(operation, combined(bound, operation, Bound.Const.of(operation == Operation.POST_UPDATE)));
        }
        return combined;
    }

    /**
     * The declarations' allows and denies for one operation as one rule.
     * @param whenNoAllow the rule's allowed part when there is no allow
     */
    static Bound combined(List<BoundDeclaration> bound, Operation operation, Bound whenNoAllow) {
        List<Bound> allows = new ArrayList<>();
        List<Bound> denies = new ArrayList<>();
        for (BoundDeclaration entry : bound) {
            Bound condition = entry.conditions().get(operation);
            if (condition != null) {
                (entry.declaration().allow() ? allows : denies).add(condition);
            }
        }
        return CombinedRule.of(allows, denies, whenNoAllow);
    }

    private static Map<Operation, Bound> constantRules(boolean allow) {
        Map<Operation, Bound> constant = new EnumMap<>(Operation.class);
        for (Operation operation : CHECKED) {
            constant.put(operation, Bound.Const.of(allow || operation == Operation.POST_UPDATE));
        }
        return constant;
    }

    /**
     * Whether a rule reads only the row's own columns (no relation, no check()):
     * decidable in memory.
     */
    public static boolean isOwnColumnsOnly(Bound rule) {
        boolean[] reaches = { false };
        new BoundRewriter() {
            @Override
            public Bound rewrite(Bound node) {
                if ((node instanceof Bound.Field field && !field.hops().isEmpty()) || node instanceof Bound.Quantified
                        || node instanceof Bound.Check || node instanceof Bound.Related) {
                    reaches[0] = true;
                }
                return rewriteChildren(node);
            }
        }.rewrite(rule);
        return !reaches[0];
    }

}

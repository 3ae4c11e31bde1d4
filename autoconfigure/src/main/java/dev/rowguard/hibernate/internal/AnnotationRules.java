package dev.rowguard.hibernate.internal;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.Deny;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.PolicyDefinitionException;
import dev.rowguard.policy.internal.RuleDeclaration;

import org.hibernate.mapping.PersistentClass;

/**
 * The {@code @Allow} / {@code @Deny} declarations on the mapped entity classes: on the
 * class (the rows) and on its fields, its {@code @MappedSuperclass}es' included, and for
 * fields those of the entity classes it extends (their fields are its fields).
 */
final class AnnotationRules {

    private static final Pattern CURRENT_MODEL = Pattern.compile("\\bcurrentModel\\s*\\(");

    private AnnotationRules() {
    }

    static Map<String, List<RuleDeclaration>> read(Iterable<PersistentClass> bindings) {
        Map<String, List<RuleDeclaration>> rules = new LinkedHashMap<>();
        for (PersistentClass binding : bindings) {
            Class<?> type = binding.getMappedClass();
            if (type == null) {
                continue;
            }
            List<RuleDeclaration> declared = new ArrayList<>();
            for (Class<?> declaring : declaringClasses(type)) {
                declared.addAll(declarations(binding.getJpaEntityName(), declaring));
            }
            if (!declared.isEmpty()) {
                rules.put(binding.getJpaEntityName(), declared);
            }
        }
        inheritRootRules(bindings, rules);
        for (PersistentClass binding : bindings) {
            Class<?> type = binding.getMappedClass();
            if (type == null) {
                continue;
            }
            List<RuleDeclaration> onFields = new ArrayList<>();
            for (Class<?> current = type; current != null
                    && current != Object.class; current = current.getSuperclass()) {
                for (Field field : current.getDeclaredFields()) {
                    declarations(binding.getJpaEntityName(), field)
                        .forEach(rule -> onFields.add(rule.onField(field.getName())));
                }
            }
            if (!onFields.isEmpty()) {
                List<RuleDeclaration> all = new ArrayList<>(rules.getOrDefault(binding.getJpaEntityName(), List.of()));
                all.addAll(onFields);
                rules.put(binding.getJpaEntityName(), all);
            }
        }
        return rules;
    }

    private static List<RuleDeclaration> declarations(String entity, AnnotatedElement element) {
        List<RuleDeclaration> declared = new ArrayList<>();
        for (Allow allow : element.getAnnotationsByType(Allow.class)) {
            declared.add(new RuleDeclaration(entity, true, Arrays.asList(allow.value()), allow.when(), allow.code(),
                    allow.message()));
        }
        for (Deny deny : element.getAnnotationsByType(Deny.class)) {
            declared.add(new RuleDeclaration(entity, false, Arrays.asList(deny.value()), deny.when(), deny.code(),
                    deny.message()));
        }
        return declared;
    }

    /**
     * The entity class and the {@code @MappedSuperclass} classes above it, whose rules
     * every entity extending them has (as ZenStack's abstract models'), bound for that
     * entity: {@code currentModel()} tells them apart.
     */
    private static List<Class<?>> declaringClasses(Class<?> type) {
        List<Class<?>> classes = new ArrayList<>();
        classes.add(type);
        for (Class<?> current = type.getSuperclass(); current != null
                && !current.isAnnotationPresent(Entity.class); current = current.getSuperclass()) {
            if (current.isAnnotationPresent(MappedSuperclass.class)) {
                classes.add(current);
            }
        }
        return classes;
    }

    /**
     * A subclass without annotations takes its root's rules. One with its own must keep
     * the root's read rules: Hibernate applies the root entity's filter to every query,
     * {@code find()} and {@code treat()} through the root, so a subclass's own read rule
     * would not hold there.
     */
    private static void inheritRootRules(Iterable<PersistentClass> bindings, Map<String, List<RuleDeclaration>> rules) {
        List<String> problems = new ArrayList<>();
        for (PersistentClass binding : bindings) {
            if (binding.getSuperclass() == null || binding.getMappedClass() == null) {
                continue;
            }
            String root = binding.getRootClass().getJpaEntityName();
            String entity = binding.getJpaEntityName();
            List<RuleDeclaration> rootRules = rules.getOrDefault(root, List.of());
            List<RuleDeclaration> own = rules.get(entity);
            if (own == null && !rootRules.isEmpty()) {
                rules.put(entity, rootRules.stream().map(rule -> rule.on(entity)).toList());
            }
            if (readRules(rules.getOrDefault(entity, List.of())).stream()
                .anyMatch(rule -> CURRENT_MODEL.matcher(rule.get(1).toString()).find())) {
                problems.add(entity + " extends " + root + " and its READ rules use currentModel(), which names "
                        + entity + " there but " + root + " in the read filter Hibernate applies to the whole"
                        + " hierarchy. Compare an attribute (or the discriminator's attribute) instead.");
            }
            else if (own != null && !readRules(own).equals(readRules(rootRules))) {
                problems.add(entity + " extends " + root + " but declares other READ rules (" + describe(own)
                        + ") than " + root + " (" + describe(rootRules) + "). Hibernate applies the read filter of "
                        + root + ", the root of the hierarchy, to every query, find() and treat() through " + root
                        + ", where a subclass's own read rule would not hold. Declare read rules on " + root
                        + " only; CREATE, UPDATE, POST_UPDATE and DELETE rules may differ per subclass.");
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyDefinitionException(problems);
        }
    }

    private static Set<List<Object>> readRules(List<RuleDeclaration> rules) {
        return rules.stream()
            .filter(rule -> rule.field() == null && rule.covers(Operation.READ))
            .map(rule -> List.<Object>of(rule.allow(), rule.expression().strip()))
            .collect(Collectors.toSet());
    }

    private static String describe(List<RuleDeclaration> rules) {
        String read = rules.stream()
            .filter(rule -> rule.covers(Operation.READ))
            .map(RuleDeclaration::describe)
            .collect(Collectors.joining(" "));
        return read.isEmpty() ? "none" : read;
    }

}

package dev.rowguard.hibernate.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.Deny;
import dev.rowguard.policy.internal.RuleDeclaration;

import org.hibernate.mapping.PersistentClass;

/** The {@code @Allow} / {@code @Deny} declarations on the mapped entity classes. */
final class AnnotationRules {

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
            for (Allow allow : type.getAnnotationsByType(Allow.class)) {
                declared.add(new RuleDeclaration(binding.getJpaEntityName(), true, Arrays.asList(allow.value()), allow.when()));
            }
            for (Deny deny : type.getAnnotationsByType(Deny.class)) {
                declared.add(new RuleDeclaration(binding.getJpaEntityName(), false, Arrays.asList(deny.value()), deny.when()));
            }
            if (!declared.isEmpty()) {
                rules.put(binding.getJpaEntityName(), declared);
            }
        }
        return rules;
    }
}

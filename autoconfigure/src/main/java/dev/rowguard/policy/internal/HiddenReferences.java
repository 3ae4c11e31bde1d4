package dev.rowguard.policy.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.model.EntityModel;

/**
 * A readable row whose to-one relation points at a row the caller may not read is hidden
 * too (ZenStack v2's semantics): otherwise loading the relation would fail, or show a row
 * that does not exist for the caller. Each such relation adds a read deny
 * {@code rel != null && !check(rel, 'read')} ({@code !check(rel, 'read')} when the
 * relation is required). Relations that would make these checks circular are left out
 * (their targets' rules are then not applied through them).
 */
public final class HiddenReferences {

    private HiddenReferences() {
    }

    /**
     * A read deny for every to-one relation of an annotated entity whose target's read
     * rule is not always true, by entity: to be added to {@code declared} with
     * {@link PolicySet#with}.
     */
    public static Map<String, List<RuleDeclaration>> of(PolicySet declared) {
        Map<String, Set<String>> edges = new HashMap<>();
        Map<String, List<RuleDeclaration>> result = new LinkedHashMap<>();
        for (String entity : declared.entities()) {
            if (declared.unannotatedEntities().contains(entity)) {
                continue;
            }
            EntityModel model = declared.model().entity(entity);
            for (Attribute attribute : model.attributes().values()) {
                if (attribute instanceof Attribute.ToOne relation
                        && !Bound.Const.TRUE.equals(declared.rule(relation.targetEntity(), Operation.READ))
                        && !reaches(edges, relation.targetEntity(), entity)) {
                    edges.computeIfAbsent(entity, key -> new HashSet<>()).add(relation.targetEntity());
                    // A required relation is never null in a stored row: no null test, so
                    // the check can merge
                    // with the rule's own semi-join through the same foreign key.
                    String check = "!check(" + relation.name() + ", 'read')";
                    result.computeIfAbsent(entity, key -> new ArrayList<>())
                        .add(RuleDeclaration.deny(entity,
                                relation.optional() ? relation.name() + " != null && " + check : check,
                                Operation.READ));
                }
            }
        }
        return result;
    }

    private static boolean reaches(Map<String, Set<String>> edges, String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        List<String> pending = new ArrayList<>(List.of(from));
        while (!pending.isEmpty()) {
            String next = pending.remove(pending.size() - 1);
            if (next.equals(to)) {
                return true;
            }
            if (seen.add(next)) {
                pending.addAll(edges.getOrDefault(next, Set.of()));
            }
        }
        return false;
    }

}

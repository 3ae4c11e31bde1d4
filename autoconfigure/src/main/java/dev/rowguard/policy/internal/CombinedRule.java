package dev.rowguard.policy.internal;

import java.util.ArrayList;
import java.util.List;

import dev.rowguard.policy.internal.bind.Bound;

/**
 * One operation's rule from its allows and denies:
 * {@code (a1 || a2 || ...) && !d1 && !d2 ...}. A deny {@code x && !c} whose {@code c} is
 * itself one of the allows, as the hidden-reference deny
 * {@code parent != null && !check(parent, 'read')} next to
 * {@code @Allow(READ, "check(parent)")}, is factored: {@code (a || c) && (!x || c)} is
 * {@code c || (a && !x)}, so {@code c} is written once. Unfactored, a chain of
 * {@code check(parent)} doubled the rule at every level (and its SQL with it). Two-valued
 * logic makes both forms equal for the evaluator and the SQL alike.
 */
final class CombinedRule {

    private CombinedRule() {
    }

    /**
     * @param whenNoAllow the rule's allowed part when there is no allow
     */
    static Bound of(List<Bound> allows, List<Bound> denies, Bound whenNoAllow) {
        for (Bound shared : allows) {
            List<Bound> sharing = denies.stream()
                .filter(deny -> conjuncts(deny).contains(new Bound.Not(shared)))
                .toList();
            if (!sharing.isEmpty()) {
                List<Bound> others = new ArrayList<>(denies);
                others.removeAll(sharing);
                return withoutDenies(factored(shared, allows, sharing), others);
            }
        }
        return withoutDenies(allows.isEmpty() ? whenNoAllow : or(allows), denies);
    }

    /**
     * {@code shared || (otherAllows && !x1 && !x2 ...)} for denies {@code x1 && !shared},
     * {@code x2 && !shared}...
     */
    private static Bound factored(Bound shared, List<Bound> allows, List<Bound> sharing) {
        List<Bound> otherAllows = new ArrayList<>(allows);
        otherAllows.remove(shared);
        if (otherAllows.isEmpty()) {
            return shared;
        }
        List<Bound> rest = new ArrayList<>();
        rest.add(or(otherAllows));
        for (Bound deny : sharing) {
            List<Bound> conditions = new ArrayList<>(conjuncts(deny));
            conditions.remove(new Bound.Not(shared));
            if (conditions.isEmpty()) {
                return shared;
            }
            rest.add(new Bound.Not(conditions.size() == 1 ? conditions.get(0) : new Bound.And(conditions)));
        }
        return new Bound.Or(List.of(shared, new Bound.And(rest)));
    }

    private static List<Bound> conjuncts(Bound deny) {
        return deny instanceof Bound.And and ? and.operands() : List.of(deny);
    }

    private static Bound withoutDenies(Bound allowed, List<Bound> denies) {
        return denies.isEmpty() ? allowed : new Bound.And(List.of(allowed, new Bound.Not(or(denies))));
    }

    private static Bound or(List<Bound> operands) {
        return operands.size() == 1 ? operands.get(0) : new Bound.Or(List.copyOf(operands));
    }

}

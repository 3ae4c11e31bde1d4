package dev.rowguard.policy.internal.sql;

import java.util.ArrayList;
import java.util.List;

import dev.rowguard.policy.internal.bind.Bound;

import org.jspecify.annotations.Nullable;

/**
 * The disjuncts of a semi-join's condition, for one {@code UNION ALL} branch each:
 * PostgreSQL plans {@code a OR b} inside a subquery badly, but each branch well. An AND
 * over ORs is distributed ({@code (a || b) && c} gives {@code a && c}, {@code b && c})
 * while that stays small; beyond {@link #MAX_BRANCHES} the condition is left as one
 * branch.
 */
final class Branches {

    static final int MAX_BRANCHES = 8;

    private Branches() {
    }

    static List<Bound> of(Bound condition) {
        List<List<Bound>> disjuncts = disjuncts(condition);
        if (disjuncts == null) {
            return List.of(condition);
        }
        List<Bound> branches = new ArrayList<>();
        for (List<Bound> conjuncts : disjuncts) {
            branches.add(conjuncts.size() == 1 ? conjuncts.get(0) : new Bound.And(conjuncts));
        }
        return branches;
    }

    /**
     * Disjunctive normal form as lists of conjuncts, or null when it would exceed the
     * limit.
     */
    private static @Nullable List<List<Bound>> disjuncts(Bound condition) {
        if (condition instanceof Bound.Or or) {
            List<List<Bound>> all = new ArrayList<>();
            for (Bound operand : or.operands()) {
                List<List<Bound>> part = disjuncts(operand);
                if (part == null || all.size() + part.size() > MAX_BRANCHES) {
                    return null;
                }
                all.addAll(part);
            }
            return all;
        }
        if (condition instanceof Bound.And and) {
            List<List<Bound>> product = new ArrayList<>();
            product.add(List.of());
            for (Bound operand : and.operands()) {
                List<List<Bound>> part = disjuncts(operand);
                if (part == null || product.size() * part.size() > MAX_BRANCHES) {
                    return null;
                }
                List<List<Bound>> next = new ArrayList<>();
                for (List<Bound> prefix : product) {
                    for (List<Bound> conjuncts : part) {
                        List<Bound> combined = new ArrayList<>(prefix);
                        combined.addAll(conjuncts);
                        next.add(combined);
                    }
                }
                product = next;
            }
            return product;
        }
        return List.of(List.of(condition));
    }

}

package dev.rowguard.policy.internal.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.bind.BoundRewriter;
import dev.rowguard.policy.internal.bind.ForeignKeys;
import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.model.DomainModel;

/**
 * Conditions known to hold where a sub-condition is evaluated: the other conjuncts of the ANDs
 * around it. Compared up to the names of the rows they bind ({@link #canonical}), so that the
 * same rule inlined twice (once from a branch, once from a {@code check()}) is recognised.
 * Entering a semi-join carries over what is known about its row: the foreign key's value becomes
 * the related row's id, and what another semi-join through the same foreign key requires of the
 * same row holds for it too.
 */
final class Facts {

    static final Facts NONE = new Facts(Set.of(), List.of());

    private final Set<Bound> known;
    private final List<Bound.Related> related;

    private Facts(Set<Bound> known, List<Bound.Related> related) {
        this.known = known;
        this.related = related;
    }

    boolean holds(Bound condition) {
        return known.contains(canonical(condition));
    }

    boolean refuted(Bound condition) {
        if (condition instanceof Bound.IsNull isNull && isNull.operand() instanceof Bound.Field field && compared(field)) {
            return true;
        }
        return condition instanceof Bound.Not not ? holds(not.operand()) : known.contains(canonical(new Bound.Not(condition)));
    }

    /** Whether a known comparison holds for the column: then it is not null (a comparison with null is false). */
    private boolean compared(Bound.Field column) {
        for (Bound fact : known) {
            if (fact instanceof Bound.Compare compare && (compare.left().equals(column) || compare.right().equals(column))) {
                return true;
            }
        }
        return false;
    }

    /** These facts and {@code conditions}, each split into its conjuncts. */
    Facts with(List<Bound> conditions) {
        Set<Bound> moreKnown = new HashSet<>(known);
        List<Bound.Related> moreRelated = new ArrayList<>(related);
        for (Bound condition : conditions) {
            add(condition, moreKnown, moreRelated);
        }
        return new Facts(moreKnown, moreRelated);
    }

    private static void add(Bound condition, Set<Bound> known, List<Bound.Related> related) {
        if (condition instanceof Bound.And and) {
            for (Bound operand : and.operands()) {
                add(operand, known, related);
            }
            return;
        }
        if (condition instanceof Bound.Const) {
            return;
        }
        known.add(canonical(condition));
        if (condition instanceof Bound.Related semiJoin) {
            related.add(semiJoin);
        }
    }

    /** What is known inside {@code semiJoin}'s subquery, where its related row is bound. */
    Facts entering(Bound.Related semiJoin, DomainModel model) {
        Attribute.Scalar targetId = model.entity(semiJoin.relation().targetEntity()).id();
        Bound.Field foreignKey = foreignKey(semiJoin, targetId);
        Bound.Field relatedId = new Bound.Field(semiJoin.relatedVariable(), List.of(), targetId);
        List<Bound> carried = new ArrayList<>();
        for (Bound fact : known) {
            if (fact instanceof Bound.Compare compare && compare.left().equals(foreignKey) && isValue(compare.right())) {
                carried.add(new Bound.Compare(compare.operator(), relatedId, compare.right()));
            }
        }
        for (Bound.Related other : related) {
            if (other.variable() == semiJoin.variable() && other.relation().equals(semiJoin.relation())) {
                int from = other.relatedVariable();
                int to = semiJoin.relatedVariable();
                carried.add(BoundRewriter.mapVariables(other.condition(), variable -> variable == from ? to : variable));
            }
        }
        return carried.isEmpty() ? this : with(carried);
    }

    /** Whether the semi-join's foreign key is known to hold a value (so, the schema's foreign key being enforced, its row exists). */
    boolean hasRow(Bound.Related semiJoin, DomainModel model) {
        if (!semiJoin.relation().optional()) {
            return true;
        }
        Bound.Field foreignKey = foreignKey(semiJoin, model.entity(semiJoin.relation().targetEntity()).id());
        for (Bound fact : known) {
            if (fact instanceof Bound.Compare compare && compare.left().equals(foreignKey) && isValue(compare.right())) {
                return true;
            }
        }
        for (Bound.Related other : related) {
            if (other.variable() == semiJoin.variable() && other.relation().equals(semiJoin.relation())) {
                return true;
            }
        }
        return false;
    }

    private static Bound.Field foreignKey(Bound.Related semiJoin, Attribute.Scalar targetId) {
        return new Bound.Field(semiJoin.variable(), List.of(), ForeignKeys.asScalar(semiJoin.relation(), targetId));
    }

    private static boolean isValue(Bound operand) {
        return operand instanceof Bound.Param || (operand instanceof Bound.Const constant && constant.value() != null);
    }

    /** The condition with the rows it binds itself renamed in order of appearance: equal for equal conditions. */
    static Bound canonical(Bound condition) {
        int[] next = { -1 };
        java.util.Map<Integer, Integer> bound = new java.util.HashMap<>();
        return new BoundRewriter() {
            @Override
            public Bound rewrite(Bound node) {
                if (node instanceof Bound.Quantified q) {
                    bound.put(q.elementVariable(), next[0]--);
                    return new Bound.Quantified(q.quantifier(), rename(q.variable()), q.hops(), q.relation(),
                            rename(q.elementVariable()), rewrite(q.condition()));
                }
                if (node instanceof Bound.Related r) {
                    bound.put(r.relatedVariable(), next[0]--);
                    return new Bound.Related(rename(r.variable()), r.relation(), rename(r.relatedVariable()),
                            rewrite(r.condition()));
                }
                if (node instanceof Bound.Field f) {
                    return new Bound.Field(rename(f.variable()), f.hops(), f.attribute());
                }
                return rewriteChildren(node);
            }

            private int rename(int variable) {
                return bound.getOrDefault(variable, variable);
            }
        }.rewrite(condition);
    }
}

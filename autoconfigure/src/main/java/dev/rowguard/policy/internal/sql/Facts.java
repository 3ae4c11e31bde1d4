package dev.rowguard.policy.internal.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.bind.BoundRewriter;
import dev.rowguard.policy.internal.bind.ForeignKeys;
import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.model.DomainModel;

import org.jspecify.annotations.Nullable;

/**
 * Conditions known to hold where a sub-condition is evaluated: the other conjuncts of the
 * ANDs around it. Compared up to the names of the rows they bind ({@link Canonical}), so
 * that the same rule inlined twice (once from a branch, once from a {@code check()}) is
 * recognised. Entering a semi-join carries over what is known about its row: the foreign
 * key's value becomes the related row's id, and what another semi-join through the same
 * foreign key requires of the same row holds for it too.
 */
final class Facts {

    /** A known condition and the conjunct it came from. */
    private record Entry<T extends Bound>(T condition, int slot) {
    }

    private final Canonical canonical;

    /** The facts these were added to (a chain, so adding copies nothing), or null. */
    private final @Nullable Facts outer;

    /**
     * The conditions added here by {@link Canonical#signature}: forms are built only when
     * a signature matches.
     */
    private final Map<Integer, List<Entry<Bound>>> known = new HashMap<>();

    private final List<Entry<Bound.Related>> related = new ArrayList<>();

    /** Comparisons added here by their column operands: a compared column is not null. */
    private final Map<Bound.Field, List<Entry<Bound.Compare>>> comparisons = new HashMap<>();

    /**
     * The lists each slot's conditions went into, so that {@link #replace} touches only
     * those.
     */
    private final Map<Integer, List<List<? extends Entry<?>>>> addedBySlot = new HashMap<>();

    /** The conjunct whose own facts are left out while it is being simplified, or -1. */
    private int excluded = -1;

    private Facts(Canonical canonical, @Nullable Facts outer) {
        this.canonical = canonical;
        this.outer = outer;
    }

    /** No facts yet; forms are computed (and remembered) by {@code canonical}. */
    static Facts none(Canonical canonical) {
        return new Facts(canonical, null);
    }

    boolean holds(Bound condition) {
        return holds(condition, canonical.signature(condition));
    }

    private boolean holds(Bound condition, int signature) {
        for (Facts level = this; level != null; level = level.outer) {
            List<Entry<Bound>> candidates = level.known.get(signature);
            if (candidates != null) {
                Canonical.Form form = canonical.of(condition);
                for (Entry<Bound> candidate : candidates) {
                    if (candidate.slot() != level.excluded && canonical.of(candidate.condition()).equals(form)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    boolean refuted(Bound condition) {
        if (condition instanceof Bound.IsNull isNull && isNull.operand() instanceof Bound.Field field
                && !comparisonsOf(field).isEmpty()) {
            return true;
        }
        if (condition instanceof Bound.Not not) {
            return holds(not.operand());
        }
        return holds(new Bound.Not(condition), Canonical.negatedSignature(canonical.signature(condition)));
    }

    private List<Bound.Compare> comparisonsOf(Bound.Field column) {
        List<Bound.Compare> all = new ArrayList<>();
        for (Facts level = this; level != null; level = level.outer) {
            for (Entry<Bound.Compare> entry : level.comparisons.getOrDefault(column, List.of())) {
                if (entry.slot() != level.excluded) {
                    all.add(entry.condition());
                }
            }
        }
        return all;
    }

    private List<Bound.Related> relatedFacts() {
        List<Bound.Related> all = new ArrayList<>();
        for (Facts level = this; level != null; level = level.outer) {
            for (Entry<Bound.Related> entry : level.related) {
                if (entry.slot() != level.excluded) {
                    all.add(entry.condition());
                }
            }
        }
        return all;
    }

    /**
     * These facts and the conjuncts of an AND, numbered by position, so that one can be
     * {@linkplain #exclude excluded} while it is simplified under the others and then
     * {@linkplain #replace replaced} by its simpler form: one level for the whole AND.
     */
    Facts conjunction(List<Bound> conjuncts) {
        Facts level = new Facts(canonical, this);
        for (int slot = 0; slot < conjuncts.size(); slot++) {
            level.add(conjuncts.get(slot), slot);
        }
        return level;
    }

    void exclude(int slot) {
        excluded = slot;
    }

    void replace(int slot, Bound condition) {
        List<List<? extends Entry<?>>> added = addedBySlot.remove(slot);
        if (added != null) {
            for (List<? extends Entry<?>> entries : added) {
                entries.removeIf(entry -> entry.slot() == slot);
            }
        }
        add(condition, slot);
    }

    private void add(Bound condition, int slot) {
        if (condition instanceof Bound.And and) {
            for (Bound operand : and.operands()) {
                add(operand, slot);
            }
            return;
        }
        if (condition instanceof Bound.Const) {
            return;
        }
        List<List<? extends Entry<?>>> added = addedBySlot.computeIfAbsent(slot, key -> new ArrayList<>());
        List<Entry<Bound>> sameSignature = known.computeIfAbsent(canonical.signature(condition),
                signature -> new ArrayList<>());
        sameSignature.add(new Entry<>(condition, slot));
        added.add(sameSignature);
        if (condition instanceof Bound.Related semiJoin) {
            related.add(new Entry<>(semiJoin, slot));
            added.add(related);
        }
        if (condition instanceof Bound.Compare compare) {
            for (Bound operand : List.of(compare.left(), compare.right())) {
                if (operand instanceof Bound.Field column) {
                    List<Entry<Bound.Compare>> ofColumn = comparisons.computeIfAbsent(column, key -> new ArrayList<>());
                    ofColumn.add(new Entry<>(compare, slot));
                    added.add(ofColumn);
                }
            }
        }
    }

    /**
     * What is known inside {@code semiJoin}'s subquery, where its related row is bound.
     */
    Facts entering(Bound.Related semiJoin, DomainModel model) {
        Attribute.Scalar targetId = model.entity(semiJoin.relation().targetEntity()).requiredId();
        Bound.Field relatedId = new Bound.Field(semiJoin.relatedVariable(), List.of(), targetId);
        List<Bound> carried = new ArrayList<>();
        for (Bound.Compare compare : valuesOf(foreignKey(semiJoin, targetId))) {
            carried.add(new Bound.Compare(compare.operator(), relatedId, compare.right()));
        }
        for (Bound.Related other : throughTheSameKey(semiJoin)) {
            int from = other.relatedVariable();
            int to = semiJoin.relatedVariable();
            carried.add(BoundRewriter.mapVariables(other.condition(), variable -> variable == from ? to : variable));
        }
        return carried.isEmpty() ? this : conjunction(carried);
    }

    /**
     * Whether the semi-join's foreign key is known to hold a value (so, the schema's
     * foreign key being enforced, its row exists).
     */
    boolean hasRow(Bound.Related semiJoin, DomainModel model) {
        return !semiJoin.relation().optional()
                || !valuesOf(foreignKey(semiJoin, model.entity(semiJoin.relation().targetEntity()).requiredId()))
                    .isEmpty()
                || !throughTheSameKey(semiJoin).isEmpty();
    }

    /** The known comparisons of the foreign key with a value. */
    private List<Bound.Compare> valuesOf(Bound.Field foreignKey) {
        return comparisonsOf(foreignKey).stream()
            .filter(compare -> compare.left().equals(foreignKey) && isValue(compare.right()))
            .toList();
    }

    /**
     * The known semi-joins from the same row through the same relation: they reach the
     * same related row.
     */
    private List<Bound.Related> throughTheSameKey(Bound.Related semiJoin) {
        return relatedFacts().stream()
            .filter(other -> other.variable() == semiJoin.variable() && other.relation().equals(semiJoin.relation()))
            .toList();
    }

    private static Bound.Field foreignKey(Bound.Related semiJoin, Attribute.Scalar targetId) {
        return new Bound.Field(semiJoin.variable(), List.of(), ForeignKeys.asScalar(semiJoin.relation(), targetId));
    }

    private static boolean isValue(Bound operand) {
        return operand instanceof Bound.Param || (operand instanceof Bound.Const constant && constant.value() != null);
    }

}

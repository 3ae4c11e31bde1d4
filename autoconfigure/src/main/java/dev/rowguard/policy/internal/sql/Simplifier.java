package dev.rowguard.policy.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.syntax.Quantifier;

import org.jspecify.annotations.Nullable;

/**
 * Drops from a hoisted condition what the conditions around it already imply. Inlined
 * {@code check()}s repeat what a rule's own branch has just required: in
 * {@code list.owner == auth()} the list's owner is readable (User allows
 * {@code auth() == this}), in {@code list.space.members?[user == auth()]} the space is
 * (Space allows {@code members?[user == auth()]}); left in, PostgreSQL executes them
 * again for every row. So each semi-join's condition is split into its {@code UNION ALL}
 * branches ({@link Branches}) and every branch simplified under its own conjuncts
 * ({@link Facts}): a disjunction one of whose disjuncts is known is true, a conjunct
 * already known is dropped, and a semi-join left with no condition on a foreign key that
 * has a value is true (the schema's foreign key guarantees the row). Branches that repeat
 * or contain another branch are dropped.
 *
 * <p>
 * Every step replaces a condition by one equal to it wherever it stands, so the result
 * means what the input meant, for the two-valued logic of the rules.
 */
final class Simplifier {

    private final DomainModel model;

    private final @Nullable SimplifiedSemiJoins shared;

    private final Canonical canonical = new Canonical();

    private Simplifier(DomainModel model, @Nullable SimplifiedSemiJoins shared) {
        this.model = model;
        this.shared = shared;
    }

    static Bound simplify(Bound hoisted, DomainModel model) {
        return simplify(hoisted, model, null);
    }

    /**
     * @param shared semi-join conditions simplified before, to reuse and add to; or null
     */
    static Bound simplify(Bound hoisted, DomainModel model, @Nullable SimplifiedSemiJoins shared) {
        Simplifier simplifier = new Simplifier(model, shared);
        return simplifier.simplify(hoisted, Facts.none(simplifier.canonical));
    }

    private Bound simplify(Bound node, Facts facts) {
        if (node instanceof Bound.Const) {
            return node;
        }
        if (facts.holds(node)) {
            return Bound.Const.TRUE;
        }
        if (facts.refuted(node)) {
            return Bound.Const.FALSE;
        }
        if (node instanceof Bound.And and) {
            return and(and.operands(), facts);
        }
        if (node instanceof Bound.Or or) {
            return or(or.operands(), facts);
        }
        if (node instanceof Bound.Not not) {
            Bound operand = simplify(not.operand(), facts);
            return operand instanceof Bound.Const constant ? Bound.Const.of(!Boolean.TRUE.equals(constant.value()))
                    : new Bound.Not(operand);
        }
        if (node instanceof Bound.Related related) {
            return related(related, facts);
        }
        if (node instanceof Bound.Quantified quantified) {
            return quantified(quantified, facts);
        }
        return node;
    }

    /**
     * Each conjunct in turn, under the others as they stand then: the AND keeps its
     * meaning at every step.
     */
    private Bound and(List<Bound> operands, Facts facts) {
        List<Bound> conjuncts = distinct(flatten(operands, Bound.And.class));
        Facts level = facts.conjunction(conjuncts);
        for (int i = 0; i < conjuncts.size(); i++) {
            level.exclude(i);
            Bound simplified = simplify(conjuncts.get(i), level);
            if (Bound.Const.FALSE.equals(simplified)) {
                return simplified;
            }
            conjuncts.set(i, simplified);
            level.replace(i, simplified);
        }
        List<Bound> kept = distinct(flatten(conjuncts, Bound.And.class));
        kept.removeIf(Bound.Const.TRUE::equals);
        return kept.isEmpty() ? Bound.Const.TRUE : kept.size() == 1 ? kept.get(0) : new Bound.And(kept);
    }

    private Bound or(List<Bound> operands, Facts facts) {
        List<Bound> disjuncts = new ArrayList<>();
        for (Bound operand : operands) {
            Bound simplified = simplify(operand, facts);
            if (Bound.Const.TRUE.equals(simplified)) {
                return simplified;
            }
            if (!Bound.Const.FALSE.equals(simplified)) {
                disjuncts.add(simplified);
            }
        }
        List<Bound> kept = withoutAbsorbed(distinct(flatten(disjuncts, Bound.Or.class)));
        return kept.isEmpty() ? Bound.Const.FALSE : kept.size() == 1 ? kept.get(0) : new Bound.Or(kept);
    }

    private Bound related(Bound.Related related, Facts facts) {
        Facts inside = facts.entering(related, model);
        // Nothing carried in: a self-contained condition simplifies the same wherever it
        // stands.
        Bound condition = shared != null && inside == facts
                ? shared.condition(related, () -> condition(related, inside)) : condition(related, inside);
        if (Bound.Const.FALSE.equals(condition)) {
            return condition;
        }
        if (Bound.Const.TRUE.equals(condition) && facts.hasRow(related, model)) {
            return condition;
        }
        return new Bound.Related(related.variable(), related.relation(), related.relatedVariable(), condition);
    }

    private Bound condition(Bound.Related related, Facts inside) {
        List<Bound> branches = hasDisjunction(related.condition()) ? Branches.of(related.condition()) : List.of();
        return branches.size() > 1 ? or(branches, inside) : simplify(related.condition(), inside);
    }

    /**
     * Whether {@link Branches} could split the condition: an OR at its top or among its
     * conjuncts.
     */
    private static boolean hasDisjunction(Bound condition) {
        return condition instanceof Bound.Or
                || (condition instanceof Bound.And and && and.operands().stream().anyMatch(Bound.Or.class::isInstance));
    }

    private Bound quantified(Bound.Quantified quantified, Facts facts) {
        Bound condition = simplify(quantified.condition(), facts);
        if (condition instanceof Bound.Const constant && quantified.hops().isEmpty()) {
            boolean value = Boolean.TRUE.equals(constant.value());
            if (!value && quantified.quantifier() != Quantifier.EVERY) {
                return Bound.Const.of(quantified.quantifier() == Quantifier.NONE);
            }
            if (value && quantified.quantifier() == Quantifier.EVERY) {
                return Bound.Const.TRUE;
            }
        }
        return new Bound.Quantified(quantified.quantifier(), quantified.variable(), quantified.hops(),
                quantified.relation(), quantified.elementVariable(), condition);
    }

    private static List<Bound> flatten(List<Bound> operands, Class<? extends Bound> junction) {
        List<Bound> flat = new ArrayList<>();
        for (Bound operand : operands) {
            if (junction.isInstance(operand)) {
                flat.addAll(operand instanceof Bound.And and ? and.operands() : ((Bound.Or) operand).operands());
            }
            else {
                flat.add(operand);
            }
        }
        return flat;
    }

    /**
     * The operands without repeats (equal up to the rows they bind), first occurrence
     * kept.
     */
    private List<Bound> distinct(List<Bound> operands) {
        List<Bound> kept = new ArrayList<>(operands.size());
        Map<Integer, List<Bound>> bySignature = new java.util.HashMap<>();
        for (Bound operand : operands) {
            List<Bound> sameSignature = bySignature.computeIfAbsent(canonical.signature(operand),
                    key -> new ArrayList<>());
            boolean repeat = false;
            for (Bound earlier : sameSignature) {
                repeat = repeat || canonical.of(earlier).equals(canonical.of(operand));
            }
            if (!repeat) {
                sameSignature.add(operand);
                kept.add(operand);
            }
        }
        return kept;
    }

    /**
     * {@code a || (a && b)} is {@code a}: a disjunct whose conjuncts include all of
     * another's goes.
     */
    private List<Bound> withoutAbsorbed(List<Bound> disjuncts) {
        if (disjuncts.size() < 2) {
            return disjuncts;
        }
        List<java.util.Set<Integer>> signatureSets = new ArrayList<>();
        for (Bound disjunct : disjuncts) {
            java.util.Set<Integer> set = new java.util.HashSet<>();
            for (Bound conjunct : conjuncts(disjunct)) {
                set.add(canonical.signature(conjunct));
            }
            signatureSets.add(set);
        }
        List<Bound> kept = new ArrayList<>();
        for (int i = 0; i < disjuncts.size(); i++) {
            boolean absorbed = false;
            for (int j = 0; j < disjuncts.size() && !absorbed; j++) {
                absorbed = j != i && signatureSets.get(i).containsAll(signatureSets.get(j))
                        && includes(disjuncts.get(i), disjuncts.get(j))
                        && (conjuncts(disjuncts.get(i)).size() > conjuncts(disjuncts.get(j)).size() || j < i);
            }
            if (!absorbed) {
                kept.add(disjuncts.get(i));
            }
        }
        return kept;
    }

    /** Whether every conjunct of {@code small} is one of {@code large}'s. */
    private boolean includes(Bound large, Bound small) {
        java.util.Set<Canonical.Form> forms = new java.util.HashSet<>();
        for (Bound conjunct : conjuncts(large)) {
            forms.add(canonical.of(conjunct));
        }
        for (Bound conjunct : conjuncts(small)) {
            if (!forms.contains(canonical.of(conjunct))) {
                return false;
            }
        }
        return true;
    }

    private static List<Bound> conjuncts(Bound condition) {
        return condition instanceof Bound.And and ? and.operands() : List.of(condition);
    }

}

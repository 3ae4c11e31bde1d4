package dev.rowguard.policy.internal.sql;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.rowguard.policy.internal.bind.Bound;

/**
 * Semi-join conditions the {@link Simplifier} has already simplified, shared by all the
 * filter shapes built at start-up. The shapes of one entity differ only where the
 * caller's facts decided differently, and a {@code check()} inlines the same related rule
 * into every shape and every entity that reaches it: without sharing, the same sub-trees
 * are simplified again for each. A condition is shared only when it reads no row bound
 * outside it and nothing is carried into it from the query around it: then nothing known
 * outside can match inside it (the facts outside are about other rows), so its simplified
 * form is the same wherever it stands, up to the names of its rows. It is stored over
 * canonical row names ({@link Canonical#binding}) and renamed back for each use.
 *
 * <p>
 * A condition that reads no row at all ({@code now() > auth().since}, which folding
 * leaves to the database) could match one known outside, so a semi-join holding one is
 * not shared.
 */
final class SimplifiedSemiJoins {

    private final Map<Canonical.Form, Bound> byForm = new ConcurrentHashMap<>();

    private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * The simplified condition of {@code semiJoin}, from {@code simplify} the first time
     * its form is met.
     */
    Bound condition(Bound.Related semiJoin, Supplier<Bound> simplify) {
        Canonical.Binding binding = Canonical.binding(semiJoin);
        if (binding == null) {
            return simplify.get();
        }
        Bound known = byForm.get(binding.form());
        if (known != null) {
            reused.incrementAndGet();
            return binding.restored(known);
        }
        Bound simplified = simplify.get();
        byForm.putIfAbsent(binding.form(), binding.canonical(simplified));
        return simplified;
    }

    /** How many times a condition simplified before was used again. */
    int reused() {
        return reused.get();
    }

}

package dev.rowguard.policy.internal.eval;

import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.bind.Bound;

/** The combined rule (allows, minus denies) of an entity for an operation: what {@code check()} applies. */
@FunctionalInterface
public interface RuleSource {

    Bound rule(String entity, Operation operation);
}

package dev.rowguard.policy.internal.eval;

import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.bind.Bound;

/**
 * The combined rule (allows, minus denies) of an entity for an operation: what
 * {@code check()} applies.
 */
@FunctionalInterface
public interface RuleSource {

    Bound rule(String entity, Operation operation);

    /**
     * The highest row variable the rule uses (inlining a rule renames its variables past
     * it).
     */
    default int highestVariable(String entity, Operation operation) {
        return dev.rowguard.policy.internal.bind.BoundRewriter.maxVariable(rule(entity, operation));
    }

}

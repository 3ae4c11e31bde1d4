package dev.rowguard.hibernate.internal;

import dev.rowguard.policy.PolicyDefinitionException;

/**
 * A failure while Rowguard reads or filters one entity's mapping, which Rowguard did not
 * foresee, becomes a start-up error naming the entity and the way out, never a Hibernate
 * internal error without one.
 */
final class UnhandledMapping {

    private UnhandledMapping() {
    }

    static PolicyDefinitionException of(String entity, RuntimeException failure) {
        if (failure instanceof PolicyDefinitionException known) {
            return known;
        }
        return new PolicyDefinitionException("Rowguard cannot read the mapping of entity " + entity + " ("
                + failure.getClass().getSimpleName() + ": " + failure.getMessage() + "). Map the entity's attributes"
                + " the standard way (field or property access, the mapping kinds docs/enforcement.md lists), or"
                + " report this mapping to Rowguard's issue tracker.", failure);
    }

}

package dev.rowguard.policy;

/**
 * What a policy rule governs. {@link #ALL} stands for every operation except
 * {@link #POST_UPDATE}.
 */
public enum Operation {

    CREATE, READ, UPDATE, POST_UPDATE, DELETE, ALL;

    /** Whether a rule declared for this operation applies to {@code operation}. */
    public boolean covers(Operation operation) {
        return this == operation || (this == ALL && operation != POST_UPDATE);
    }

}

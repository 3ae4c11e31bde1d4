package dev.rowguard.policy;

import org.jspecify.annotations.Nullable;

/**
 * A write was denied by the entity's policies. The message names the entity and the
 * operation, never the row's data; the transaction it happened in is rolled back.
 */
public class PolicyViolationException extends RuntimeException {

    private final String entity;

    private final Operation operation;

    public PolicyViolationException(String entity, Operation operation) {
        this(entity, operation, null);
    }

    public PolicyViolationException(String entity, Operation operation, @Nullable String reason) {
        super(operation + " on " + entity + " denied by policy" + (reason == null ? "" : ": " + reason));
        this.entity = entity;
        this.operation = operation;
    }

    /** The JPA entity name, e.g. {@code "Post"}. */
    public String entity() {
        return entity;
    }

    /** The operation that was denied. */
    public Operation operation() {
        return operation;
    }

}

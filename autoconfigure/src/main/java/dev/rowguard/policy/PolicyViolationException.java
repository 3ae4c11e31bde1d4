package dev.rowguard.policy;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A write was denied by the entity's policies. The message names the entity and the
 * operation, never the row's data; the transaction it happened in is rolled back.
 * {@link #decidedBy()} names the rules that decided, in their authors' words, and
 * {@link #code()} the code their author gave clients.
 */
public class PolicyViolationException extends RuntimeException {

    private final String entity;

    private final Operation operation;

    private final List<PolicyRule> decidedBy;

    public PolicyViolationException(String entity, Operation operation) {
        this(entity, operation, null);
    }

    public PolicyViolationException(String entity, Operation operation, @Nullable String reason) {
        this(entity, operation, reason, List.of());
    }

    /**
     * @param entity the JPA entity name
     * @param operation the operation denied
     * @param reason what was refused beyond the rules, or null
     * @param decidedBy the rules that decided
     */
    public PolicyViolationException(String entity, Operation operation, @Nullable String reason,
            List<PolicyRule> decidedBy) {
        super(operation + " on " + entity + " denied by policy" + (reason == null ? "" : ": " + reason));
        this.entity = entity;
        this.operation = operation;
        this.decidedBy = List.copyOf(decidedBy);
    }

    /** The JPA entity name, e.g. {@code "Post"}. */
    public String entity() {
        return entity;
    }

    /** The operation that was denied. */
    public Operation operation() {
        return operation;
    }

    /**
     * The rules that decided: the deny rules that held; when none did, every allow rule
     * of the operation, all of which failed (none when the entity has no allow for it, or
     * no rules at all). Never row data.
     * @return the deciding rules, in declaration order
     */
    public List<PolicyRule> decidedBy() {
        return decidedBy;
    }

    /**
     * The code the deciding rule's author gave clients: that of the first deny in
     * {@link #decidedBy()} that has one, else that of the only failed allow.
     * @return the code, or null when the deciding rule has none
     */
    public @Nullable String code() {
        PolicyRule rule = firstDenyWith(true);
        return rule != null ? rule.code() : onlyAllow() != null ? onlyAllow().code() : null;
    }

    /**
     * The words the deciding rule's author wrote for clients: those of the rule whose
     * {@link #code()} is reported when it has them, else of the first deny in
     * {@link #decidedBy()} that has some, else of the only failed allow.
     * @return the message, or null when the deciding rule has none
     */
    public @Nullable String authorMessage() {
        PolicyRule coded = firstDenyWith(true);
        if (coded != null && coded.message() != null) {
            return coded.message();
        }
        PolicyRule worded = firstDenyWith(false);
        return worded != null ? worded.message() : onlyAllow() != null ? onlyAllow().message() : null;
    }

    private @Nullable PolicyRule firstDenyWith(boolean code) {
        for (PolicyRule rule : decidedBy) {
            if (rule.effect() == Effect.DENY && (code ? rule.code() : rule.message()) != null) {
                return rule;
            }
        }
        return null;
    }

    private @Nullable PolicyRule onlyAllow() {
        return decidedBy.size() == 1 && decidedBy.get(0).effect() == Effect.ALLOW ? decidedBy.get(0) : null;
    }

}

package dev.rowguard.policy;

import org.jspecify.annotations.Nullable;

/**
 * One {@link Allow} or {@link Deny} rule as it applies to one operation of one entity, in
 * its author's words: what a denial reports as the rules that decided it.
 *
 * @param entity the JPA entity name, e.g. {@code "Post"}
 * @param operation the operation decided
 * @param effect whether the rule allows or denies
 * @param expression the rule's condition as written ({@code when})
 * @param code the author's code for clients, or null when the rule gives none
 * @param message the author's words for clients, or null when the rule gives none
 * @param field the field the rule stands on, or null for a rule on the entity's rows
 */
public record PolicyRule(String entity, Operation operation, Effect effect, String expression, @Nullable String code,
        @Nullable String message, @Nullable String field) {

    /** A rule on the entity's rows. */
    public PolicyRule(String entity, Operation operation, Effect effect, String expression, @Nullable String code,
            @Nullable String message) {
        this(entity, operation, effect, expression, code, message, null);
    }

}

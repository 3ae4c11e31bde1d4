package dev.rowguard.policy;

/**
 * What the current caller may do with an entity type before any row is at hand: always,
 * never, or depending on the row, with the condition a row must meet.
 *
 * @param kind always, never, or it depends on the row
 * @param condition the caller's rule with everything about the caller decided, in the
 * policy language ({@code true} for ALWAYS, {@code false} for NEVER), e.g.
 * {@code authorId == 'alice' || published}
 */
public record PermissionPlan(Kind kind, String condition) {

    /** Whether the answer depends on the row. */
    public enum Kind {

        /** Every row: the caller's rule holds whatever the row. */
        ALWAYS,

        /** No row: the caller's rule fails whatever the row. */
        NEVER,

        /** Rows that meet the {@link PermissionPlan#condition()}. */
        DEPENDS

    }

}

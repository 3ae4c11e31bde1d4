package dev.rowguard.policy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Allows the operations when the condition holds. An operation is permitted when at least
 * one allow rule holds and no {@link Deny} rule does; with no allow rule it is denied.
 * <pre>{@code @Allow(value = READ, when = "auth() != null && published")}</pre> On a
 * field (a basic attribute of an entity or a {@code @MappedSuperclass}) it governs that
 * field alone, for {@code READ} and {@code UPDATE} ({@code ALL} stands for both): a field
 * rule narrows the row's rule, never widens it. A field with allow rules for an operation
 * needs one of them to hold; a field without any is governed by the row's rule alone. A
 * field the caller may not read is null wherever Hibernate reads it for them.
 * <pre>{@code @Allow(value = READ, when = "has(auth().roles, 'hr')")
 * BigDecimal salary;}</pre>
 */
@Documented
@Repeatable(Allow.List.class)
@Target({ ElementType.TYPE, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
public @interface Allow {

    Operation[] value();

    /** A condition in the policy language; see the language reference. */
    String when() default "true";

    /**
     * The author's code for clients, e.g. {@code "post.locked"}: reported by
     * {@link PolicyViolationException#code()} and in the 403 problem when this rule
     * decides a denial. Empty for none.
     */
    String code() default "";

    /**
     * The author's words for clients, e.g. {@code "Locked posts cannot be edited"}: in
     * the 403 problem when this rule decides a denial. Empty for none.
     */
    String message() default "";

    @Documented
    @Target({ ElementType.TYPE, ElementType.FIELD })
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {

        Allow[] value();

    }

}

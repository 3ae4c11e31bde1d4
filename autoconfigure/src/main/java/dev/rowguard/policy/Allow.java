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
 * <pre>{@code @Allow(value = READ, when = "auth() != null && published")}</pre>
 */
@Documented
@Repeatable(Allow.List.class)
@Target(ElementType.TYPE)
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
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {

        Allow[] value();

    }

}

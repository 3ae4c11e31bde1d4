package dev.rowguard.policy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Denies the operations when the condition holds, whatever any {@link Allow} rule says.
 * <pre>{@code @Deny(value = DELETE, when = "locked")}</pre> On a field it denies reading
 * or changing that field alone (see {@link Allow}):
 * <pre>{@code @Deny(value = UPDATE, when = "true")
 * String createdBy;}</pre>
 */
@Documented
@Repeatable(Deny.List.class)
@Target({ ElementType.TYPE, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
public @interface Deny {

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

        Deny[] value();

    }

}

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

    @Documented
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {

        Allow[] value();

    }

}

package dev.rowguard.policy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On create, a field that is still null gets this member of {@code auth()}, before the
 * create rule is checked: {@code @AuthDefault("id") String authorId;}. An explicit value
 * is kept. On an entity with property access, the getter may carry it instead
 * ({@code @AuthDefault("id") public String getAuthorId()}).
 */
@Documented
@Target({ ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface AuthDefault {

    /** The {@code auth()} member, e.g. {@code "id"} or {@code "orgId"}. */
    String value();

}

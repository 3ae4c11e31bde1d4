package dev.rowguard.policy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the entity whose id is {@code auth().id} (a user table synced from the identity
 * provider). Policies may then compare {@code auth()} with it: {@code auth() == this},
 * {@code auth() == owner}, which compare ids.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface AuthEntity {

}

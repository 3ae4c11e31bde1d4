package dev.rowguard.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test class its own, empty database on the JVM's {@link TestPostgres}
 * server, as {@code spring.datasource.*}. Flyway (when on the classpath) migrates it as
 * in production.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithTestPostgres {

}

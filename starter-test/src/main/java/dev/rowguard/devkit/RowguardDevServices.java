package dev.rowguard.devkit;

import dev.rowguard.autoconfigure.security.TrustedIssuersCustomizer;
import dev.rowguard.devkit.internal.DevDatabase;
import dev.rowguard.devkit.internal.DevPostgres;
import dev.rowguard.devkit.internal.DevProvider;
import dev.rowguard.devkit.internal.DevServicesNotice;
import dev.rowguard.devkit.internal.DevTokenFilter;
import dev.rowguard.devkit.internal.DevTokenIssuer;
import dev.rowguard.devkit.internal.NoConfiguredDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Dev services for a Rowguard application: everything it needs to run and be tested
 * locally with no account anywhere and no database installed. Use it the way Spring Boot
 * runs Testcontainers at development time, from the test sources:
 *
 * <pre>{@code
 * public class TestNotesApplication {
 *     public static void main(String[] args) {
 *         SpringApplication.from(NotesApplication::main).with(RowguardDevServices.class).run(args);
 *     }
 * }
 * }</pre>
 *
 * then {@code ./mvnw spring-boot:test-run}; or in a test,
 * {@code @SpringBootTest @Import(RowguardDevServices.class)}. It provides:
 * <ul>
 * <li>a PostgreSQL as the application's connection (Spring Boot's
 * {@code JdbcConnectionDetails}), so Flyway and JPA just work: a Testcontainers
 * PostgreSQL when Docker answers, else an embedded one; a {@code spring.datasource.url}
 * of the application's own wins;</li>
 * <li>a local token issuer the application trusts in addition to any configured provider,
 * playing the application's own provider (Clerk when none is configured, or the one named
 * by {@code rowguard.devkit.provider}), as the {@link LocalTokenIssuer} bean;</li>
 * <li>{@code GET /dev/token?sub=alice&<claim>=<value>} in a web application: further
 * parameters become claims (a dotted name nests, numbers and booleans keep their
 * type);</li>
 * <li>one WARN line at start-up: dev services must never run in production, which is why
 * they live in {@code rowguard-spring-boot-starter-test}, a test-scope dependency.</li>
 * </ul>
 */
@TestConfiguration(proxyBeanMethods = false)
public class RowguardDevServices {

    @Bean(destroyMethod = "close")
    DevTokenIssuer rowguardLocalTokenIssuer(Environment environment) {
        return DevTokenIssuer.start(DevProvider.chosen(environment), Binder.get(environment));
    }

    @Bean
    TrustedIssuersCustomizer rowguardLocalIssuerTrust(DevTokenIssuer rowguardLocalTokenIssuer) {
        return rowguardLocalTokenIssuer::trustIn;
    }

    @Bean
    @Conditional(NoConfiguredDataSource.class)
    DevDatabase rowguardDevDatabase() {
        return DevPostgres.server().createDatabase();
    }

    @Bean
    DevServicesNotice rowguardDevServicesNotice(DevTokenIssuer rowguardLocalTokenIssuer,
            ObjectProvider<DevDatabase> database, ObjectProvider<DevTokenFilter> tokenEndpoint) {
        return new DevServicesNotice(rowguardLocalTokenIssuer, database.getIfAvailable(),
                tokenEndpoint.getIfAvailable() != null);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.SERVLET)
    static class TokenEndpointConfiguration {

        @Bean
        DevTokenFilter rowguardDevTokenEndpoint(DevTokenIssuer rowguardLocalTokenIssuer) {
            return new DevTokenFilter(rowguardLocalTokenIssuer);
        }

    }

}

package dev.rowguard.sampledev;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.rowguard.testsupport.TestDatabase;
import dev.rowguard.testsupport.TestPostgres;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * In the {@code dev} profile only: points the datasource at an embedded (or
 * Testcontainers) PostgreSQL unless one is configured, and trusts the local token issuer.
 * Runs before any auto-configuration condition is evaluated, so the app takes exactly its
 * production path.
 */
class DevEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DEV_PROFILE = "dev";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of(DEV_PROFILE))) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            TestDatabase database = TestPostgres.server().createDatabase("sample_dev");
            properties.put("spring.datasource.url", database.jdbcUrl());
            properties.put("spring.datasource.username", database.username());
            properties.put("spring.datasource.password", database.password());
        }
        // The local issuer plays Clerk: tokens may carry Clerk's organization claims
        // (org_id, org_role).
        properties.put("rowguard.clerk.issuer", DevTokenIssuer.get().issuer());
        properties.put("rowguard.clerk.roles-claim", "metadata.roles");
        environment.getPropertySources().addFirst(new MapPropertySource("rowguardDevMode", properties));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

}

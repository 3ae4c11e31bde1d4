package dev.rowguard.testsupport;

import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Wires {@link WithTestPostgres}: one fresh database per test class (the class is part of
 * the context cache key, so two classes never share a database).
 */
class TestPostgresContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        boolean annotated = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
            .isPresent(WithTestPostgres.class);
        return annotated ? new DatabaseCustomizer(testClass) : null;
    }

    private record DatabaseCustomizer(Class<?> testClass) implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            TestDatabase database = TestPostgres.server().createDatabase(testClass.getSimpleName());
            context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("rowguardTestPostgres",
                        Map.of("spring.datasource.url", database.jdbcUrl(), "spring.datasource.username",
                                database.username(), "spring.datasource.password", database.password(),
                                // Spring keeps up to 32 test contexts: each holds one
                                // connection while idle, not a full pool
                                "spring.datasource.hikari.minimum-idle", "1", "spring.datasource.hikari.idle-timeout",
                                "10000")));
        }
    }

}

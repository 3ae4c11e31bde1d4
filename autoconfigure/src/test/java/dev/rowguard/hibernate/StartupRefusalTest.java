package dev.rowguard.hibernate;

import dev.rowguard.hibernate.app.EnforcementTestApplication;
import dev.rowguard.hibernate.fieldcache.FieldCacheTestApplication;
import dev.rowguard.testsupport.TestDatabase;
import dev.rowguard.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Hibernate's caches cannot tell callers apart, so start-up refuses them on protected
 * entities, and on entities with fields some callers may not read.
 */
class StartupRefusalTest {

    @Test
    void startUpFailsWithTheQueryCacheOn() {
        assertThat(rootCauseOfStartingWith("spring.jpa.properties.hibernate.cache.use_query_cache=true",
                "spring.jpa.properties.hibernate.cache.region.factory_class=jcache"))
            .hasMessageContaining("query cache")
            .hasMessageContaining("shared between callers");
    }

    @Test
    void startUpFailsWithProtectedEntitiesInTheSecondLevelCache() {
        assertThat(rootCauseOfStartingWith("spring.jpa.properties.jakarta.persistence.sharedCache.mode=ALL"))
            .hasMessageContaining("second-level cache")
            .hasMessageContaining("a cache hit skips the rule");
    }

    @Test
    void startUpFailsWhenAnotherQueryTranslatorWouldTurnTheBulkGuardOff() {
        assertThat(rootCauseOfStartingWith("spring.jpa.properties.hibernate.query.sqm.translator="
                + "org.hibernate.query.sqm.sql.StandardSqmTranslatorFactory"))
            .hasMessageContaining("Rowguard checks bulk update, delete and insert statements")
            .hasMessageContaining("set to org.hibernate.query.sqm.sql.StandardSqmTranslatorFactory")
            .hasMessageContaining("extend dev.rowguard.hibernate.internal.BulkMutationGuard");
    }

    @Test
    void startUpFailsWithAnEntityWhoseFieldsSomeMayNotReadInTheSecondLevelCache() {
        assertThat(rootCauseOfStartingWith(FieldCacheTestApplication.class,
                "spring.jpa.properties.jakarta.persistence.sharedCache.mode=ENABLE_SELECTIVE"))
            .hasMessageContaining("CachedNote")
            .hasMessageContaining("second-level cache");
    }

    private static Throwable rootCauseOfStartingWith(String... properties) {
        return rootCauseOfStartingWith(EnforcementTestApplication.class, properties);
    }

    private static Throwable rootCauseOfStartingWith(Class<?> application, String... properties) {
        TestDatabase database = TestPostgres.server().createDatabase("startup_refusal");
        Throwable thrown = catchThrowable(() -> new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
            .properties("spring.datasource.url=" + database.jdbcUrl(),
                    "spring.datasource.username=" + database.username(),
                    "spring.datasource.password=" + database.password())
            .properties(properties)
            .run()
            .close());
        assertThat(thrown).isNotNull();
        Throwable root = thrown;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

}

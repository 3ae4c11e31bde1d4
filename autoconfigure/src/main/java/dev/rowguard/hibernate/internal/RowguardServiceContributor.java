package dev.rowguard.hibernate.internal;

import java.util.Map;
import java.util.function.BiFunction;

import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.engine.jdbc.env.internal.JdbcEnvironmentInitiator;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.QuerySettings;
import org.hibernate.persister.internal.PersisterClassResolverInitiator;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableMutationStrategyProvider;
import org.hibernate.service.Service;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Installs Rowguard's guards on bulk statements in every Hibernate bootstrap, Spring's or
 * not: {@link BulkMutationGuard} as the query translator (unless one is configured: then
 * {@link RowguardIntegrator} stops start-up), guarded multi-table mutation strategies in
 * place of Hibernate's standard provider, and {@link FieldMaskingStatementInspector} as
 * the statement inspector (ahead of the application's own), a JDBC environment that keeps
 * the SQL rendered for the selects Rowguard keeps ({@link KeptSelectRendering}), and
 * persisters that keep load-by-id plans per caller
 * ({@link RowguardPersisterClassResolver}, unless the application chose its own
 * resolver).
 */
public final class RowguardServiceContributor implements ServiceContributor {

    @Override
    public void contribute(StandardServiceRegistryBuilder registry) {
        if (!registry.getSettings().containsKey(QuerySettings.SEMANTIC_QUERY_TRANSLATOR)) {
            registry.applySetting(QuerySettings.SEMANTIC_QUERY_TRANSLATOR, BulkMutationGuard.class.getName());
        }
        Object inspector = registry.getSettings().get(JdbcSettings.STATEMENT_INSPECTOR);
        if (!(inspector instanceof FieldMaskingStatementInspector)) {
            registry.applySetting(JdbcSettings.STATEMENT_INSPECTOR, new FieldMaskingStatementInspector(inspector));
        }
        if (!registry.getSettings().containsKey(PersisterClassResolverInitiator.IMPL_NAME)) {
            registry.applySetting(PersisterClassResolverInitiator.IMPL_NAME, new RowguardPersisterClassResolver());
        }
        registry.addInitiator(initiator(JdbcEnvironment.class, (configuration, services) -> new RowguardJdbcEnvironment(
                JdbcEnvironmentInitiator.INSTANCE.initiateService(configuration, services))));
        registry.addInitiator(initiator(SqmMultiTableMutationStrategyProvider.class,
                (configuration, services) -> new GuardedMultiTableStrategies()));
    }

    private static <S extends Service> StandardServiceInitiator<S> initiator(Class<S> role,
            BiFunction<Map<String, Object>, ServiceRegistryImplementor, S> create) {
        return new StandardServiceInitiator<>() {
            @Override
            public Class<S> getServiceInitiated() {
                return role;
            }

            @Override
            public S initiateService(Map<String, Object> configuration, ServiceRegistryImplementor registry) {
                return create.apply(configuration, registry);
            }
        };
    }

}

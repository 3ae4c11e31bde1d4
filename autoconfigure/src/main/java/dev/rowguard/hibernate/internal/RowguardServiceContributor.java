package dev.rowguard.hibernate.internal;

import java.util.Map;

import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableMutationStrategyProvider;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/** Puts Rowguard's guarded multi-table mutation strategies in place of Hibernate's standard provider. */
public final class RowguardServiceContributor implements ServiceContributor {

    @Override
    public void contribute(StandardServiceRegistryBuilder registry) {
        registry.addInitiator(new StandardServiceInitiator<SqmMultiTableMutationStrategyProvider>() {
            @Override
            public Class<SqmMultiTableMutationStrategyProvider> getServiceInitiated() {
                return SqmMultiTableMutationStrategyProvider.class;
            }

            @Override
            public SqmMultiTableMutationStrategyProvider initiateService(Map<String, Object> configuration,
                    ServiceRegistryImplementor registry) {
                return new GuardedMultiTableStrategies();
            }
        });
    }
}

package dev.rowguard.hibernate.internal;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;

/** Connects the runtime built at mapping time to the session factory and registers the write checks. */
public final class RowguardIntegrator implements Integrator {

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        PolicyRuntime runtime = PolicyRuntimes.attach(bootstrapContext, sessionFactory);
        if (runtime == null) {
            return;
        }
        WriteChecks checks = new WriteChecks(runtime);
        EventListenerRegistry listeners = sessionFactory.getEventListenerRegistry();
        listeners.appendListeners(EventType.PRE_INSERT, checks);
        listeners.appendListeners(EventType.PRE_UPDATE, checks);
        listeners.appendListeners(EventType.PRE_DELETE, checks);
    }
}

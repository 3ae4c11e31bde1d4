package dev.rowguard.hibernate.internal;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.event.service.spi.EventListenerGroup;
import org.hibernate.event.spi.LoadEventListener;
import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.cfg.QuerySettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;

/**
 * Connects the runtime built at mapping time to the session factory and registers the
 * write checks.
 */
public final class RowguardIntegrator implements Integrator {

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
            SessionFactoryImplementor sessionFactory) {
        PolicyRuntime runtime = PolicyRuntimes.attach(bootstrapContext, sessionFactory);
        if (runtime == null) {
            return;
        }
        Object translator = sessionFactory.getSessionFactoryOptions().getCustomSqmTranslatorFactory();
        if (!(translator instanceof BulkMutationGuard)) {
            throw new IllegalStateException("Rowguard checks bulk update, delete and insert statements in its query"
                    + " translator, but " + QuerySettings.SEMANTIC_QUERY_TRANSLATOR + " is "
                    + (translator == null ? "not set" : "set to " + translator.getClass().getName())
                    + ". Leave the setting out, or make your translator extend " + BulkMutationGuard.class.getName()
                    + " (and call super.createMutationTranslator).");
        }
        // The dialect registers sql() after every function contributor, so it is replaced
        // once the factory is built.
        sessionFactory.addObserver(new SessionFactoryObserver() {
            @Override
            public void sessionFactoryClosed(SessionFactory factory) {
                PolicyRuntimes.detach(factory);
            }

            @Override
            public void sessionFactoryCreated(SessionFactory factory) {
                sessionFactory.getQueryEngine()
                    .getSqmFunctionRegistry()
                    .register(GuardedSqlFunction.NAME, new GuardedSqlFunction());
                sessionFactory.getQueryEngine()
                    .getSqmFunctionRegistry()
                    .register(BulkRestrictionFunction.NAME, new BulkRestrictionFunction());
            }
        });
        EntitiesCreatedInFlush created = new EntitiesCreatedInFlush();
        WriteChecks checks = new WriteChecks(runtime, created);
        CollectionWriteChecks collectionChecks = new CollectionWriteChecks(runtime, created);
        EventListenerRegistry listeners = sessionFactory.getEventListenerRegistry();
        // Ahead of Bean Validation's listeners: a write the rules deny is a 403, whatever
        // else is wrong with it.
        listeners.prependListeners(EventType.PRE_INSERT, checks);
        listeners.prependListeners(EventType.PRE_UPDATE, checks);
        listeners.appendListeners(EventType.PRE_DELETE, checks);
        listeners.appendListeners(EventType.PRE_COLLECTION_RECREATE, collectionChecks);
        listeners.appendListeners(EventType.PRE_COLLECTION_UPDATE, collectionChecks);
        listeners.appendListeners(EventType.PRE_COLLECTION_REMOVE, collectionChecks);
        EventListenerGroup<LoadEventListener> loads = listeners.getEventListenerGroup(EventType.LOAD);
        List<LoadEventListener> hibernateLoads = new ArrayList<>();
        loads.listeners().forEach(hibernateLoads::add);
        loads.clearListeners();
        loads.appendListener(new CallerBeforeLoad(hibernateLoads));
        AuthDefaultsBeforePersist authDefaults = new AuthDefaultsBeforePersist(checks.authDefaults());
        listeners.prependListeners(EventType.PERSIST, authDefaults);
        listeners.prependListeners(EventType.PERSIST_ONFLUSH, authDefaults);
        listeners.prependListeners(EventType.MERGE, authDefaults);
        listeners.prependListeners(EventType.REPLICATE, new ReplicationRefusal());
        LoadedStateMarks marks = new LoadedStateMarks();
        listeners.appendListeners(EventType.POST_LOAD, marks);
        listeners.appendListeners(EventType.POST_INSERT, marks);
        listeners.appendListeners(EventType.POST_UPDATE, marks);
        listeners.appendListeners(EventType.FLUSH, created);
        listeners.appendListeners(EventType.AUTO_FLUSH, created);
    }

}

package dev.rowguard.hibernate.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.hibernate.SessionFactory;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jspecify.annotations.Nullable;

/**
 * Hands the runtime built at mapping time to the integrator, and from the session factory
 * to Spring.
 */
public final class PolicyRuntimes {

    private static final Map<BootstrapContext, PolicyRuntime> BY_BOOTSTRAP = Collections
        .synchronizedMap(new WeakHashMap<>());

    // the factories with a runtime, few and fixed once built: read on every transaction,
    // query and load without a lock, copied when one is attached or closed
    private static volatile Attached[] attached = {};

    private PolicyRuntimes() {
    }

    static void register(BootstrapContext bootstrap, PolicyRuntime runtime) {
        BY_BOOTSTRAP.put(bootstrap, runtime);
    }

    static @Nullable PolicyRuntime attach(BootstrapContext bootstrap, SessionFactoryImplementor sessionFactory) {
        PolicyRuntime runtime = BY_BOOTSTRAP.remove(bootstrap);
        if (runtime != null) {
            replace(sessionFactory, runtime);
        }
        return runtime;
    }

    /** The factory is closing: its runtime is let go. */
    static void detach(SessionFactory sessionFactory) {
        replace(sessionFactory, null);
    }

    private static synchronized void replace(SessionFactory sessionFactory, @Nullable PolicyRuntime runtime) {
        List<Attached> kept = new ArrayList<>();
        for (Attached entry : attached) {
            SessionFactory factory = entry.factory().get();
            if (factory != null && factory != sessionFactory) {
                kept.add(entry);
            }
        }
        if (runtime != null) {
            kept.add(new Attached(new WeakReference<>(sessionFactory), runtime));
        }
        attached = kept.toArray(Attached[]::new);
    }

    /** The runtime of a session factory, or null when Rowguard is not active on it. */
    public static @Nullable PolicyRuntime of(SessionFactory sessionFactory) {
        for (Attached entry : attached) {
            if (entry.factory().get() == sessionFactory) {
                return entry.runtime();
            }
        }
        return null;
    }

    private record Attached(WeakReference<SessionFactory> factory, PolicyRuntime runtime) {
    }

}

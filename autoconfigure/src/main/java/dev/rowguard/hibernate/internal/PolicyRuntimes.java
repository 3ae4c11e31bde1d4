package dev.rowguard.hibernate.internal;

import java.lang.ref.WeakReference;
import java.util.Collections;
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

    private static final Map<SessionFactory, PolicyRuntime> BY_SESSION_FACTORY = Collections
        .synchronizedMap(new WeakHashMap<>());

    private PolicyRuntimes() {
    }

    static void register(BootstrapContext bootstrap, PolicyRuntime runtime) {
        BY_BOOTSTRAP.put(bootstrap, runtime);
    }

    static @Nullable PolicyRuntime attach(BootstrapContext bootstrap, SessionFactoryImplementor sessionFactory) {
        PolicyRuntime runtime = BY_BOOTSTRAP.remove(bootstrap);
        if (runtime != null) {
            BY_SESSION_FACTORY.put(sessionFactory, runtime);
        }
        return runtime;
    }

    // the last factory found with a runtime: asked on every transaction, query and load
    private static volatile @Nullable Found last;

    /** The runtime of a session factory, or null when Rowguard is not active on it. */
    public static @Nullable PolicyRuntime of(SessionFactory sessionFactory) {
        Found found = last;
        if (found != null && found.factory().get() == sessionFactory) {
            return found.runtime();
        }
        PolicyRuntime runtime = BY_SESSION_FACTORY.get(sessionFactory);
        if (runtime != null) {
            last = new Found(new WeakReference<>(sessionFactory), runtime);
        }
        return runtime;
    }

    private record Found(WeakReference<SessionFactory> factory, PolicyRuntime runtime) {
    }

}

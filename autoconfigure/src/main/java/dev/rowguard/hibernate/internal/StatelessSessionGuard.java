package dev.rowguard.hibernate.internal;

import java.util.Set;
import java.util.function.Supplier;

import dev.rowguard.context.CallerContext;

import org.hibernate.Interceptor;

/**
 * Refuses to open a {@code StatelessSession} for anyone but the system context: Hibernate does not
 * enable auto-enabled filters in a stateless session, so its reads would not be filtered.
 * Hibernate asks this supplier for a session-scoped interceptor whenever it opens a session of
 * either kind; for regular sessions it hands out an interceptor that does nothing.
 */
public final class StatelessSessionGuard implements Supplier<Interceptor> {

    private static final Interceptor NONE = new Interceptor() {
    };

    // Hibernate's internal builders of stateless sessions (org.hibernate.engine.creation.internal).
    private static final Set<String> STATELESS_BUILDERS = Set.of("StatelessSessionBuilderImpl",
            "SharedStatelessSessionBuilderImpl");

    @Override
    public Interceptor get() {
        if (!CallerContext.current().system() && openingStatelessSession()) {
            throw new IllegalStateException("Rowguard does not enforce read rules in a StatelessSession (Hibernate"
                    + " does not enable filters there), so it cannot be opened for a user or an anonymous caller."
                    + " Use a regular Session/EntityManager, or open it inside Rowguard.asSystem for work that is"
                    + " not on behalf of a user.");
        }
        return NONE;
    }

    private static boolean openingStatelessSession() {
        return StackWalker.getInstance().walk(frames -> frames.limit(12).anyMatch(frame -> {
            String className = frame.getClassName();
            return className.startsWith("org.hibernate.")
                    && STATELESS_BUILDERS.contains(className.substring(className.lastIndexOf('.') + 1));
        }));
    }
}

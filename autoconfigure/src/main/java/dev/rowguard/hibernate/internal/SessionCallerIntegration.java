package dev.rowguard.hibernate.internal;

import org.hibernate.StatelessSession;
import org.hibernate.engine.extension.spi.ExtensionIntegration;
import org.hibernate.engine.extension.spi.ExtensionIntegrationContext;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jspecify.annotations.Nullable;

/**
 * Gives every session of a factory Rowguard enforces its {@link SessionCaller},
 * registered as a listener of the session's statements. Hibernate hands every session it
 * constructs to the extension integrations (found through {@code ServiceLoader}) before
 * it can run a statement.
 */
public final class SessionCallerIntegration implements ExtensionIntegration<SessionCaller> {

    @Override
    public Class<SessionCaller> getExtensionType() {
        return SessionCaller.class;
    }

    @Override
    public @Nullable SessionCaller createExtension(ExtensionIntegrationContext context) {
        SharedSessionContractImplementor session = context.getSession();
        PolicyRuntime runtime = PolicyRuntimes.of(session.getFactory());
        if (runtime == null || session instanceof StatelessSession) {
            return null;
        }
        SessionCaller caller = new SessionCaller(session, runtime);
        session.getEventListenerManager().addListener(caller);
        return caller;
    }

}

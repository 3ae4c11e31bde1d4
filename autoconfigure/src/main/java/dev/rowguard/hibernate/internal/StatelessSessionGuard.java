package dev.rowguard.hibernate.internal;

import dev.rowguard.context.CallerContext;

import org.hibernate.StatelessSession;
import org.hibernate.engine.extension.spi.Extension;
import org.hibernate.engine.extension.spi.ExtensionIntegration;
import org.hibernate.engine.extension.spi.ExtensionIntegrationContext;

/**
 * Refuses to open a {@code StatelessSession} for anyone but the system context: Hibernate
 * does not enable auto-enabled filters in a stateless session, so its reads would not be
 * filtered. Hibernate hands every session it constructs, of either kind and through any
 * builder, to the extension integrations (found through {@code ServiceLoader}), before
 * the session can run a statement; that is where the refusal happens.
 */
public final class StatelessSessionGuard implements ExtensionIntegration<StatelessSessionGuard.Checked> {

    /**
     * What a session carries for this integration: nothing but the fact that it was
     * checked.
     */
    public static final class Checked implements Extension {

        private static final Checked INSTANCE = new Checked();

        private Checked() {
        }

    }

    @Override
    public Class<Checked> getExtensionType() {
        return Checked.class;
    }

    @Override
    public Checked createExtension(ExtensionIntegrationContext context) {
        if (context.getSession() instanceof StatelessSession && !CallerContext.current().system()
                && PolicyRuntimes.of(context.getSession().getFactory()) != null) {
            throw new IllegalStateException("Rowguard does not enforce read rules in a StatelessSession (Hibernate"
                    + " does not enable filters there), so it cannot be opened for a user or an anonymous caller."
                    + " Use a regular Session/EntityManager, or open it inside Rowguard.asSystem for work that is"
                    + " not on behalf of a user.");
        }
        return Checked.INSTANCE;
    }

}

package dev.rowguard.hibernate.internal;

import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.jspecify.annotations.Nullable;

/**
 * The session factory's statement inspector while Rowguard is on: writes the current
 * caller's field rules into each statement just before it is prepared
 * ({@link FieldMasks}), then hands the statement to the inspector the application
 * configured, if any.
 */
final class FieldMaskingStatementInspector implements StatementInspector {

    private final @Nullable Object configured;

    private volatile @Nullable StatementInspector application;

    private volatile @Nullable FieldMasks masks;

    /**
     * @param configured the application's own {@code statement_inspector} setting (an
     * instance, a class or a class name), or null
     */
    FieldMaskingStatementInspector(@Nullable Object configured) {
        this.configured = configured;
    }

    void use(FieldMasks masks) {
        this.masks = masks;
    }

    @Override
    public String inspect(String sql) {
        FieldMasks current = masks;
        String inspected = current == null ? sql : current.applyTo(sql);
        StatementInspector next = application();
        return next == null ? inspected : next.inspect(inspected);
    }

    private @Nullable StatementInspector application() {
        StatementInspector resolved = application;
        if (resolved != null || configured == null) {
            return resolved;
        }
        resolved = resolve(configured);
        application = resolved;
        return resolved;
    }

    private static StatementInspector resolve(Object configured) {
        try {
            if (configured instanceof StatementInspector inspector) {
                return inspector;
            }
            Class<?> type = configured instanceof Class<?> given ? given : Class.forName(configured.toString().strip(),
                    true, Thread.currentThread().getContextClassLoader());
            return (StatementInspector) type.getDeclaredConstructor().newInstance();
        }
        catch (ReflectiveOperationException | ClassCastException ex) {
            throw new IllegalStateException("Rowguard could not create the application's statement inspector "
                    + configured + " (hibernate.session_factory.statement_inspector)", ex);
        }
    }

}

package dev.rowguard.context.internal;

import dev.rowguard.context.Caller;

import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Carries the explicit caller ({@code Rowguard.runAs} / {@code asSystem}) across threads
 * with Micrometer's context propagation: Spring's
 * {@code ContextPropagatingTaskDecorator}, {@code ContextSnapshot} and Reactor take it to
 * the thread that runs the task and restore that thread's own afterwards. A task
 * submitted without an explicit caller gets none, so it runs as the caller of Spring
 * Security's context on its thread (anonymous unless that is propagated too), never as
 * the system. Registered through {@code ServiceLoader}.
 */
public final class CallerThreadLocalAccessor implements ThreadLocalAccessor<Caller> {

    /** The key of Rowguard's caller in a context snapshot. */
    public static final String KEY = "dev.rowguard.caller";

    @Override
    public Object key() {
        return KEY;
    }

    @Override
    public @Nullable Caller getValue() {
        return CallerSwitches.explicit();
    }

    @Override
    public void setValue(Caller value) {
        CallerSwitches.set(value);
    }

    @Override
    public void setValue() {
        CallerSwitches.set(null);
    }

}

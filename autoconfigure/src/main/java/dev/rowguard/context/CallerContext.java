package dev.rowguard.context;

import org.jspecify.annotations.Nullable;
import java.util.function.Supplier;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.context.internal.CallerSwitches;

import org.springframework.util.ClassUtils;

/**
 * The caller of the current thread: an explicit one set by {@code Rowguard.runAs} /
 * {@code asSystem} (innermost wins, restored on exit, never left behind on a pooled
 * thread), else the principal of Spring Security's context (through the
 * {@code AuthPrincipalResolver}), else anonymous.
 */
public final class CallerContext {

    private static final boolean SPRING_SECURITY = ClassUtils.isPresent(
            "org.springframework.security.core.context.SecurityContextHolder", CallerContext.class.getClassLoader());

    private CallerContext() {
    }

    public static Caller current() {
        Caller explicit = CallerSwitches.explicit();
        if (explicit != null) {
            return explicit;
        }
        return Caller.of(SPRING_SECURITY ? SecurityContextPrincipal.get() : null);
    }

    /**
     * Runs the work as the caller, then restores the previous one, even if the work
     * throws.
     */
    public static <T extends @Nullable Object> T with(Caller caller, Supplier<T> work) {
        Caller previous = CallerSwitches.explicit();
        // Pending changes are flushed as the caller who made them; if that is denied,
        // nothing has switched.
        CallerSwitches.beforeSwitch();
        CallerSwitches.set(caller);
        try {
            CallerSwitches.afterSwitch();
            return work.get();
        }
        finally {
            switchTo(previous);
        }
    }

    /**
     * The caller is set even when a listener fails (a flush that is denied), so no thread
     * is left as another caller.
     */
    private static void switchTo(@Nullable Caller caller) {
        try {
            CallerSwitches.beforeSwitch();
        }
        finally {
            CallerSwitches.set(caller);
        }
        CallerSwitches.afterSwitch();
    }

    /** Isolated so that the class loads without Spring Security on the classpath. */
    private static final class SecurityContextPrincipal {

        static @Nullable AuthPrincipal get() {
            return dev.rowguard.auth.internal.PrincipalResolution.resolve(
                    org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication());
        }

    }

}

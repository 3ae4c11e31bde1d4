package dev.rowguard;

import org.jspecify.annotations.Nullable;
import java.util.Optional;
import java.util.function.Supplier;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.context.Caller;
import dev.rowguard.context.CallerContext;

/**
 * Explicit enforcement contexts. On a request thread nothing is needed: the caller comes
 * from Spring Security. Jobs, listeners and tests say who they act for: <pre>{@code
 * Rowguard.runAs(AuthPrincipal.of("user_123"), () -> lists.findAll());
 * Rowguard.asSystem(() -> reports.deleteExpired());
 * }</pre> Contexts nest and are restored on exit. They are bound to the thread: work
 * handed to another thread ({@code @Async}, {@code CompletableFuture}) runs as that
 * thread's caller, so wrap it there. Entering or leaving a context inside a transaction
 * flushes pending changes first, so they are checked as the caller who made them.
 */
public final class Rowguard {

    private Rowguard() {
    }

    /** Runs the work with no policy enforcement. */
    public static <T extends @Nullable Object> T asSystem(Supplier<T> work) {
        return CallerContext.with(Caller.SYSTEM, work);
    }

    public static void asSystem(Runnable work) {
        asSystem(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs the work with policies enforced for the principal; null means an anonymous
     * caller.
     */
    public static <T extends @Nullable Object> T runAs(@Nullable AuthPrincipal principal, Supplier<T> work) {
        return CallerContext.with(Caller.of(principal), work);
    }

    public static void runAs(@Nullable AuthPrincipal principal, Runnable work) {
        runAs(principal, () -> {
            work.run();
            return null;
        });
    }

    /**
     * The principal policies are enforced for now; empty when anonymous or in the system
     * context.
     */
    public static Optional<AuthPrincipal> currentPrincipal() {
        return Optional.ofNullable(CallerContext.current().principal());
    }

}

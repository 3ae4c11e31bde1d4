package dev.rowguard.context.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.rowguard.context.Caller;

import org.jspecify.annotations.Nullable;

/**
 * The thread's explicit caller (set by {@code Rowguard.runAs} / {@code asSystem} or
 * carried over from another thread by context propagation) and the listeners told when it
 * changes, for Rowguard's own integrations. Not an API: applications switch callers
 * through {@code Rowguard}.
 */
public final class CallerSwitches {

    private static final ThreadLocal<Caller> EXPLICIT = new ThreadLocal<>();

    private static final List<SwitchListener> LISTENERS = new CopyOnWriteArrayList<>();

    private CallerSwitches() {
    }

    /** The explicit caller of this thread, or null. */
    public static @Nullable Caller explicit() {
        return EXPLICIT.get();
    }

    /**
     * Sets (or, with null, removes) the explicit caller without telling the listeners.
     */
    public static void set(@Nullable Caller caller) {
        if (caller == null) {
            EXPLICIT.remove();
        }
        else {
            EXPLICIT.set(caller);
        }
    }

    public static void beforeSwitch() {
        LISTENERS.forEach(SwitchListener::beforeSwitch);
    }

    public static void afterSwitch() {
        LISTENERS.forEach(SwitchListener::afterSwitch);
    }

    public static void addListener(SwitchListener listener) {
        LISTENERS.add(listener);
    }

    public static void removeListener(SwitchListener listener) {
        LISTENERS.remove(listener);
    }

    /**
     * Told when the caller of this thread changes, for example to flush pending writes as
     * the old caller.
     */
    public interface SwitchListener {

        void beforeSwitch();

        void afterSwitch();

    }

}

package dev.rowguard.hibernate.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jspecify.annotations.Nullable;

/**
 * The {@link SessionCaller} of a session, found from the session's
 * {@link LoadQueryInfluencers}: the query translator is handed those, not the session. A
 * session is created before its influencers, so it is first known to the thread that
 * opened it, to the {@link SessionLocators} (an entity manager Spring keeps on another
 * thread), and to every thread once it has chosen. Entries are weak, so they live as long
 * as their sessions.
 */
final class SessionCallers {

    private static final Map<LoadQueryInfluencers, WeakReference<SessionCaller>> BY_INFLUENCERS = Collections
        .synchronizedMap(new WeakHashMap<>());

    // sessions opened on this thread that had not chosen their filters when the last one
    // was opened
    private static final ThreadLocal<List<WeakReference<SessionCaller>>> OPENED_HERE = ThreadLocal
        .withInitial(ArrayList::new);

    // how many sessions a thread lists before it drops those closed or chosen since
    private static final int PRUNED_AT = 8;

    private SessionCallers() {
    }

    /** A session was opened on this thread (its influencers may not exist yet). */
    static void opened(SessionCaller caller) {
        List<WeakReference<SessionCaller>> here = OPENED_HERE.get();
        if (here.size() >= PRUNED_AT) {
            here.removeIf(reference -> {
                SessionCaller opened = reference.get();
                return opened == null || opened.hasChosen() || opened.isClosed();
            });
        }
        here.add(new WeakReference<>(caller));
    }

    /** A session chose its filters: it is found from any thread from now on. */
    static void register(LoadQueryInfluencers influencers, SessionCaller caller) {
        BY_INFLUENCERS.put(influencers, new WeakReference<>(caller));
    }

    static @Nullable SessionCaller of(LoadQueryInfluencers influencers) {
        List<WeakReference<SessionCaller>> here = OPENED_HERE.get();
        for (int i = here.size() - 1; i >= 0; i--) {
            SessionCaller opened = here.get(i).get();
            if (opened != null && opened.influencers() == influencers) {
                return opened;
            }
        }
        WeakReference<SessionCaller> caller = BY_INFLUENCERS.get(influencers);
        SessionCaller registered = caller == null ? null : caller.get();
        if (registered != null) {
            return registered;
        }
        // only a session that has not chosen yet (its gate still on) can be unknown here
        SharedSessionContractImplementor located = influencers.getEnabledFilter(PolicyRuntime.GATE) == null ? null
                : SessionLocators.locate(influencers);
        return located == null ? null : located.getExtension(SessionCaller.class);
    }

}

package dev.rowguard.hibernate.internal;

import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.jspecify.annotations.Nullable;

/**
 * The {@link SessionCaller} of a session, found from the session's
 * {@link LoadQueryInfluencers}: the query translator is handed those, not the session.
 * Both keys and values are weak, so an entry lives as long as its session.
 */
final class SessionCallers {

    private static final Map<LoadQueryInfluencers, WeakReference<SessionCaller>> BY_INFLUENCERS = Collections
        .synchronizedMap(new WeakHashMap<>());

    private SessionCallers() {
    }

    static void register(LoadQueryInfluencers influencers, SessionCaller caller) {
        BY_INFLUENCERS.put(influencers, new WeakReference<>(caller));
    }

    static @Nullable SessionCaller of(LoadQueryInfluencers influencers) {
        WeakReference<SessionCaller> caller = BY_INFLUENCERS.get(influencers);
        return caller == null ? null : caller.get();
    }

}

package dev.rowguard.hibernate.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import org.hibernate.event.spi.AutoFlushEvent;
import org.hibernate.event.spi.AutoFlushEventListener;
import org.hibernate.event.spi.FlushEvent;
import org.hibernate.event.spi.FlushEventListener;

/**
 * The entities each session inserted since its last flush. A new owner's collections and
 * a new element's foreign key are written after the insert (in the same flush, or at the
 * next one when the id came from an identity column), and are part of the create, not an
 * update: collection checks ask here. Forgotten when a flush ends.
 */
final class EntitiesCreatedInFlush implements FlushEventListener, AutoFlushEventListener {

    private final Map<Object, Set<Object>> bySession = Collections.synchronizedMap(new WeakHashMap<>());

    // Whether no session holds an entry: a session's own adds happen on its thread before
    // its flush, so a flush that reads true has nothing of its session to forget.
    private volatile boolean none = true;

    void add(Object session, Object entity) {
        synchronized (bySession) {
            bySession.computeIfAbsent(session, key -> Collections.newSetFromMap(new IdentityHashMap<>())).add(entity);
            none = false;
        }
    }

    boolean contains(Object session, Object entity) {
        Set<Object> created = bySession.get(session);
        return created != null && created.contains(entity);
    }

    @Override
    public void onFlush(FlushEvent event) {
        forget(event.getSession());
    }

    @Override
    public void onAutoFlush(AutoFlushEvent event) {
        if (event.isFlushRequired()) {
            forget(event.getSession());
        }
    }

    private void forget(Object session) {
        if (none) {
            return;
        }
        synchronized (bySession) {
            bySession.remove(session);
            none = bySession.isEmpty();
        }
    }

}

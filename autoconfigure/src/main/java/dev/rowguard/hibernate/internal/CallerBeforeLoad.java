package dev.rowguard.hibernate.internal;

import java.util.List;

import org.hibernate.event.spi.LoadEvent;
import org.hibernate.event.spi.LoadEventListener;

/**
 * Wraps Hibernate's load-by-id listeners. Before every load it verifies the session's
 * caller: the persistence context answers a {@code find} or {@code getReference} of a row
 * loaded earlier without a statement, so the check before statements alone would let one
 * caller be served what another loaded. During the load the session reads through the
 * row-driven form of its filters ({@link SessionCaller#rowDrivenOnDemand()}, swapped in
 * when the load builds its statement): one row is probed from its own foreign keys
 * instead of against every row the caller may see.
 */
final class CallerBeforeLoad implements LoadEventListener {

    private final List<LoadEventListener> loads;

    CallerBeforeLoad(List<LoadEventListener> loads) {
        this.loads = List.copyOf(loads);
    }

    @Override
    public void onLoad(LoadEvent event, LoadType loadType) {
        SessionCaller caller = event.getSession().getExtension(SessionCaller.class);
        if (caller == null) {
            load(event, loadType);
            return;
        }
        caller.beforeRead();
        caller.verify();
        try (SessionCaller.RowDrivenScope scope = caller.rowDrivenOnDemand()) {
            load(event, loadType);
        }
    }

    private void load(LoadEvent event, LoadType loadType) {
        for (LoadEventListener listener : loads) {
            listener.onLoad(event, loadType);
        }
    }

}

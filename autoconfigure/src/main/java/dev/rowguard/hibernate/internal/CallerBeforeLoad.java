package dev.rowguard.hibernate.internal;

import org.hibernate.event.spi.LoadEvent;
import org.hibernate.event.spi.LoadEventListener;

/**
 * Verifies the session's caller before every load by id: the persistence context answers
 * a {@code find} or {@code getReference} of a row loaded earlier without a statement, so
 * the check before statements alone would let one caller be served what another loaded.
 */
final class CallerBeforeLoad implements LoadEventListener {

    @Override
    public void onLoad(LoadEvent event, LoadType loadType) {
        SessionCaller caller = event.getSession().getExtension(SessionCaller.class);
        if (caller != null) {
            caller.ensureCurrent();
            caller.verify();
        }
    }

}

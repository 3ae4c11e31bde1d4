package dev.rowguard.hibernate.internal;

import dev.rowguard.context.CallerContext;

import org.hibernate.event.spi.ReplicateEvent;
import org.hibernate.event.spi.ReplicateEventListener;

/**
 * {@code Session.replicate} copies a row in with its id, probing for the stored row past
 * the read filter and answering with an error that names a hidden row's id or constraint.
 * It is a tool for moving data between databases, not work on behalf of a user: only the
 * system context may run it.
 */
final class ReplicationRefusal implements ReplicateEventListener {

    @Override
    public void onReplicate(ReplicateEvent event) {
        if (!CallerContext.current().system()) {
            throw new IllegalStateException("Rowguard: Session.replicate bypasses the row rules, so only"
                    + " Rowguard.asSystem may run it; save the entity with persist or merge instead.");
        }
    }

}

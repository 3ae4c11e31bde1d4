package dev.rowguard.hibernate.fields;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.Deny;
import org.jspecify.annotations.Nullable;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.POST_UPDATE;
import static dev.rowguard.policy.Operation.READ;

/**
 * A ledger whose lock nobody reads, and which no one may change once locked: a rule that
 * reads a hidden field only through {@code before()}.
 */
@Entity
@Allow(value = ALL, when = "auth() != null")
@Deny(value = POST_UPDATE, when = "before().locked == true")
public class Ledger {

    @Id
    private Long id;

    private String title = "";

    @Deny(value = READ, when = "true")
    private @Nullable Boolean locked;

    protected Ledger() {
    }

    public Ledger(Long id, String title, boolean locked) {
        this.id = id;
        this.title = title;
        this.locked = locked;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public @Nullable Boolean getLocked() {
        return locked;
    }

}

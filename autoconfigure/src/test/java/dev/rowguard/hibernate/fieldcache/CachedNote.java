package dev.rowguard.hibernate.fieldcache;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.Deny;
import org.jspecify.annotations.Nullable;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.READ;

/** Every row is everyone's, its text only signed-in callers'. */
@Entity
@Cacheable
@Allow(value = ALL, when = "true")
public class CachedNote {

    @Id
    Long id = 1L;

    @Deny(value = READ, when = "auth() == null")
    @Nullable String text;

}

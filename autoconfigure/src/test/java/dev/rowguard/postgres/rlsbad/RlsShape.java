package dev.rowguard.postgres.rlsbad;

import dev.rowguard.policy.Allow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

import static dev.rowguard.policy.Operation.READ;

/**
 * A hierarchy root whose read rule names the entity: the read filter is the root's for
 * every row of the hierarchy, so it would mean the root everywhere.
 */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@Allow(value = READ, when = "currentModel() == 'RlsCircle'")
public class RlsShape {

    @Id
    Long id;

}

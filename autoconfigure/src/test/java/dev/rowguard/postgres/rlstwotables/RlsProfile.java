package dev.rowguard.postgres.rlstwotables;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.SecondaryTable;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;

/**
 * An entity over two tables: the rules and the row sources see the primary table's
 * columns only.
 */
@Entity
@SecondaryTable(name = "rls_profile_extra")
@Allow(value = ALL, when = "auth().id == ownerId")
public class RlsProfile {

    @Id
    private Long id;

    private String ownerId;

    @Column(table = "rls_profile_extra")
    private String bio;

}

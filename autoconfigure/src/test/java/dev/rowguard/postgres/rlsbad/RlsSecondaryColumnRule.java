package dev.rowguard.postgres.rlsbad;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.SecondaryTable;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.READ;

/** A rule on a column of a secondary table, which the rules' SQL cannot read. */
@Entity
@SecondaryTable(name = "rls_secondary_extra")
@Allow(value = READ, when = "bio == 'public'")
public class RlsSecondaryColumnRule {

    @Id
    private Long id;

    @Column(table = "rls_secondary_extra")
    private String bio;

}

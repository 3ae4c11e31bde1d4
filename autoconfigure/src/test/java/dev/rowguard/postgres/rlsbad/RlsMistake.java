package dev.rowguard.postgres.rlsbad;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.READ;

/** A rule with a mistake, for the generator to refuse with start-up's message. */
@Entity
@Allow(value = READ, when = "titel == 'a'")
public class RlsMistake {

    @Id
    private Long id;

    private String title;

}

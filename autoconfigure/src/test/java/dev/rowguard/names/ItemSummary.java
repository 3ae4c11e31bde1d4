package dev.rowguard.names;

import dev.rowguard.policy.Allow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Formula;

import static dev.rowguard.policy.Operation.ALL;

/** An open entity whose formula reads a protected table: start-up warns about it. */
@Entity
@Allow(value = ALL, when = "true")
public class ItemSummary {

    @Id
    Long id;

    @Formula("(select count(*) from nested_item)")
    long items;

}

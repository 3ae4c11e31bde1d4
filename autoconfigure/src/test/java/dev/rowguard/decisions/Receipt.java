package dev.rowguard.decisions;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.AuthDefault;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import static dev.rowguard.policy.Operation.ALL;

/** A row whose owner is filled from the caller on create. */
@Entity
@Allow(value = ALL, when = "auth() != null && auth().id == ownerId")
public class Receipt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @AuthDefault("id")
    private String ownerId;

    public String getOwnerId() {
        return ownerId;
    }

}

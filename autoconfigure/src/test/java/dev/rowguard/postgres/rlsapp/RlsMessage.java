package dev.rowguard.postgres.rlsapp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.READ;

/** A drop box: any signed-in caller may send, only the recipient reads. */
@Entity
@Allow(value = CREATE, when = "auth() != null")
@Allow(value = READ, when = "auth().id == recipientId")
public class RlsMessage {

    @Id
    private Long id;

    private String recipientId;

    private String body;

}

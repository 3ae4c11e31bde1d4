package dev.rowguard.postgres.rlsapp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.Deny;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.POST_UPDATE;
import static dev.rowguard.policy.Operation.READ;

/**
 * A project its owner manages; auditors read every project; an archived one cannot be
 * deleted.
 */
@Entity
@Allow(value = ALL, when = "auth().id == ownerId")
@Allow(value = READ, when = "has(auth().roles, 'auditor')")
@Deny(value = DELETE, when = "archived")
@Allow(value = POST_UPDATE, when = "ownerId == before().ownerId")
public class RlsProject {

    @Id
    private Long id;

    private String ownerId;

    private String name;

    private boolean archived;

}

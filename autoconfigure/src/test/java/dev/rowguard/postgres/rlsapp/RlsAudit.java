package dev.rowguard.postgres.rlsapp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** No rules: closed to every caller but the system. */
@Entity
public class RlsAudit {

    @Id
    private Long id;

    private String note;

}

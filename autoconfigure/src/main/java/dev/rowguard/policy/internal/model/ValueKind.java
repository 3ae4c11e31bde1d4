package dev.rowguard.policy.internal.model;

/** The kinds of scalar values policies compare. */
public enum ValueKind {

    STRING, NUMBER, BOOLEAN, TEMPORAL, UUID, ENUM

}

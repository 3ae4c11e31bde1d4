package dev.rowguard.sample.domain;

public enum ExpenseStatus {

    DRAFT, SUBMITTED, APPROVED, REJECTED

}

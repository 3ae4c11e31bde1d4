package dev.rowguard.hibernate.app;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import dev.rowguard.policy.Allow;

import static dev.rowguard.policy.Operation.ALL;

/**
 * Rules with string constants holding a colon (as Clerk's organization roles do), a
 * backslash and a brace.
 */
@Entity
@Allow(value = ALL, when = "role != 'org:admin' && role != 'org:a\\\\b' && role != 'x{alias}.y'")
public class OrgGrant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String role;

    protected OrgGrant() {
    }

    public OrgGrant(String role) {
        this.role = role;
    }

    public Long getId() {
        return id;
    }

    public String getRole() {
        return role;
    }

}

package dev.rowguard.hibernate.edges;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import dev.rowguard.policy.Allow;
import dev.rowguard.policy.AuthDefault;

import static dev.rowguard.policy.Operation.ALL;

/**
 * Entities whose owner is required, as most applications map it, filled by
 * {@code @AuthDefault}.
 */
public final class RequiredOwners {

    private RequiredOwners() {
    }

    /** A required owner column. */
    @Entity(name = "OwnedNote")
    @Allow(value = ALL, when = "auth().id == ownerId")
    public static class OwnedNote {

        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        String text;

        @AuthDefault("id")
        @Column(nullable = false)
        String ownerId;

        protected OwnedNote() {
        }

        public OwnedNote(String text) {
            this.text = text;
        }

        public String ownerId() {
            return ownerId;
        }

    }

    /** A required owner relation ({@code optional = false}). */
    @Entity(name = "AuthoredEntry")
    @Allow(value = ALL, when = "auth().id == author.id")
    public static class AuthoredEntry {

        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        @AuthDefault("id")
        @ManyToOne(optional = false)
        Member author;

        public Member author() {
            return author;
        }

    }

    /** A required owner relation by its join column ({@code nullable = false}). */
    @Entity(name = "SignedEntry")
    @Allow(value = ALL, when = "auth().id == signer.id")
    public static class SignedEntry {

        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        @AuthDefault("id")
        @ManyToOne
        @JoinColumn(nullable = false)
        Member signer;

        public Member signer() {
            return signer;
        }

    }

}

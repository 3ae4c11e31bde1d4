package dev.rowguard.hibernate;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.hibernate.edges.EdgesTestApplication;
import dev.rowguard.hibernate.edges.Member;
import dev.rowguard.hibernate.edges.RequiredOwners.AuthoredEntry;
import dev.rowguard.hibernate.edges.RequiredOwners.OwnedNote;
import dev.rowguard.hibernate.edges.RequiredOwners.SignedEntry;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.TodoFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @AuthDefault} on a required owner ({@code nullable = false},
 * {@code optional = false}, a {@code nullable = false} join column) is filled when the
 * entity is persisted or merged, before Hibernate's not-null check (on here: no Bean
 * Validation provider on this classpath; the sample covers {@code @NotNull} with one).
 */
@SpringBootTest(classes = EdgesTestApplication.class)
@WithTestPostgres
class AuthDefaultOnRequiredOwnersTest {

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    Enforcement enforcement;

    @BeforeEach
    void bobIsAMember() {
        enforcement = new Enforcement(em, tx);
        enforcement.asSystem(em -> em.find(Member.class, "bob") != null ? null : persist(em, new Member("bob")));
    }

    @Test
    void aRequiredOwnerColumnIsFilledOnPersistAndOnMerge() {
        OwnedNote persisted = enforcement.as(BOB, em -> persist(em, new OwnedNote("persisted")));
        OwnedNote merged = enforcement.as(BOB, em -> em.merge(new OwnedNote("merged")));
        assertThat(persisted.ownerId()).isEqualTo("bob");
        assertThat(merged.ownerId()).isEqualTo("bob");
    }

    @Test
    void aRequiredOwnerRelationIsFilledOnPersistAndOnMerge() {
        AuthoredEntry authored = enforcement.as(BOB, em -> persist(em, new AuthoredEntry()));
        SignedEntry signed = enforcement.as(BOB, em -> persist(em, new SignedEntry()));
        SignedEntry mergedSigned = enforcement.as(BOB, em -> em.merge(new SignedEntry()));
        assertThat(authored.author().getId()).isEqualTo("bob");
        assertThat(signed.signer().getId()).isEqualTo("bob");
        assertThat(mergedSigned.signer().getId()).isEqualTo("bob");
    }

    private static <T> T persist(EntityManager em, T entity) {
        em.persist(entity);
        return entity;
    }

}

package dev.rowguard.hibernate;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.hibernate.app.Announcement;
import dev.rowguard.hibernate.app.EnforcementTestApplication;
import dev.rowguard.hibernate.app.Space;
import dev.rowguard.testsupport.WithTestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.TodoFixture.ALICE;
import static dev.rowguard.hibernate.TodoFixture.BOB;
import static dev.rowguard.hibernate.TodoFixture.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule reading the caller's own rows through the auth entity
 * ({@code auth().memberships}) is enforced in the query itself: each caller reads the
 * announcements of the spaces they administer, counts agree, and an anonymous caller
 * reads none.
 */
@SpringBootTest(classes = EnforcementTestApplication.class)
@WithTestPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthRelationsEnforcementTest {

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    Enforcement enforcement;

    @BeforeAll
    void announcementsInAcmeAndSolo() {
        enforcement = new Enforcement(em, tx);
        TodoFixture fixture = TodoFixture.load(em, tx);
        enforcement.asSystem(em -> {
            em.persist(new Announcement(em.getReference(Space.class, fixture.acme), "acme"));
            em.persist(new Announcement(em.getReference(Space.class, fixture.solo), "solo"));
            return null;
        });
    }

    @Test
    void eachCallerReadsTheAnnouncementsOfTheSpacesTheyAdminister() {
        assertThat(texts(ALICE)).containsExactly("acme");
        assertThat(texts(CAROL)).containsExactly("solo");
        assertThat(texts(BOB)).as("a member, not an admin").isEmpty();
        assertThat(texts(null)).isEmpty();
        Long counted = enforcement.as(ALICE,
                em -> em.createQuery("select count(a) from Announcement a", Long.class).getSingleResult());
        assertThat(counted).isEqualTo(1L);
    }

    private List<String> texts(AuthPrincipal caller) {
        return enforcement.as(caller,
                em -> em.createQuery("select a from Announcement a order by a.text", Announcement.class)
                    .getResultList()
                    .stream()
                    .map(Announcement::getText)
                    .toList());
    }

}

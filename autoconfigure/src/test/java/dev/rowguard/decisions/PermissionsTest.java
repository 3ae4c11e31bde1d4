package dev.rowguard.decisions;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rowguard.Rowguard;
import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.PermissionPlan;
import dev.rowguard.policy.PermissionPlan.Kind;
import dev.rowguard.policy.Permissions;
import dev.rowguard.testsupport.WithTestPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.hibernate.SessionEventListener;
import org.hibernate.engine.spi.SessionImplementor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.policy.Operation.CREATE;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Asking before doing: {@link Permissions} answers with the enforcement's own rules, and
 * Spring Security's {@code hasPermission} with it.
 */
@SpringBootTest(classes = DecisionsTestApplication.class,
        properties = { "spring.jpa.hibernate.ddl-auto=create", "spring.flyway.enabled=false" })
@WithTestPostgres
class PermissionsTest {

    static final AuthPrincipal ALICE = AuthPrincipal.of("alice");

    static final AuthPrincipal BOB = AuthPrincipal.of("bob");

    @Autowired
    Permissions permissions;

    @Autowired
    InvoiceService service;

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    Customer good;

    Invoice open;

    Invoice locked;

    Invoice ofBlockedCustomer;

    @BeforeEach
    void aliceHasInvoices() {
        Rowguard.asSystem(() -> tx.executeWithoutResult(status -> {
            good = new Customer("good-" + System.nanoTime(), false);
            Customer blocked = new Customer("blocked-" + System.nanoTime(), true);
            em.persist(good);
            em.persist(blocked);
            open = persisted(new Invoice("alice", 100, false, good));
            locked = persisted(new Invoice("alice", 5000, true, good));
            ofBlockedCustomer = persisted(new Invoice("alice", 100, false, blocked));
        }));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPlanIsAlwaysNeverOrTheResidualRuleWithTheCallersValues() {
        assertThat(Rowguard.runAs(ALICE, () -> permissions.check(Invoice.class, READ)))
            .isEqualTo(new PermissionPlan(Kind.ALWAYS, "true"));
        assertThat(Rowguard.runAs(null, () -> permissions.check(Invoice.class, READ)))
            .isEqualTo(new PermissionPlan(Kind.NEVER, "false"));
        PermissionPlan update = Rowguard.runAs(ALICE, () -> permissions.check(Invoice.class, UPDATE));
        assertThat(update.kind()).isEqualTo(Kind.DEPENDS);
        assertThat(update.condition()).contains("'alice'").contains("ownerId").contains("locked");
        assertThat(Rowguard.asSystem(() -> permissions.check(Invoice.class, DELETE)).kind()).isEqualTo(Kind.ALWAYS);
    }

    @Test
    void aPlanSendsNoStatement() {
        assertThat(statementsOf(ALICE, () -> permissions.check(Invoice.class, UPDATE))).isZero();
    }

    @Test
    void canDecidesOwnColumnRulesOnALoadedRowWithoutAStatement() {
        int[] statements = { -1 };
        boolean[] answers = new boolean[3];
        Rowguard.runAs(ALICE, () -> tx.executeWithoutResult(status -> {
            Invoice loaded = em.find(Invoice.class, locked.getId());
            statements[0] = count(() -> {
                answers[0] = permissions.can(READ, loaded);
                answers[1] = permissions.can(UPDATE, loaded);
                answers[2] = permissions.can(DELETE, loaded);
            });
        }));
        assertThat(statements[0]).isZero();
        assertThat(answers).containsExactly(true, false, false);
    }

    @Test
    void canAnswersPerCallerAndPerRow() {
        assertThat(Rowguard.runAs(ALICE, () -> permissions.allowed(open))).containsExactlyInAnyOrder(READ, UPDATE,
                DELETE);
        assertThat(Rowguard.runAs(ALICE, () -> permissions.allowed(locked))).containsExactly(READ);
        assertThat(Rowguard.runAs(BOB, () -> permissions.allowed(open))).containsExactly(READ);
        assertThat(Rowguard.asSystem(() -> permissions.allowed(locked))).containsExactlyInAnyOrder(READ, UPDATE,
                DELETE);
    }

    @Test
    void aRelationRuleIsAskedOfTheDatabase() {
        assertThat(Rowguard.runAs(ALICE, () -> permissions.can(UPDATE, ofBlockedCustomer))).isFalse();
        assertThat(Rowguard.runAs(ALICE, () -> permissions.can(DELETE, ofBlockedCustomer))).isTrue();
    }

    @Test
    void aRowTheCallerCannotReadAnswersFalseForEverything() {
        assertThat(Rowguard.runAs(null, () -> permissions.allowed(open))).isEmpty();
        assertThat(Rowguard.runAs(null, () -> permissions.can(DELETE, open))).isFalse();
    }

    @Test
    void createIsAskedOfTheRowToInsertWithoutTouchingIt() {
        Invoice draft = new Invoice("alice", 10, false, good);
        assertThat(Rowguard.runAs(ALICE, () -> permissions.can(CREATE, draft))).isTrue();
        assertThat(Rowguard.runAs(BOB, () -> permissions.can(CREATE, draft))).isFalse();
        Invoice unowned = new Invoice(null, 10, false, good);
        assertThat(Rowguard.runAs(BOB, () -> permissions.can(CREATE, unowned))).isFalse();
    }

    @Test
    void createSeesTheAuthDefaultsTheInsertWouldApplyWithoutApplyingThem() {
        Receipt fresh = new Receipt();
        assertThat(Rowguard.runAs(ALICE, () -> permissions.can(CREATE, fresh))).isTrue();
        assertThat(Rowguard.runAs(null, () -> permissions.can(CREATE, fresh))).isFalse();
        assertThat(fresh.getOwnerId()).isNull();
    }

    @Test
    void anOperationThatIsNotAPermissionIsRefused() {
        assertThatExceptionOfType(IllegalArgumentException.class)
            .isThrownBy(() -> permissions.can(Operation.POST_UPDATE, open));
    }

    @Test
    void hasPermissionInPreAuthorizeDecidesWithThePolicies() {
        signIn(ALICE);
        assertThat(service.edit(open)).isEqualTo("edited");
        assertThat(service.delete(open.getId())).isEqualTo("deleted");
        assertThat(service.create()).isEqualTo("created");
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> service.edit(locked));
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> service.delete(locked.getId()));
        signIn(BOB);
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> service.edit(open));
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> service.delete(-1L));
    }

    private Invoice persisted(Invoice invoice) {
        em.persist(invoice);
        return invoice;
    }

    private static void signIn(AuthPrincipal principal) {
        SecurityContextHolder.getContext()
            .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
    }

    private int statementsOf(AuthPrincipal caller, Runnable work) {
        int[] statements = { -1 };
        Rowguard.runAs(caller, () -> tx.executeWithoutResult(status -> statements[0] = count(work)));
        return statements[0];
    }

    private int count(Runnable work) {
        AtomicInteger prepared = new AtomicInteger();
        em.unwrap(SessionImplementor.class).getEventListenerManager().addListener(new SessionEventListener() {
            @Override
            public void jdbcPrepareStatementStart() {
                prepared.incrementAndGet();
            }
        });
        work.run();
        return prepared.get();
    }

}

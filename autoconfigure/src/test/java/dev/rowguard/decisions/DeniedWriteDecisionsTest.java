package dev.rowguard.decisions;

import java.util.function.Consumer;

import dev.rowguard.Rowguard;
import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.Effect;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.PolicyRule;
import dev.rowguard.policy.PolicyViolationException;
import dev.rowguard.testsupport.WithTestPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A denied write names the rules that decided it, in their authors' words, and logs them
 * at DEBUG on {@code dev.rowguard.decisions}.
 */
@SpringBootTest(classes = DecisionsTestApplication.class,
        properties = { "spring.jpa.hibernate.ddl-auto=create", "spring.flyway.enabled=false",
                "logging.level.dev.rowguard.decisions=TRACE" })
@WithTestPostgres
@ExtendWith(OutputCaptureExtension.class)
class DeniedWriteDecisionsTest {

    static final AuthPrincipal ALICE = AuthPrincipal.of("alice");

    static final AuthPrincipal BOB = AuthPrincipal.of("bob");

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    Long open;

    Long locked;

    Long large;

    Long ofBlockedCustomer;

    @BeforeEach
    void aliceHasInvoices() {
        Rowguard.asSystem(() -> tx.executeWithoutResult(status -> {
            Customer good = new Customer("good-" + System.nanoTime(), false);
            Customer blocked = new Customer("blocked-" + System.nanoTime(), true);
            em.persist(good);
            em.persist(blocked);
            open = persist(new Invoice("alice", 100, false, good));
            locked = persist(new Invoice("alice", 100, true, good));
            large = persist(new Invoice("alice", 5000, false, good));
            ofBlockedCustomer = persist(new Invoice("alice", 100, false, blocked));
        }));
    }

    @Test
    void aDenyThatHeldDecidesWithItsCodeAndMessage(CapturedOutput output) {
        PolicyViolationException denial = denied(ALICE, locked, invoice -> invoice.setAmount(200));
        assertThat(denial.decidedBy()).containsExactly(new PolicyRule("Invoice", Operation.UPDATE, Effect.DENY,
                "locked", "invoice.locked", "Locked invoices cannot be edited"));
        assertThat(denial.code()).isEqualTo("invoice.locked");
        assertThat(denial.authorMessage()).isEqualTo("Locked invoices cannot be edited");
        assertThat(output)
            .contains("Denied UPDATE of Invoice to 'alice'; decided by @Deny \"locked\" [invoice.locked]");
    }

    @Test
    void whenNoAllowHeldEveryAllowOfTheOperationDecidesAndTheOnlyOnesCodeIsReported() {
        PolicyViolationException denial = denied(BOB, open, invoice -> invoice.setAmount(200));
        assertThat(denial.decidedBy()).extracting(PolicyRule::effect, PolicyRule::expression)
            .containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Effect.ALLOW, "auth() != null && auth().id == ownerId"));
        assertThat(denial.code()).isEqualTo("invoice.not-yours");
        assertThat(denial.authorMessage()).isEqualTo("Only the owner may change an invoice");
    }

    @Test
    void severalFailedAllowsDecideTogetherAndNoneOfTheirCodesIsPicked() {
        PolicyViolationException denial = denied(BOB, open, em::remove);
        assertThat(denial.decidedBy()).extracting(PolicyRule::code)
            .containsExactly("invoice.not-yours", "invoice.not-accountant");
        assertThat(denial.code()).isNull();
        assertThat(denial.authorMessage()).isNull();
    }

    @Test
    void aDenyWithoutACodeDecidesWithNoCode() {
        PolicyViolationException denial = denied(ALICE, large, em::remove);
        assertThat(denial.decidedBy()).extracting(PolicyRule::expression, PolicyRule::code)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("amount > 1000", null));
        assertThat(denial.code()).isNull();
    }

    @Test
    void aDenyOnARelationIsAskedOfTheDatabaseAndNamed() {
        PolicyViolationException denial = denied(ALICE, ofBlockedCustomer, invoice -> invoice.setAmount(200));
        assertThat(denial.decidedBy()).extracting(PolicyRule::code).containsExactly("invoice.customer-blocked");
        assertThat(denial.code()).isEqualTo("invoice.customer-blocked");
    }

    @Test
    void eachSessionsReadFilterShapesAreTracedPerEntity(CapturedOutput output) {
        Rowguard.runAs(BOB, () -> tx.executeWithoutResult(status -> em.find(Invoice.class, open)));
        assertThat(output).contains("Session reads as 'bob'").contains("Invoice: every row");
    }

    @Test
    void theMessageNamesNoRowData() {
        PolicyViolationException denial = denied(ALICE, locked, invoice -> invoice.setAmount(4242));
        assertThat(denial.getMessage()).isEqualTo("UPDATE on Invoice denied by policy").doesNotContain("4242");
    }

    private Long persist(Invoice invoice) {
        em.persist(invoice);
        return invoice.getId();
    }

    private PolicyViolationException denied(AuthPrincipal caller, Long id, Consumer<Invoice> change) {
        Throwable thrown = catchThrowable(() -> Rowguard.runAs(caller, () -> tx.executeWithoutResult(status -> {
            change.accept(em.find(Invoice.class, id));
            em.flush();
        })));
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof PolicyViolationException violation) {
                return violation;
            }
        }
        throw new AssertionError("Expected a denial, got " + thrown);
    }

}

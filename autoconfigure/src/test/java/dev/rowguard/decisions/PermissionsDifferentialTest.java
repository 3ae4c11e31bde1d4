package dev.rowguard.decisions;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.rowguard.Rowguard;
import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.Permissions;
import dev.rowguard.policy.PolicyViolationException;
import dev.rowguard.testsupport.WithTestPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Permissions.can} against the enforcement itself, on random rows and callers:
 * {@code READ} must answer what the read filter lets the caller load, {@code UPDATE} and
 * {@code DELETE} what the write checks let through (each write tried, then rolled back),
 * {@code CREATE} what an insert of the same row meets. Own-column and relation rules,
 * denies with and without codes, roles and anonymous callers.
 */
@SpringBootTest(classes = DecisionsTestApplication.class,
        properties = { "spring.jpa.hibernate.ddl-auto=create", "spring.flyway.enabled=false" })
@WithTestPostgres
class PermissionsDifferentialTest {

    private static final String[] OWNERS = { "alice", "bob", "carol", null };

    private static final int ROWS = 360;

    private final java.util.Set<String> outcomes = new java.util.HashSet<>();

    @Autowired
    Permissions permissions;

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @Test
    void canAgreesWithTheReadFilterAndTheWriteChecks() {
        Random random = new Random(19);
        List<Long> ids = new ArrayList<>();
        Rowguard.asSystem(() -> tx.executeWithoutResult(status -> {
            Customer good = new Customer("good-differential", false);
            Customer blocked = new Customer("blocked-differential", true);
            em.persist(good);
            em.persist(blocked);
            for (int row = 0; row < ROWS; row++) {
                Invoice invoice = new Invoice(OWNERS[random.nextInt(OWNERS.length)], random.nextInt(2000),
                        random.nextInt(4) == 0, random.nextInt(5) == 0 ? blocked : random.nextBoolean() ? good : null);
                em.persist(invoice);
                ids.add(invoice.getId());
            }
        }));
        List<AuthPrincipal> callers = new ArrayList<>();
        callers.add(null);
        for (String owner : new String[] { "alice", "bob", "carol" }) {
            callers.add(AuthPrincipal.of(owner));
            callers.add(AuthPrincipal.builder(owner).role("accountant").build());
        }
        int cases = 0;
        List<String> disagreements = new ArrayList<>();
        outcomes.clear();
        for (AuthPrincipal caller : callers) {
            for (Long id : ids) {
                Invoice stored = Rowguard.asSystem(() -> tx.execute(status -> em.find(Invoice.class, id)));
                boolean readable = Boolean.TRUE
                    .equals(Rowguard.runAs(caller, () -> tx.execute(status -> em.find(Invoice.class, id) != null)));
                cases += compare(disagreements, caller, id, Operation.READ, readable, stored);
                cases += compare(disagreements, caller, id, Operation.UPDATE,
                        readable && writes(caller, id, invoice -> invoice.setAmount(invoice.getAmount() + 1)), stored);
                cases += compare(disagreements, caller, id, Operation.DELETE,
                        readable && writes(caller, id, em::remove), stored);
                Invoice copy = new Invoice(caller == null ? null : caller.id(), random.nextInt(2000), false, null);
                boolean inserts = Boolean.TRUE.equals(Rowguard.runAs(caller, () -> attempt(() -> em.persist(copy))));
                boolean answered = Rowguard.runAs(caller, () -> permissions.can(Operation.CREATE, copy));
                cases++;
                outcomes.add(Operation.CREATE + ":" + inserts);
                if (answered != inserts) {
                    disagreements.add("CREATE by " + name(caller) + ": can " + answered + ", insert " + inserts);
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(cases).isGreaterThanOrEqualTo(10_000);
        assertThat(outcomes).as("every operation is both allowed and denied somewhere")
            .containsExactlyInAnyOrder("CREATE:true", "CREATE:false", "READ:true", "READ:false", "UPDATE:true",
                    "UPDATE:false", "DELETE:true", "DELETE:false");
    }

    private int compare(List<String> disagreements, AuthPrincipal caller, Long id, Operation operation,
            boolean enforced, Invoice stored) {
        boolean answered = Rowguard.runAs(caller, () -> permissions.can(operation, stored));
        outcomes.add(operation + ":" + enforced);
        if (answered != enforced) {
            disagreements.add(operation + " of invoice " + id + " by " + name(caller) + ": can " + answered
                    + ", enforcement " + enforced);
        }
        return 1;
    }

    private boolean writes(AuthPrincipal caller, Long id, java.util.function.Consumer<Invoice> change) {
        return Boolean.TRUE
            .equals(Rowguard.runAs(caller, () -> attempt(() -> change.accept(em.find(Invoice.class, id)))));
    }

    /** Whether the write passes the checks; rolled back either way. */
    private Boolean attempt(Runnable write) {
        return tx.execute(status -> {
            status.setRollbackOnly();
            try {
                write.run();
                em.flush();
                return true;
            }
            catch (RuntimeException ex) {
                for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
                    if (cause instanceof PolicyViolationException) {
                        return false;
                    }
                }
                throw ex;
            }
        });
    }

    private static String name(AuthPrincipal caller) {
        return caller == null ? "anonymous" : caller.id() + caller.roles();
    }

}

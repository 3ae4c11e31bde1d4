package dev.rowguard.hibernate;

import java.math.BigDecimal;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.hibernate.fields.Department;
import dev.rowguard.hibernate.fields.Employee;
import dev.rowguard.hibernate.fields.EmployeeRepository;
import dev.rowguard.hibernate.fields.FieldsTestApplication;
import dev.rowguard.hibernate.fields.Ledger;
import dev.rowguard.policy.Permissions;
import dev.rowguard.policy.PolicyRule;
import dev.rowguard.policy.PolicyViolationException;
import dev.rowguard.testsupport.WithTestPostgres;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.rowguard.hibernate.Enforcement.assertDenied;
import static dev.rowguard.hibernate.TodoFixture.ALICE;
import static dev.rowguard.hibernate.TodoFixture.BOB;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.POST_UPDATE;
import static dev.rowguard.policy.Operation.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Rules on fields: a salary only HR may read is null for everyone else on every path
 * Hibernate reads it (loads, queries, projections, aggregates, filters and sorts), is
 * never lost when someone who cannot read it saves the row, and changes only through its
 * own UPDATE rule; a frozen field cannot change at all.
 */
@SpringBootTest(classes = FieldsTestApplication.class)
@WithTestPostgres
class FieldLevelRulesTest {

    static final AuthPrincipal HR = AuthPrincipal.builder("harriet").role("hr").build();

    static final BigDecimal ALICES_SALARY = new BigDecimal("5000.00");

    static final BigDecimal BOBS_SALARY = new BigDecimal("200000.00");

    @PersistenceContext
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    EmployeeRepository employees;

    @Autowired
    Permissions permissions;

    Enforcement enforcement;

    @BeforeEach
    void aliceAndBobWorkInOneDepartment() {
        enforcement = new Enforcement(em, tx);
        enforcement.asSystem(em -> {
            em.createQuery("delete from Employee").executeUpdate();
            em.createQuery("delete from Department").executeUpdate();
            Department sales = new Department(1L, "sales");
            em.persist(sales);
            Employee alice = new Employee(1L, "Alice", "alice", ALICES_SALARY);
            alice.setNote("alice's own note");
            alice.setDepartment(sales);
            Employee bob = new Employee(2L, "Bob", "bob", BOBS_SALARY);
            bob.setDepartment(sales);
            em.persist(alice);
            em.persist(bob);
            return null;
        });
    }

    @Test
    void aFieldTheCallerMayNotReadIsNullWhenTheEntityIsLoaded() {
        Employee asAlice = enforcement.as(ALICE, em -> em.find(Employee.class, 1L));
        assertThat(asAlice.getName()).isEqualTo("Alice");
        assertThat(asAlice.getSalary()).isNull();
        assertThat(asAlice.getNote()).isEqualTo("alice's own note");
        Employee asBob = enforcement.as(BOB, em -> em.find(Employee.class, 1L));
        assertThat(asBob.getNote()).isNull();
        Employee asHr = enforcement.as(HR, em -> em.find(Employee.class, 1L));
        assertThat(asHr.getSalary()).isEqualByComparingTo(ALICES_SALARY);
        assertThat(asHr.getNote()).isNull();
        Employee asSystem = enforcement.asSystem(em -> em.find(Employee.class, 1L));
        assertThat(asSystem.getSalary()).isEqualByComparingTo(ALICES_SALARY);
        assertThat(asSystem.getNote()).isEqualTo("alice's own note");
    }

    @Test
    void lazyCollectionsReferencesAndQueriesHideItToo() {
        enforcement.as(ALICE, em -> {
            assertThat(em.find(Department.class, 1L).getEmployees()).extracting(Employee::getSalary)
                .containsOnlyNulls()
                .hasSize(2);
            em.clear();
            assertThat(em.getReference(Employee.class, 2L).getSalary()).isNull();
            em.clear();
            assertThat(em.createQuery("from Employee e order by e.id", Employee.class).getResultList())
                .extracting(Employee::getSalary)
                .containsOnlyNulls();
            return null;
        });
        enforcement.as(HR, em -> {
            assertThat(em.find(Department.class, 1L).getEmployees()).extracting(Employee::getSalary)
                .doesNotContainNull();
            return null;
        });
    }

    @Test
    void projectionsAggregatesFiltersAndSortsSeeOnlyWhatTheCallerMayRead() {
        enforcement.as(ALICE, em -> {
            assertThat(em.createQuery("select e.salary from Employee e", BigDecimal.class).getResultList())
                .containsOnlyNulls();
            assertThat(em
                .createQuery("select new dev.rowguard.hibernate.FieldLevelRulesTest$Pay(e.name, e.salary)"
                        + " from Employee e", Pay.class)
                .getResultList()).extracting(Pay::salary).containsOnlyNulls();
            assertThat(em.createQuery("select sum(e.salary) from Employee e", BigDecimal.class).getSingleResult())
                .isNull();
            assertThat(em.createQuery("from Employee e where e.salary > 100000", Employee.class).getResultList())
                .isEmpty();
            assertThat(em.createQuery("from Employee e where e.salary is null", Employee.class).getResultList())
                .hasSize(2);
            assertThat(em
                .createQuery("select e.name from Employee e group by e.name, e.salary order by e.salary," + " e.name",
                        String.class)
                .getResultList()).containsExactly("Alice", "Bob");
            var criteria = em.getCriteriaBuilder().createQuery(BigDecimal.class);
            var root = criteria.from(Employee.class);
            criteria.select(em.getCriteriaBuilder().max(root.get("salary")));
            assertThat(em.createQuery(criteria).getSingleResult()).isNull();
            return null;
        });
        enforcement.as(HR, em -> {
            assertThat(em.createQuery("select sum(e.salary) from Employee e", BigDecimal.class).getSingleResult())
                .isEqualByComparingTo(ALICES_SALARY.add(BOBS_SALARY));
            assertThat(em.createQuery("select e.name from Employee e order by e.salary desc", String.class)
                .getResultList()).containsExactly("Bob", "Alice");
            return null;
        });
    }

    @Test
    void springDataProjectionsAndDerivedQueriesSeeTheSame() {
        enforcement.as(ALICE, em -> {
            assertThat(employees.findByOwnerIdOrderById("alice")).singleElement()
                .satisfies(row -> assertThat(row.getSalary()).isNull());
            assertThat(employees.findBySalary(ALICES_SALARY)).isEmpty();
            assertThat(employees.totalSalary()).isNull();
            return null;
        });
        enforcement.as(HR, em -> {
            assertThat(employees.findBySalary(ALICES_SALARY)).extracting(Employee::getName).containsExactly("Alice");
            return null;
        });
    }

    @Test
    void savingAnEntityWithAHiddenFieldKeepsTheStoredValue() {
        enforcement.as(ALICE, em -> {
            em.find(Employee.class, 1L).setName("Alice A.");
            return null;
        });
        Employee detached = enforcement.as(ALICE, em -> em.find(Employee.class, 1L));
        detached.setName("Alice B.");
        enforcement.as(ALICE, em -> em.merge(detached));
        Employee copy = new Employee(1L, "Alice C.", "alice", null);
        copy.setNote("alice's own note");
        enforcement.as(ALICE, em -> employees.save(copy));
        Employee stored = stored(1L);
        assertThat(stored.getName()).isEqualTo("Alice C.");
        assertThat(stored.getSalary()).isEqualByComparingTo(ALICES_SALARY);
        assertThat(stored.getCreatedBy()).isEqualTo("alice");
    }

    @Test
    void writingIntoAFieldNeedsItsUpdateRuleAndWritesNothingWhenDenied() {
        PolicyViolationException denial = catchThrowableOfType(PolicyViolationException.class,
                () -> enforcement.as(ALICE, em -> {
                    Employee alice = em.find(Employee.class, 1L);
                    alice.setName("Alice Rich");
                    alice.setSalary(new BigDecimal("999999"));
                    em.flush();
                    return null;
                }));
        assertThat(denial.operation()).isEqualTo(UPDATE);
        assertThat(denial.decidedBy()).extracting(PolicyRule::field).containsOnly("salary");
        Employee stored = enforcement.asSystem(em -> em.find(Employee.class, 1L));
        assertThat(stored.getName()).isEqualTo("Alice");
        assertThat(stored.getSalary()).isEqualByComparingTo(ALICES_SALARY);
        enforcement.as(HR, em -> {
            em.find(Employee.class, 1L).setSalary(new BigDecimal("6000"));
            return null;
        });
        assertDenied(() -> enforcement.as(HR, em -> {
            em.find(Employee.class, 1L).setSalary(new BigDecimal("2000000"));
            em.flush();
            return null;
        }), "Employee", POST_UPDATE);
        assertThat(stored(1L).getSalary()).isEqualByComparingTo("6000");
    }

    @Test
    void aFrozenFieldCannotChangeForAnyCallerButMayStayAsItIs() {
        PolicyViolationException denial = catchThrowableOfType(PolicyViolationException.class,
                () -> enforcement.as(HR, em -> {
                    em.find(Employee.class, 1L).setCreatedBy("harriet");
                    em.flush();
                    return null;
                }));
        assertThat(denial.code()).isEqualTo("employee.created-by");
        enforcement.as(HR, em -> {
            em.find(Employee.class, 1L).setName("Alicia");
            return null;
        });
        assertThat(stored(1L).getCreatedBy()).isEqualTo("alice");
    }

    @Test
    void rowRulesOverAHiddenFieldDecideOnTheStoredValue() {
        assertDenied(() -> enforcement.as(BOB, em -> {
            em.remove(em.find(Employee.class, 2L));
            em.flush();
            return null;
        }), "Employee", DELETE);
        enforcement.as(ALICE, em -> {
            em.remove(em.find(Employee.class, 1L));
            return null;
        });
        Employee deleted = enforcement.asSystem(em -> em.find(Employee.class, 1L));
        assertThat(deleted).isNull();
    }

    @Test
    void createdValuesAreWrittenAndReadBackThroughTheReadRules() {
        enforcement.as(ALICE, em -> {
            em.persist(new Employee(3L, "Carla", "alice", new BigDecimal("4200")));
            return null;
        });
        Employee asAlice = enforcement.as(ALICE, em -> em.find(Employee.class, 3L));
        assertThat(asAlice.getSalary()).isNull();
        assertThat(stored(3L).getSalary()).isEqualByComparingTo("4200");
    }

    @Test
    void statementsCarryTheCallersRuleNotTheValue() {
        String sql = enforcement.as(ALICE,
                em -> em.unwrap(Session.class).createNativeQuery("select 1", Integer.class).getQueryString());
        assertThat(sql).isEqualTo("select 1");
        long counted = enforcement.as(ALICE,
                em -> em.createQuery("select count(e) from Employee e where e.salary < 1", Long.class)
                    .getSingleResult());
        assertThat(counted).isZero();
    }

    @Test
    void bulkUpdatesChangeOnlyRowsWhereEachTouchedFieldsRulesHold() {
        assertThat(bulk(ALICE, "update Employee e set e.salary = 1 where e.id = 1")).isZero();
        assertThat(bulk(ALICE, "update Employee e set e.createdBy = 'alice' where e.id = 1")).isZero();
        assertThat(bulk(ALICE, "update Employee e set e.name = 'Alice A.' where e.id = 1")).isOne();
        assertThat(bulk(ALICE, "update Employee e set e.name = concat(e.name, e.salary) where e.id = 1"))
            .as("a value that reads the hidden salary: not where alice may not read it")
            .isZero();
        assertThat(bulk(ALICE, "update Employee e set e.name = concat(e.name, '.') where e.id = 1")).isOne();
        assertThat(bulk(HR, "update Employee e set e.salary = 6000")).isEqualTo(2);
        assertThat(bulk(HR, "update Employee e set e.createdBy = 'harriet'")).isZero();
        Employee stored = stored(1L);
        assertThat(stored.getName()).isEqualTo("Alice A..");
        assertThat(stored.getSalary()).isEqualByComparingTo("6000");
        assertThat(stored.getCreatedBy()).isEqualTo("alice");
    }

    private int bulk(AuthPrincipal caller, String update) {
        return enforcement.as(caller, em -> em.createQuery(update).executeUpdate());
    }

    @Test
    void aRuleReadingAHiddenFieldOnlyThroughBeforeDecidesOnTheStoredValue() {
        enforcement.asSystem(em -> {
            em.createQuery("delete from Ledger").executeUpdate();
            em.persist(new Ledger(1L, "closed books", true));
            em.persist(new Ledger(2L, "open books", false));
            return null;
        });
        assertDenied(() -> enforcement.as(ALICE, em -> {
            em.find(Ledger.class, 1L).setTitle("reopened");
            em.flush();
            return null;
        }), "Ledger", POST_UPDATE);
        enforcement.as(ALICE, em -> {
            Ledger open = em.find(Ledger.class, 2L);
            assertThat(open.getLocked()).isNull();
            open.setTitle("still open");
            return null;
        });
    }

    @Test
    void textThatLooksLikeAMaskIsLeftAsText() {
        // the note's rule compares the caller's id: its mask writes the id in as text
        String marker = markerOf("note");
        AuthPrincipal mimic = AuthPrincipal.of("e1_0." + marker);
        List<String> notes = enforcement.as(mimic,
                em -> em
                    .createQuery("select e.note from Employee e where e.name <> 'e1_0." + marker + "'", String.class)
                    .getResultList());
        assertThat(notes).hasSize(2).containsOnlyNulls();
    }

    @Test
    void hqlsColumnFunctionCannotReadPastAMask() {
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> enforcement.as(ALICE,
                em -> em.createQuery("select column(e.salary) from Employee e", Object.class).getResultList()));
        assertThat(refused).hasStackTraceContaining("column() function");
        for (String hidden : List.of("select e.name from Employee e where column(e.salary) > 0",
                "select e.name from Employee e where e.id in (select x.id from Employee x order by column(x.salary))",
                "select count(e) from Employee e where exists (select 1 from Employee x where column(x.salary) > 0)",
                "with s as (select column(x.salary) as v from Employee x) select count(*) from s")) {
            Throwable alsoRefused = org.assertj.core.api.Assertions.catchThrowable(
                    () -> enforcement.as(ALICE, em -> em.createQuery(hidden, Object.class).getResultList()));
            assertThat(alsoRefused).as(hidden).hasStackTraceContaining("column() function");
        }
        Throwable countRefused = org.assertj.core.api.Assertions.catchThrowable(() -> enforcement.as(ALICE,
                em -> em.createQuery("select e.name from Employee e where column(e.salary) > 0", String.class)
                    .unwrap(org.hibernate.query.SelectionQuery.class)
                    .getResultCount()));
        assertThat(countRefused).as("the count Hibernate derives from a query")
            .hasStackTraceContaining("column() function");
        List<Object> asSystem = enforcement
            .asSystem(em -> em.createQuery("select column(e.salary) from Employee e", Object.class).getResultList());
        assertThat(asSystem).hasSize(2).doesNotContainNull();
    }

    @Test
    void anInsertThatUpdatesTheRowItConflictsWithIsRefusedWhereRulesDependOnTheRow() {
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> enforcement.as(ALICE,
                em -> em
                    .createQuery("insert into Employee (id, name, ownerId) values (2, 'Bobby', 'bob')"
                            + " on conflict(id) do update set name = 'Bobby'")
                    .executeUpdate()));
        assertThat(refused).isNotNull();
        assertThat(stored(2L).getName()).isEqualTo("Bob");
    }

    /** The marker Rowguard wrote into the column's read expression. */
    private String markerOf(String field) {
        var salary = em.getEntityManagerFactory()
            .unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class)
            .getMappingMetamodel()
            .getEntityDescriptor(Employee.class)
            .findAttributeMapping(field);
        String read = String
            .valueOf(((org.hibernate.metamodel.mapping.SelectableMapping) salary).getCustomReadExpression());
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(?i)rg[0-9a-f]{16}m\\d+").matcher(read);
        assertThat(matcher.find()).as(read).isTrue();
        return matcher.group();
    }

    @Test
    void permissionsAnswerPerField() {
        enforcement.as(ALICE, em -> {
            Employee alice = em.find(Employee.class, 1L);
            assertThat(permissions.readableFields(alice)).contains("id", "name", "note", "department")
                .doesNotContain("salary");
            assertThat(permissions.updatableFields(alice)).contains("name", "note")
                .doesNotContain("salary", "createdBy");
            assertThat(permissions.updatableFields(em.find(Employee.class, 2L))).isEmpty();
            return null;
        });
        enforcement.as(HR, em -> {
            Employee alice = em.find(Employee.class, 1L);
            assertThat(permissions.readableFields(alice)).contains("salary").doesNotContain("note");
            assertThat(permissions.updatableFields(alice)).contains("salary").doesNotContain("createdBy");
            return null;
        });
    }

    private Employee stored(long id) {
        return enforcement.asSystem(em -> em.find(Employee.class, id));
    }

    /** A DTO projection. */
    public record Pay(String name, BigDecimal salary) {
    }

}

package dev.rowguard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

import dev.rowguard.Rowguard;
import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.postgres.RlsMigrationGenerator;
import dev.rowguard.sample.SampleRlsOptions;
import dev.rowguard.sample.domain.Todo;
import dev.rowguard.sample.domain.TodoRepository;
import dev.rowguard.testsupport.TestDatabase;
import dev.rowguard.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Rowguard's read benchmark on the one-million-todo dataset (docs/benchmarks.md): the
 * enforced sample repository against the same Spring Data/Hibernate path with policies
 * off and the expert's condition by hand, plain JDBC, the naive OR and PostgreSQL RLS,
 * all interleaved in one JVM on one database, after warm-up.
 * <p>
 * {@code ./mvnw -pl sample-app -am -Pbench -DskipTests verify} (embedded PostgreSQL), or
 * add
 * {@code -Dbench.jdbc-url=jdbc:postgresql://host/db -Dbench.username=... -Dbench.password=...}
 * for a server of your own (an empty database, or one this benchmark loaded before).
 */
public final class TodoBenchmark {

    static final String ME = "1";
    static final long EXPECTED_TOTAL = 2_430;

    /**
     * A todo user 1 sees as a member of its space (list 2 belongs to user 334, not
     * private).
     */
    static final long VISIBLE_TODO = 15;

    /** A todo user 1 does not see (space 500). */
    static final long HIDDEN_TODO = 499_005;
    static final PageRequest PAGE = PageRequest.of(0, 50, Sort.by("id"));

    static final String EXPERT_WHERE = "t.list_id IN (" + "SELECT l.id FROM list l WHERE l.owner_id = ? " + "UNION ALL "
            + "SELECT l.id FROM list l JOIN space_user su ON su.space_id = l.space_id "
            + "WHERE su.user_id = ? AND NOT l.private)";
    static final String EXPERT_PAGE = "SELECT t.* FROM todo t WHERE " + EXPERT_WHERE + " ORDER BY t.id LIMIT 50";
    static final String EXPERT_COUNT = "SELECT count(*) FROM todo t WHERE " + EXPERT_WHERE;
    static final String RLS_PAGE = "SELECT t.* FROM todo t ORDER BY t.id LIMIT 50";
    static final String RLS_COUNT = "SELECT count(*) FROM todo t";

    private final StringBuilder report = new StringBuilder();

    public static void main(String[] args) throws Exception {
        int status = 0;
        try {
            new TodoBenchmark().run();
        }
        catch (Throwable ex) {
            ex.printStackTrace();
            status = 1;
        }
        // embedded PostgreSQL and the contexts stop in shutdown hooks
        System.exit(status);
    }

    record Db(String url, String username, String password, String description) {

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }
    }

    /** One measured operation. */
    record Case(String name, Supplier<Object> work) {
    }

    void run() throws Exception {
        String loadAtStart = loadAverage();
        Db db = database();
        line("# Rowguard read benchmark");
        line("");
        line("Started " + Instant.now() + "; database: " + db.description());
        try (Connection admin = db.connect()) {
            prepare(db, admin);
        }

        ConfigurableApplicationContext enforcedContext = context(db, "enforced", true, "hide-row");
        ConfigurableApplicationContext uncheckedContext = context(db, "unchecked", true, "unchecked");
        ConfigurableApplicationContext offContext = context(db, "policies-off", false, "hide-row");
        ConfigurableApplicationContext layersContext = context(db, "both-layers", true, "hide-row",
                "--spring.datasource.hikari.connection-init-sql=SET ROLE " + LAYERS_ROLE,
                "--rowguard.postgres.session-claims=true");
        TodoRepository todosLayers = layersContext.getBean(TodoRepository.class);
        ConfigurableApplicationContext layersViewsContext = context(db, "both-layers-views", true, "hide-row",
                "--spring.datasource.hikari.connection-init-sql=SET ROLE " + LAYERS_VIEWS_ROLE,
                "--rowguard.postgres.session-claims=true");
        TodoRepository todosLayersViews = layersViewsContext.getBean(TodoRepository.class);
        TodoRepository todos = enforcedContext.getBean(TodoRepository.class);
        BenchTodoRepository enforced = enforcedContext.getBean(BenchTodoRepository.class);
        TodoRepository todosUnchecked = uncheckedContext.getBean(TodoRepository.class);
        BenchTodoRepository unchecked = uncheckedContext.getBean(BenchTodoRepository.class);
        BenchTodoRepository off = offContext.getBean(BenchTodoRepository.class);
        TodoRepository todosOff = offContext.getBean(TodoRepository.class);
        AuthPrincipal me = AuthPrincipal.of(ME);

        try (Connection floor = db.connect();
                Connection rlsNaive = rlsConnection(db, "rowguard_bench_rls_naive");
                Connection rlsWrapped = rlsConnection(db, "rowguard_bench_rls_wrapped");
                Connection rlsExpert = rlsConnection(db, "rowguard_bench_rls_expert");
                Connection admin = db.connect()) {
            floor.setAutoCommit(false);

            Case enforcedPage = new Case("enforced: sample TodoRepository.findAll(page), Rowguard on",
                    () -> Rowguard.runAs(me, () -> todos.findAll(PAGE)));
            Case baselinePage = new Case("baseline: @Query + countQuery with the expert's condition, policies off",
                    () -> Rowguard.runAs(me, () -> off.expertPage(ME, PAGE)));
            Case floorPage = new Case("floor: the expert's SQL over plain JDBC (page + count, one transaction)",
                    () -> jdbcPage(floor, null));
            Case naiveOr = new Case("naive OR: @Query + countQuery with one WHERE ... OR, policies off",
                    () -> Rowguard.runAs(me, () -> off.naiveOrPage(ME, PAGE)));
            Case rlsNaiveCase = new Case("RLS naive: policies call bench_auth.uid(), set_config per transaction, JDBC",
                    () -> jdbcPage(rlsNaive, ME));
            Case rlsWrappedCase = new Case("RLS wrapped: policies call (select bench_auth.uid()), JDBC",
                    () -> jdbcPage(rlsWrapped, ME));
            Case rlsExpertCase = new Case(
                    "RLS, one policy with the expert's UNION ALL and (select bench_auth.uid()), JDBC",
                    () -> jdbcPage(rlsExpert, ME));
            Case uncheckedPage = new Case("enforced, hidden-references=unchecked: the same findAll(page)",
                    () -> Rowguard.runAs(me, () -> todosUnchecked.findAll(PAGE)));
            Case uncheckedPageOnly = new Case("enforced page alone, hidden-references=unchecked",
                    () -> Rowguard.runAs(me, () -> unchecked.pageOnly(PAGE)));
            Case uncheckedTotal = new Case("enforced total alone, hidden-references=unchecked",
                    () -> Rowguard.runAs(me, () -> todosUnchecked.count()));
            Case enforcedHqlPage = new Case("enforced: @Query(\"select t from Todo t\") + countQuery, Rowguard on",
                    () -> Rowguard.runAs(me, () -> enforced.pageAll(PAGE)));
            Case uncheckedHqlPage = new Case(
                    "enforced: @Query(\"select t from Todo t\") + countQuery, hidden-references=unchecked",
                    () -> Rowguard.runAs(me, () -> unchecked.pageAll(PAGE)));
            Case specBaselinePage = new Case(
                    "baseline via criteria: findAll(Specification with the expert's condition, page), policies off",
                    () -> Rowguard.runAs(me, () -> off.findAll(ExpertSpecification.visibleTo(ME), PAGE)));
            Case layersPage = new Case(
                    "both layers: the same findAll(page), Rowguard's filters and the generated RLS"
                            + " (a role without BYPASSRLS, session claims set per transaction)",
                    () -> Rowguard.runAs(me, () -> todosLayers.findAll(PAGE)));
            Case layersViewsPage = new Case(
                    "both layers, related rows through views (--related-rows views): the same"
                            + " findAll(page), a role that does not own the tables",
                    () -> Rowguard.runAs(me, () -> todosLayersViews.findAll(PAGE)));
            Case hideRowBaselinePage = new Case(
                    "baseline with the default's semantics: @Query + countQuery, the rule and the hidden-reference checks by hand, policies off",
                    () -> Rowguard.runAs(me, () -> off.expertHideRowPage(ME, PAGE)));
            Case enforcedPageOnly = new Case(
                    "enforced page alone: @Query(\"select t from Todo t\") + Pageable, Rowguard on",
                    () -> Rowguard.runAs(me, () -> enforced.pageOnly(PAGE)));
            Case baselinePageOnly = new Case("baseline page alone: the expert's condition in @Query, policies off",
                    () -> Rowguard.runAs(me, () -> off.expertPageOnly(ME, PAGE)));
            Case enforcedTotal = new Case("enforced total alone: TodoRepository.count(), Rowguard on",
                    () -> Rowguard.runAs(me, () -> todos.count()));
            Case baselineTotal = new Case("baseline total alone: count(t) with the expert's condition, policies off",
                    () -> Rowguard.runAs(me, () -> off.expertCount(ME)));
            Case specBaselineTotal = new Case(
                    "baseline total via criteria: count(Specification with the expert's condition)," + " policies off",
                    () -> Rowguard.runAs(me, () -> off.count(ExpertSpecification.visibleTo(ME))));

            Case uncheckedNotesPage = new Case(
                    "field-level: a page with the owner-only note, hidden-references=unchecked, Rowguard on",
                    () -> Rowguard.runAs(me, () -> unchecked.notesPage(PAGE)));
            Case notesPageByHand = new Case(
                    "field-level by hand: the expert's condition and CASE WHEN owner = me THEN note END,"
                            + " policies off",
                    () -> Rowguard.runAs(me, () -> off.notesPageByHand(ME, PAGE)));
            check("field-level page: enforced and by hand give the same rows and notes",
                    uncheckedNotesPage.work().get(), notesPageByHand.work().get());

            checkReads(
                    List.of(enforcedPage, baselinePage, naiveOr, uncheckedPage, enforcedHqlPage, uncheckedHqlPage,
                            specBaselinePage, hideRowBaselinePage, layersPage, layersViewsPage),
                    List.of(floorPage, rlsNaiveCase, rlsWrappedCase, rlsExpertCase),
                    List.of(enforcedPageOnly, baselinePageOnly, uncheckedPageOnly),
                    List.of(enforcedTotal, baselineTotal, uncheckedTotal, specBaselineTotal));

            Case enforcedFind = new Case("enforced findById(visible), Rowguard on",
                    () -> Rowguard.runAs(me, () -> todos.findById(VISIBLE_TODO)));
            Case baselineFind = new Case("baseline: @Query by id + the expert's condition, policies off",
                    () -> Rowguard.runAs(me, () -> off.findVisibleById(VISIBLE_TODO, ME)));
            Case enforcedExists = new Case("enforced existsById(visible), Rowguard on",
                    () -> Rowguard.runAs(me, () -> todos.existsById(VISIBLE_TODO)));
            Case baselineExists = new Case("baseline: count(t) by id + the expert's condition > 0, policies off",
                    () -> Rowguard.runAs(me, () -> off.countVisibleById(VISIBLE_TODO, ME) > 0));
            Case enforcedJpql = new Case("enforced one-row JPQL (select t from Todo t where t.id = :id), Rowguard on",
                    () -> Rowguard.runAs(me, () -> enforced.jpqlById(VISIBLE_TODO)));
            Case uncheckedFind = new Case("enforced findById(visible), hidden-references=unchecked",
                    () -> Rowguard.runAs(me, () -> todosUnchecked.findById(VISIBLE_TODO)));
            Case uncheckedExists = new Case("enforced existsById(visible), hidden-references=unchecked",
                    () -> Rowguard.runAs(me, () -> todosUnchecked.existsById(VISIBLE_TODO)));
            Case uncheckedJpql = new Case("enforced one-row JPQL, hidden-references=unchecked",
                    () -> Rowguard.runAs(me, () -> unchecked.jpqlById(VISIBLE_TODO)));
            Case hideRowBaselineFind = new Case(
                    "baseline with the default's semantics: @Query by id, the rule and the"
                            + " hidden-reference checks by hand, policies off",
                    () -> Rowguard.runAs(me, () -> off.findVisibleByIdHideRow(VISIBLE_TODO, ME)));
            Case rowDrivenFind = new Case(
                    "baseline, row-driven: @Query by id, the default's semantics as correlated EXISTS from the row,"
                            + " policies off",
                    () -> Rowguard.runAs(me, () -> off.findVisibleByIdByRow(VISIBLE_TODO, ME)));
            Case rowDrivenExists = new Case(
                    "baseline, row-driven: count(t) by id, the default's semantics as correlated EXISTS > 0,"
                            + " policies off",
                    () -> Rowguard.runAs(me, () -> off.countVisibleByIdByRow(VISIBLE_TODO, ME) > 0));
            TransactionTemplate enforcedTx = new TransactionTemplate(
                    enforcedContext.getBean(PlatformTransactionManager.class));
            Case enforcedReference = new Case("enforced getReferenceById(visible) + first access, Rowguard on",
                    () -> Rowguard.runAs(me, () -> enforcedTx
                        .execute(status -> java.util.Optional.of(todos.getReferenceById(VISIBLE_TODO).getTitle()))));
            // Spring Data runs findById and existsById in a read-only transaction (its
            // CRUD methods are @Transactional(readOnly = true)); a declared @Query method
            // runs without one unless told. The same queries by hand in the same
            // transaction set the point lookups beside what the caller's code pays.
            TransactionTemplate offReadOnly = new TransactionTemplate(
                    offContext.getBean(PlatformTransactionManager.class));
            offReadOnly.setReadOnly(true);
            Case baselineFindTx = new Case(
                    "baseline in a read-only transaction as findById's: @Query by id + the expert's condition,"
                            + " policies off",
                    () -> Rowguard.runAs(me,
                            () -> offReadOnly.execute(status -> off.findVisibleById(VISIBLE_TODO, ME))));
            Case baselineExistsTx = new Case(
                    "baseline in a read-only transaction as existsById's: count(t) by id + the expert's condition > 0,"
                            + " policies off",
                    () -> Rowguard.runAs(me,
                            () -> offReadOnly.execute(status -> off.countVisibleById(VISIBLE_TODO, ME) > 0)));
            Case rowDrivenFindTx = new Case(
                    "baseline, row-driven, in a read-only transaction as findById's: @Query by id, policies off",
                    () -> Rowguard.runAs(me,
                            () -> offReadOnly.execute(status -> off.findVisibleByIdByRow(VISIBLE_TODO, ME))));
            Case rowDrivenExistsTx = new Case(
                    "baseline, row-driven, in a read-only transaction as existsById's: count(t) by id > 0,"
                            + " policies off",
                    () -> Rowguard.runAs(me,
                            () -> offReadOnly.execute(status -> off.countVisibleByIdByRow(VISIBLE_TODO, ME) > 0)));
            Case plainFind = new Case("for reference: findById, policies off, no condition",
                    () -> Rowguard.runAs(me, () -> todosOff.findById(VISIBLE_TODO)));
            Case plainExists = new Case("for reference: existsById, policies off, no condition",
                    () -> Rowguard.runAs(me, () -> todosOff.existsById(VISIBLE_TODO)));
            Case plainJpql = new Case("for reference: the one-row JPQL, policies off, no condition",
                    () -> Rowguard.runAs(me, () -> off.jpqlById(VISIBLE_TODO)));

            checkShort(todos, enforced, off, me, enforcedFind, baselineFind, enforcedExists, baselineExists,
                    enforcedJpql, uncheckedFind, uncheckedExists, uncheckedJpql, hideRowBaselineFind, rowDrivenFind,
                    rowDrivenExists, enforcedReference, baselineFindTx, baselineExistsTx, rowDrivenFindTx,
                    rowDrivenExistsTx);

            line("");
            line(environment(db, admin, loadAtStart));

            // ---- 1. filtered reads
            int readWarmup = Integer.getInteger("bench.reads.warmup", 60);
            int readRounds = Integer.getInteger("bench.reads.rounds", 400);
            List<Case> reads = List.of(enforcedPage, baselinePage, floorPage, naiveOr, rlsNaiveCase, rlsWrappedCase,
                    enforcedPageOnly, baselinePageOnly, enforcedTotal, baselineTotal, uncheckedPage, uncheckedPageOnly,
                    uncheckedTotal, rlsExpertCase, enforcedHqlPage, uncheckedHqlPage, specBaselinePage,
                    hideRowBaselinePage, layersPage, layersViewsPage, specBaselineTotal, uncheckedNotesPage,
                    notesPageByHand);
            Samples[] readSamples = measure(reads, readWarmup, readRounds);
            line("");
            line("## 1. Filtered reads: user 1, first page of 50 todos by id and the total (2,430)");
            line("");
            line(readWarmup + " warm-up rounds, then " + readRounds + " rounds; every round runs each case once, "
                    + "in a rotating order. Cases whose fastest call in warm-up rounds 10-19 took more than 20 ms "
                    + "(marked *) run every " + SLOW_EVERY + "th round only. Times are per call (one transaction).");
            line("");
            table(reads, readSamples, 1, 2);
            line("");
            ratio("enforced / baseline, page + total", readSamples[0], readSamples[1]);
            ratio("enforced / floor (JDBC), page + total", readSamples[0], readSamples[2]);
            ratio("baseline / floor (JDBC), page + total", readSamples[1], readSamples[2]);
            ratio("enforced / baseline, page alone", readSamples[6], readSamples[7]);
            ratio("enforced / baseline, total alone", readSamples[8], readSamples[9]);
            ratio("naive OR / baseline", readSamples[3], readSamples[1]);
            ratio("RLS naive / floor (JDBC)", readSamples[4], readSamples[2]);
            ratio("RLS wrapped / floor (JDBC)", readSamples[5], readSamples[2]);
            ratio("RLS wrapped / enforced", readSamples[5], readSamples[0]);
            ratio("hidden-references=unchecked: enforced / baseline, page + total", readSamples[10], readSamples[1]);
            ratio("hidden-references=unchecked: enforced / baseline, page alone", readSamples[11], readSamples[7]);
            ratio("hidden-references=unchecked: enforced / baseline, total alone", readSamples[12], readSamples[9]);
            ratio("RLS with the expert's UNION ALL / floor (JDBC)", readSamples[13], readSamples[2]);
            ratio("enforced @Query page + countQuery / baseline (same HQL path)", readSamples[14], readSamples[1]);
            ratio("hidden-references=unchecked: enforced @Query page + countQuery / baseline (same HQL path)",
                    readSamples[15], readSamples[1]);
            ratio("enforced findAll(page) / baseline via criteria (same criteria path)", readSamples[0],
                    readSamples[16]);
            ratio("hidden-references=unchecked: enforced findAll(page) / baseline via criteria (same criteria path)",
                    readSamples[10], readSamples[16]);
            ratio("baseline via criteria / baseline via @Query (Spring Data's criteria path, no policy)",
                    readSamples[16], readSamples[1]);
            ratio("enforced (hide-row) findAll(page) / the same semantics by hand in @Query", readSamples[0],
                    readSamples[17]);
            ratio("enforced (hide-row) @Query page + countQuery / the same semantics by hand in @Query",
                    readSamples[14], readSamples[17]);
            ratio("the hide-row semantics by hand / the expert's rule alone", readSamples[17], readSamples[1]);
            ratio("both layers (filters + generated RLS) / Rowguard's filters alone, findAll(page)", readSamples[18],
                    readSamples[0]);
            ratio("both layers, related rows through views / Rowguard's filters alone, findAll(page)", readSamples[19],
                    readSamples[0]);
            ratio("both layers, related rows through views / through functions", readSamples[19], readSamples[18]);
            ratio("enforced total alone (count()) / baseline total via criteria (same criteria path)", readSamples[8],
                    readSamples[20]);
            ratio("hidden-references=unchecked: enforced total alone / baseline total via criteria (same criteria path)",
                    readSamples[12], readSamples[20]);
            ratio("field-level: a page with the protected note, enforced (unchecked) / the CASE and the condition by"
                    + " hand", readSamples[21], readSamples[22]);
            ratio("for comparison, the same page without the note: enforced (unchecked) / by hand", readSamples[11],
                    readSamples[7]);

            // ---- 2. short queries
            int shortWarmup = Integer.getInteger("bench.short.warmup", 3000);
            int shortRounds = Integer.getInteger("bench.short.rounds", 5000);
            List<Case> shorts = List.of(enforcedFind, baselineFind, enforcedExists, baselineExists, enforcedJpql,
                    plainFind, plainExists, plainJpql, uncheckedFind, uncheckedExists, uncheckedJpql,
                    hideRowBaselineFind, rowDrivenFind, rowDrivenExists, enforcedReference, baselineFindTx,
                    baselineExistsTx, rowDrivenFindTx, rowDrivenExistsTx);
            Samples[] shortSamples = measure(shorts, shortWarmup, shortRounds);
            line("");
            line("## 2. Short queries: todo " + VISIBLE_TODO + " (visible to user 1 as a member of its space)");
            line("");
            line(shortWarmup + " warm-up rounds, then " + shortRounds + " rounds, interleaved as above.");
            line("");
            table(shorts, shortSamples, 1, 3);
            line("");
            ratio("findById: enforced / baseline (hand-written condition)", shortSamples[0], shortSamples[1]);
            ratio("existsById: enforced / baseline (hand-written condition)", shortSamples[2], shortSamples[3]);
            ratio("one-row JPQL: enforced / baseline (hand-written condition)", shortSamples[4], shortSamples[1]);
            ratio("findById: enforced / policies off without condition", shortSamples[0], shortSamples[5]);
            ratio("existsById: enforced / policies off without condition", shortSamples[2], shortSamples[6]);
            ratio("one-row JPQL: enforced / policies off without condition", shortSamples[4], shortSamples[7]);
            ratio("hidden-references=unchecked, findById: enforced / baseline", shortSamples[8], shortSamples[1]);
            ratio("hidden-references=unchecked, existsById: enforced / baseline", shortSamples[9], shortSamples[3]);
            ratio("hidden-references=unchecked, one-row JPQL: enforced / baseline", shortSamples[10], shortSamples[1]);
            ratio("findById: enforced (hide-row) / the same semantics by hand (@Query by id)", shortSamples[0],
                    shortSamples[11]);
            ratio("the hide-row semantics by hand / the expert's rule alone, by id", shortSamples[11], shortSamples[1]);
            ratio("goal 1, findById: enforced (hide-row) / the same semantics by hand, row-driven", shortSamples[0],
                    shortSamples[12]);
            ratio("goal 1, existsById: enforced (hide-row) / the same semantics by hand, row-driven", shortSamples[2],
                    shortSamples[13]);
            ratio("goal 1, getReferenceById + first access: enforced (hide-row) / findById by hand, row-driven",
                    shortSamples[14], shortSamples[12]);
            ratio("goal 1, one-row JPQL: enforced (hide-row) / the same semantics by hand, row-driven", shortSamples[4],
                    shortSamples[12]);
            ratio("goal 1, findById: enforced (hide-row) / the expert's rule alone by id", shortSamples[0],
                    shortSamples[1]);
            ratio("the hide-row semantics by hand, row-driven / the expert's rule alone, by id", shortSamples[12],
                    shortSamples[1]);
            line("");
            line("The same point lookups against the queries by hand run in a read-only transaction, as Spring"
                    + " Data runs findById and existsById (a declared @Query method runs without one: no COMMIT):");
            line("");
            ratio("goal 1, findById: enforced (hide-row) / the same semantics by hand, row-driven, same transaction",
                    shortSamples[0], shortSamples[17]);
            ratio("goal 1, existsById: enforced (hide-row) / the same semantics by hand, row-driven, same transaction",
                    shortSamples[2], shortSamples[18]);
            ratio("goal 1, getReferenceById + first access: enforced (hide-row) / findById by hand, row-driven,"
                    + " same transaction", shortSamples[14], shortSamples[17]);
            ratio("goal 1, findById: enforced (hide-row) / the expert's rule alone by id, same transaction",
                    shortSamples[0], shortSamples[15]);
            ratio("goal 2, hidden-references=unchecked, findById: enforced / baseline, same transaction",
                    shortSamples[8], shortSamples[15]);
            ratio("goal 2, hidden-references=unchecked, existsById: enforced / baseline, same transaction",
                    shortSamples[9], shortSamples[16]);
            ratio("for reference, policies off: findById without condition / the expert's @Query by id, same"
                    + " transaction", shortSamples[5], shortSamples[15]);

            // ---- 3. writes (and what session claims add to a transaction: a fourth
            // context, the only difference)
            ConfigurableApplicationContext claimsContext = context(db, "session-claims", true, "hide-row",
                    "--rowguard.postgres.session-claims=true");
            try {
                writes(admin, enforcedContext, offContext, claimsContext, me);
            }
            finally {
                claimsContext.close();
            }

            // ---- 4. end to end, over HTTP (its own server JVMs; skip with
            // -Dbench.e2e=false)
            if (Boolean.parseBoolean(System.getProperty("bench.e2e", "true"))) {
                new EndToEnd(db, this::line).run();
            }

            line("");
            line("Load average at start: " + loadAtStart + "; at the end of the measurements: " + loadAverage());

            // ---- EXPLAIN of what the enforced side sends
            line("");
            line("## EXPLAIN (ANALYZE, BUFFERS) of the statements the enforced side sends");
            explain(admin, "findAll(PageRequest.of(0, 50, Sort.by(\"id\"))) as user 1", enforcedPage);
            explain(admin, "findById(" + VISIBLE_TODO + ") as user 1", enforcedFind);
            explain(admin, "existsById(" + VISIBLE_TODO + ") as user 1", enforcedExists);
            explain(admin, "getReferenceById(" + VISIBLE_TODO + ") + first access as user 1", enforcedReference);
            explain(admin, "one-row JPQL as user 1", enforcedJpql);
            explain(admin, "hidden-references=unchecked: findAll(page) as user 1", uncheckedPage);
            explain(admin, "hidden-references=unchecked: findById(" + VISIBLE_TODO + ") as user 1", uncheckedFind);
            explain(admin, "for comparison, the baseline's page + total (policies off, hand-written)", baselinePage);
            explain(admin, "for comparison, the criteria baseline's page + total (policies off, Specification)",
                    specBaselinePage);
            explain(admin, "for comparison, the default's semantics written by hand (policies off)",
                    hideRowBaselinePage);
            explain(admin, "for comparison, findById(" + VISIBLE_TODO + ") with the default's semantics written by hand"
                    + " (policies off)", hideRowBaselineFind);
            explain(admin, "for comparison, findById(" + VISIBLE_TODO
                    + ") with the default's semantics written by hand," + " row-driven (policies off)", rowDrivenFind);
            explainAs(admin,
                    "both layers, related rows through views: findAll(page) as user 1, as " + LAYERS_VIEWS_ROLE,
                    layersViewsPage, LAYERS_VIEWS_ROLE);
            line("");
            line("## EXPLAIN (ANALYZE, BUFFERS) of the RLS cases (as the RLS role, after set_config)");
            for (Connection rls : List.of(rlsNaive, rlsWrapped, rlsExpert)) {
                String role = text(rls, "SELECT current_user");
                for (String sql : List.of(RLS_PAGE, RLS_COUNT)) {
                    line("");
                    line("### " + role + ": `" + sql + "`");
                    line("");
                    line("```");
                    try (PreparedStatement claim = rls
                        .prepareStatement("SELECT set_config('request.jwt.claim.sub', ?, true)")) {
                        claim.setString(1, ME);
                        claim.executeQuery().close();
                    }
                    explainText(rls, sql);
                    line(explainText(rls, sql));
                    rls.rollback();
                    line("```");
                }
            }
        }
        finally {
            layersContext.close();
            layersViewsContext.close();
            offContext.close();
            uncheckedContext.close();
            enforcedContext.close();
        }
        Path output = Path.of(System.getProperty("bench.output", "target/bench-results.md"));
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, report.toString());
        System.out.println();
        System.out.println("Written to " + output.toAbsolutePath());
    }

    // ------------------------------------------------------------------ writes

    private void writes(Connection admin, ConfigurableApplicationContext enforcedContext,
            ConfigurableApplicationContext offContext, ConfigurableApplicationContext claimsContext, AuthPrincipal me)
            throws SQLException {
        long ownList = single(admin, "SELECT min(id) FROM list WHERE owner_id = '" + ME + "'");
        long todo = single(admin, "SELECT min(id) FROM todo WHERE list_id = " + ownList);
        long todosInList = single(admin, "SELECT count(*) FROM todo WHERE list_id = " + ownList);
        WriteCases enforcedWrites = new WriteCases(enforcedContext, me, ownList, todo);
        WriteCases offWrites = new WriteCases(offContext, me, ownList, todo);
        WriteCases claimsWrites = new WriteCases(claimsContext, me, ownList, todo);
        List<Case> enforced = enforcedWrites.cases("Rowguard on");
        List<Case> off = offWrites.cases("policies off");
        // the empty transaction and the post's create, update and delete (creates and
        // deletes stay paired)
        List<Case> claims = claimsWrites.cases("Rowguard on, session claims").subList(0, CLAIMS_CASES);
        List<List<SqlCapture.Statement>> enforcedStatements = statementsOf(enforced);
        List<List<SqlCapture.Statement>> offStatements = statementsOf(off);
        List<List<SqlCapture.Statement>> claimsStatements = statementsOf(claims);
        List<Case> all = new ArrayList<>();
        for (int i = 0; i < enforced.size(); i++) {
            all.add(enforced.get(i));
            all.add(off.get(i));
        }
        all.addAll(claims);
        int warmup = Integer.getInteger("bench.writes.warmup", 300);
        int rounds = Integer.getInteger("bench.writes.rounds", 1500);
        Samples[] samples;
        try {
            // never thinned out as slow: each round must create as many rows as it
            // deletes
            samples = measure(all, warmup, rounds, false);
        }
        finally {
            enforcedWrites.cleanUp();
            offWrites.cleanUp();
            claimsWrites.cleanUp();
        }
        check("todos user 1 sees after the writes",
                single(admin, "SELECT count(*) FROM todo WHERE list_id = " + ownList), todosInList);
        line("");
        line("## 3. Writes: one transaction each, as user 1");
        line("");
        line(warmup + " warm-up rounds, then " + rounds + " rounds, interleaved as above. Post's rule reads only its"
                + " own columns (`auth() != null && auth().id == authorId`); Todo's follows the list"
                + " (`list.owner == auth()` or a member of its space and not private). Update and delete load the"
                + " row with `find` first (the same on both sides; the enforced `find` carries the read filter)."
                + " Statements counted on the connection, one call each, outside the measured loop.");
        line("");
        line("| operation | Rowguard on, median ms | policies off, median ms | on / off (median) | on / off (p95) | statements on | statements off |");
        line("|---|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < enforced.size(); i++) {
            Samples on = samples[2 * i];
            Samples plain = samples[2 * i + 1];
            String name = enforced.get(i).name().replace(", Rowguard on", "");
            line(String.format(Locale.ROOT, "| %s | %.3f | %.3f | **%.2f** | %.2f | %d | %d |", name, on.medianMs(),
                    plain.medianMs(), on.medianMs() / plain.medianMs(), on.p95Ms() / plain.p95Ms(),
                    enforcedStatements.get(i).size(), offStatements.get(i).size()));
        }
        line("");
        line("The statements of each call (Rowguard on / policies off), SQL as sent:");
        for (int i = 0; i < enforced.size(); i++) {
            line("- " + enforced.get(i).name().replace(", Rowguard on", "") + ": on `"
                    + String.join("`; `", enforcedStatements.get(i).stream().map(SqlCapture.Statement::sql).toList())
                    + "` / off `"
                    + String.join("`; `", offStatements.get(i).stream().map(SqlCapture.Statement::sql).toList()) + "`");
        }
        line("");
        line("Session claims (`rowguard.postgres.session-claims: true`, the caller handed to PostgreSQL in each"
                + " transaction; a fourth context, otherwise the enforced one), interleaved with the cases above:");
        line("");
        line("| operation | session claims on, median ms | off (Rowguard on), median ms | on - off, ms | on / off (median) | statements on | statements off |");
        line("|---|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < CLAIMS_CASES; i++) {
            Samples on = samples[2 * enforced.size() + i];
            Samples without = samples[2 * i];
            line(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | **%.2f** | %d | %d |",
                    enforced.get(i).name().replace(", Rowguard on", ""), on.medianMs(), without.medianMs(),
                    on.medianMs() - without.medianMs(), on.medianMs() / without.medianMs(),
                    claimsStatements.get(i).size(), enforcedStatements.get(i).size()));
        }
        line("");
        line("What session claims add: `"
                + String.join("`; `", claimsStatements.get(0).stream().map(SqlCapture.Statement::sql).toList())
                + "` (in the empty transaction).");
        line("");
        line("What the enforced side sends beyond the policies-off side's statements:");
        for (int i = 0; i < enforced.size(); i++) {
            List<String> extra = new ArrayList<>(
                    enforcedStatements.get(i).stream().map(SqlCapture.Statement::sql).toList());
            offStatements.get(i).stream().map(SqlCapture.Statement::sql).forEach(extra::remove);
            line("- " + enforced.get(i).name().replace(", Rowguard on", "") + ": "
                    + (extra.isEmpty() ? "nothing" : "`" + String.join("`; `", extra) + "`"));
        }
    }

    /**
     * How many of {@link WriteCases#cases}, from the first, also run with session claims
     * on.
     */
    static final int CLAIMS_CASES = 4;

    /** The statements each case sends, in one call with the capture on. */
    private static List<List<SqlCapture.Statement>> statementsOf(List<Case> cases) {
        List<List<SqlCapture.Statement>> statements = new ArrayList<>();
        for (Case c : cases) {
            SqlCapture.start();
            c.work().get();
            statements.add(SqlCapture.stop());
        }
        return statements;
    }

    // ------------------------------------------------------------------ measurement

    static final int SLOW_EVERY = 10;

    private Samples[] measure(List<Case> cases, int warmup, int rounds) {
        return measure(cases, warmup, rounds, true);
    }

    /**
     * @param thinSlowCases whether cases slower than 20 ms in warm-up run only every
     * {@value #SLOW_EVERY}th round
     */
    private Samples[] measure(List<Case> cases, int warmup, int rounds, boolean thinSlowCases) {
        int n = cases.size();
        Samples[] samples = new Samples[n];
        boolean[] slow = new boolean[n];
        long[] fastest = new long[n];
        java.util.Arrays.fill(fastest, Long.MAX_VALUE);
        int probe = Math.max(2, Math.min(warmup, 20));
        for (int i = 0; i < n; i++) {
            samples[i] = new Samples();
        }
        for (int round = 0; round < warmup + rounds; round++) {
            for (int k = 0; k < n; k++) {
                int i = (k + round) % n;
                if (slow[i] && round % SLOW_EVERY != 0) {
                    continue;
                }
                long start = System.nanoTime();
                Object result = cases.get(i).work().get();
                long elapsed = System.nanoTime() - start;
                Objects.requireNonNull(result);
                if (round >= probe / 2 && round < probe) {
                    fastest[i] = Math.min(fastest[i], elapsed);
                }
                else if (round == probe) {
                    // decided on warm code: the fastest of several calls after the first
                    // ones
                    slow[i] = thinSlowCases && fastest[i] > 20_000_000L;
                }
                if (round >= warmup) {
                    samples[i].add(elapsed);
                }
            }
            if (round + 1 == warmup) {
                System.out.println("warm-up done (" + warmup + " rounds)");
            }
        }
        this.lastSlow = slow;
        return samples;
    }

    private boolean[] lastSlow = new boolean[0];

    private void table(List<Case> cases, Samples[] samples, int baselineIndex, int digits) {
        String format = "%." + digits + "f";
        line("| case | median ms | p95 ms | median / baseline | samples |");
        line("|---|---:|---:|---:|---:|");
        for (int i = 0; i < cases.size(); i++) {
            line("| " + cases.get(i).name() + (lastSlow[i] ? " *" : "") + " | "
                    + String.format(Locale.ROOT, format, samples[i].medianMs()) + " | "
                    + String.format(Locale.ROOT, format, samples[i].p95Ms()) + " | "
                    + String.format(Locale.ROOT, "%.2f", samples[i].medianMs() / samples[baselineIndex].medianMs())
                    + " | " + samples[i].size() + " |");
        }
    }

    private void ratio(String label, Samples a, Samples b) {
        line(String.format(Locale.ROOT, "- %s: **%.2f** (median), %.2f (p95)", label, a.medianMs() / b.medianMs(),
                a.p95Ms() / b.p95Ms()));
    }

    // ------------------------------------------------------------------ checks before
    // measuring

    @SuppressWarnings("unchecked")
    private void checkReads(List<Case> pages, List<Case> jdbcPages, List<Case> pagesAlone, List<Case> totals) {
        List<Long> ids = null;
        for (Case c : pages) {
            Page<Todo> p = (Page<Todo>) c.work().get();
            check(c.name() + " total", p.getTotalElements(), EXPECTED_TOTAL);
            List<Long> these = p.getContent().stream().map(Todo::getId).toList();
            check(c.name() + " page size", these.size(), 50);
            check(c.name() + " ids", these, ids == null ? these : ids);
            ids = these;
        }
        for (Case c : jdbcPages) {
            JdbcPage p = (JdbcPage) c.work().get();
            check(c.name() + " total", p.total(), EXPECTED_TOTAL);
            check(c.name() + " ids", p.ids(), ids);
        }
        for (Case c : pagesAlone) {
            check(c.name(), ((List<Todo>) c.work().get()).stream().map(Todo::getId).toList(), ids);
        }
        for (Case c : totals) {
            check(c.name(), c.work().get(), EXPECTED_TOTAL);
        }
        line("");
        line("Checked before measuring: user 1 sees " + EXPECTED_TOTAL + " todos and the same first 50 ids ("
                + ids.get(0) + ".." + ids.get(ids.size() - 1) + ") through every case.");
    }

    private void checkShort(TodoRepository todos, BenchTodoRepository enforced, BenchTodoRepository off,
            AuthPrincipal me, Case... visible) {
        for (Case c : visible) {
            Object result = c.work().get();
            boolean found = result instanceof Boolean b ? b : ((java.util.Optional<?>) result).isPresent();
            check(c.name() + " finds todo " + VISIBLE_TODO, found, true);
        }
        check("enforced findById(hidden)", Rowguard.runAs(me, () -> todos.findById(HIDDEN_TODO)).isPresent(), false);
        check("enforced existsById(hidden)", Rowguard.runAs(me, () -> todos.existsById(HIDDEN_TODO)), false);
        check("enforced JPQL(hidden)", Rowguard.runAs(me, () -> enforced.jpqlById(HIDDEN_TODO)).isPresent(), false);
        check("baseline by id(hidden)", off.findVisibleById(HIDDEN_TODO, ME).isPresent(), false);
        check("hide-row baseline by id(hidden)", off.findVisibleByIdHideRow(HIDDEN_TODO, ME).isPresent(), false);
        check("row-driven baseline by id(hidden)", off.findVisibleByIdByRow(HIDDEN_TODO, ME).isPresent(), false);
        check("row-driven count by id(hidden)", off.countVisibleByIdByRow(HIDDEN_TODO, ME), 0L);
        check("row-driven and set-oriented by hand return the same todo",
                off.findVisibleByIdByRow(VISIBLE_TODO, ME).map(todo -> todo.getId()),
                off.findVisibleByIdHideRow(VISIBLE_TODO, ME).map(todo -> todo.getId()));
        line("Checked: todo " + VISIBLE_TODO + " is found and todo " + HIDDEN_TODO
                + " is not, enforced and baseline alike.");
    }

    private static void check(String what, Object actual, Object expected) {
        Object a = actual instanceof Number n && expected instanceof Number ? (Object) n.longValue() : actual;
        Object e = expected instanceof Number n ? (Object) n.longValue() : expected;
        if (!Objects.equals(a, e)) {
            throw new IllegalStateException(what + ": expected " + expected + " but was " + actual);
        }
    }

    // ------------------------------------------------------------------ JDBC cases

    record JdbcPage(List<Long> ids, long total) {
    }

    /** Page + count in one transaction; with a caller, set_config first (RLS). */
    private static JdbcPage jdbcPage(Connection connection, String caller) {
        try {
            if (caller != null) {
                try (PreparedStatement claim = connection
                    .prepareStatement("SELECT set_config('request.jwt.claim.sub', ?, true)")) {
                    claim.setString(1, caller);
                    claim.executeQuery().close();
                }
            }
            List<Long> ids = new ArrayList<>(50);
            long total;
            try (PreparedStatement page = connection.prepareStatement(caller == null ? EXPERT_PAGE : RLS_PAGE)) {
                if (caller == null) {
                    page.setString(1, ME);
                    page.setString(2, ME);
                }
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        // read every column as Hibernate does
                        ids.add(rows.getLong("id"));
                        rows.getLong("list_id");
                        rows.getString("owner_id");
                        rows.getString("title");
                        rows.getTimestamp("completed_at");
                        rows.getTimestamp("created_at");
                    }
                }
            }
            try (PreparedStatement count = connection.prepareStatement(caller == null ? EXPERT_COUNT : RLS_COUNT)) {
                if (caller == null) {
                    count.setString(1, ME);
                    count.setString(2, ME);
                }
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
            connection.commit();
            return new JdbcPage(ids, total);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Connection rlsConnection(Db db, String role) throws SQLException {
        Connection connection = db.connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET ROLE " + role);
        }
        connection.setAutoCommit(false);
        return connection;
    }

    // ------------------------------------------------------------------ database and
    // contexts

    private static Db database() {
        String url = System.getProperty("bench.jdbc-url", "");
        if (!url.isBlank()) {
            return new Db(url, System.getProperty("bench.username", "postgres"),
                    System.getProperty("bench.password", ""),
                    "the server given by bench.jdbc-url (" + url.replaceAll("\\?.*", "") + ")");
        }
        TestDatabase database = TestPostgres.server().createDatabase("bench");
        return new Db(database.jdbcUrl(), database.username(), database.password(),
                "a fresh database " + database.name() + " on the test server (" + TestPostgres.server().kind() + ")");
    }

    private void prepare(Db db, Connection admin) throws SQLException, IOException {
        Flyway.configure()
            .dataSource(db.url(), db.username(), db.password())
            .locations("classpath:db/migration")
            .load()
            .migrate();
        long todos = single(admin, "SELECT count(*) FROM todo");
        if (todos == 0) {
            long start = System.nanoTime();
            try (Statement statement = admin.createStatement()) {
                try {
                    // the data is consistent by construction: skip the foreign-key
                    // triggers if allowed
                    statement.execute("SET session_replication_role = replica");
                }
                catch (SQLException notSuperuser) {
                    // load with the checks
                }
                admin.setAutoCommit(false);
                statement.execute(resource("bench/dataset.sql"));
                // every fourth todo has a note (a field only the todo's owner may read)
                statement.execute("UPDATE todo SET note = 'note ' || id WHERE id % 4 = 0");
                admin.commit();
                admin.setAutoCommit(true);
                statement.execute("RESET session_replication_role");
                long loaded = System.nanoTime();
                statement.execute("VACUUM ANALYZE");
                line(String.format(Locale.ROOT,
                        "Loaded the dataset in %.1f s (indexes built after loading), " + "VACUUM ANALYZE in %.1f s.",
                        (loaded - start) / 1e9, (System.nanoTime() - loaded) / 1e9));
            }
        }
        else if (todos == 1_000_000) {
            line("The dataset was already loaded in this database; reused.");
        }
        else {
            throw new IllegalStateException(
                    "The database holds " + todos + " todos; give an empty database or a bench one");
        }
        try (Statement statement = admin.createStatement()) {
            statement.execute(resource("bench/rls.sql"));
            statement.execute(resource("bench/layers.sql"));
            statement.execute(generatedPoliciesFor(LAYERS_ROLE));
            statement.execute(generatedViewPoliciesFor(LAYERS_VIEWS_ROLE));
        }
        check("users", single(admin, "SELECT count(*) FROM app_user"), 10_000);
        check("spaces", single(admin, "SELECT count(*) FROM space"), 1_000);
        check("space members", single(admin, "SELECT count(*) FROM space_user"), 30_000);
        check("lists", single(admin, "SELECT count(*) FROM list"), 100_000);
        check("user 1's lists", single(admin, "SELECT count(*) FROM list WHERE owner_id = '1'"), 12);
        check("user 1's private lists", single(admin, "SELECT count(*) FROM list WHERE owner_id = '1' AND private"), 3);
    }

    /**
     * The role the both-layers context reads as: no BYPASSRLS, so the generated policies
     * apply to it.
     */
    static final String LAYERS_ROLE = "rowguard_bench_layers";

    /**
     * The sample's generated row-level security (db/rls/R__rowguard_rls.sql, as the rls
     * profile applies it), its policies given to {@code role} only, so that the other RLS
     * cases' roles keep their own policies (bench/layers.sql lets them read the tables
     * their policies look into).
     */
    private static String generatedPoliciesFor(String role) throws IOException {
        return forRoleOnly(resource("db/rls/R__rowguard_rls.sql"), role);
    }

    /** The migration's policies given to {@code role} only. */
    private static String forRoleOnly(String migration, String role) {
        return migration.replaceAll("(CREATE POLICY \\S+ ON \\S+ FOR (?:SELECT|INSERT|UPDATE|DELETE))",
                "$1 TO " + role);
    }

    /** The role of the both-layers case whose related rows are read through views. */
    static final String LAYERS_VIEWS_ROLE = "rowguard_bench_layers_views";

    /**
     * The sample's row-level security generated with {@code --related-rows views} (the
     * options of the sample's pom otherwise), its policies renamed and given to
     * {@code role} only, next to the function-reading ones of
     * {@link #generatedPoliciesFor}. The views are owned by the benchmark's user, which
     * owns the tables.
     */
    private static String generatedViewPoliciesFor(String role) {
        String sql = RlsMigrationGenerator
            .generate(SampleRlsOptions.OPTIONS.withRelatedRows(RlsMigrationGenerator.RelatedRows.VIEWS))
            .sql();
        // keep the functions (and the policies of the first set that read them) in place
        return forRoleOnly(sql.replaceAll("DROP FUNCTION IF EXISTS rowguard\\.\"rows_[^\"]+\"\\(\\) CASCADE;\n", "")
            .replaceAll("POLICY (IF EXISTS )?rowguard_(read|create|update|delete) ON", "POLICY $1rowguard_views_$2 ON"),
                role);
    }

    private static ConfigurableApplicationContext context(Db db, String name, boolean enforced, String hiddenReferences,
            String... more) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password(),
                "--spring.datasource.hikari.pool-name=" + name, "--spring.datasource.hikari.maximum-pool-size=2",
                "--spring.flyway.enabled=false", "--spring.jmx.enabled=false", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--rowguard.policy.enabled=" + enforced,
                "--rowguard.policy.hidden-references=" + hiddenReferences));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(BenchApplication.class).web(WebApplicationType.NONE)
            .initializers(context -> context.getBeanFactory().addBeanPostProcessor(SqlCapture.postProcessor()))
            .run(args.toArray(String[]::new));
    }

    // ------------------------------------------------------------------ EXPLAIN

    private void explain(Connection admin, String title, Case c) throws SQLException {
        explainAs(admin, title, c, null);
    }

    /**
     * @param role when not null, each statement is explained as this role, with user 1
     * set as the caller (as Rowguard's session claims set it), so that the row-level
     * security applies; statements other than Hibernate's selects (the claims) are left
     * out
     */
    private void explainAs(Connection admin, String title, Case c, String role) throws SQLException {
        SqlCapture.start();
        c.work().get();
        List<SqlCapture.Statement> statements = SqlCapture.stop();
        line("");
        line("### " + title);
        for (SqlCapture.Statement statement : statements) {
            if (role != null && !statement.sql().startsWith("select")) {
                continue;
            }
            if (role != null) {
                admin.setAutoCommit(false);
                try {
                    dev.rowguard.postgres.internal.SessionClaims.apply(admin,
                            dev.rowguard.context.Caller.of(AuthPrincipal.of(ME)));
                    try (Statement set = admin.createStatement()) {
                        set.execute("SET LOCAL ROLE " + role);
                    }
                    explainStatement(admin, statement);
                }
                finally {
                    admin.rollback();
                    admin.setAutoCommit(true);
                }
            }
            else {
                explainStatement(admin, statement);
            }
        }
    }

    private void explainStatement(Connection admin, SqlCapture.Statement statement) throws SQLException {
        line("");
        line("Hibernate sent (parameters " + statement.parameters().values() + "):");
        line("");
        line("```sql");
        line(statement.sql());
        line("```");
        String sql = statement.inlined();
        // twice: the first run may read the pages the plan touches for the first time
        explainText(admin, sql);
        line("");
        line("```");
        line(explainText(admin, sql));
        line("```");
    }

    private static String explainText(Connection admin, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString().stripTrailing();
    }

    // ------------------------------------------------------------------ environment

    private static String environment(Db db, Connection admin, String load) throws SQLException {
        StringBuilder out = new StringBuilder("## Environment\n\n");
        out.append("- CPUs (availableProcessors): ").append(Runtime.getRuntime().availableProcessors()).append('\n');
        out.append("- memory: ").append(memTotal()).append('\n');
        out.append("- load average at start: ").append(load).append('\n');
        out.append("- JDK: ")
            .append(System.getProperty("java.vm.name"))
            .append(' ')
            .append(System.getProperty("java.runtime.version"))
            .append('\n');
        out.append("- PostgreSQL: ").append(text(admin, "SELECT version()")).append('\n');
        out.append("- shared_buffers ")
            .append(text(admin, "SHOW shared_buffers"))
            .append(", work_mem ")
            .append(text(admin, "SHOW work_mem"))
            .append(", jit ")
            .append(text(admin, "SHOW jit"))
            .append('\n');
        out.append("- Spring Boot ")
            .append(SpringBootVersion.getVersion())
            .append(", Hibernate ORM ")
            .append(org.hibernate.Version.getVersionString())
            .append(", Spring Data JPA ")
            .append(Objects.toString(
                    org.springframework.data.jpa.repository.JpaRepository.class.getPackage().getImplementationVersion(),
                    "?"))
            .append(", PostgreSQL JDBC ")
            .append(org.postgresql.util.DriverInfo.DRIVER_VERSION)
            .append('\n');
        out.append("- Rowguard revision: ").append(gitRevision()).append('\n');
        out.append("- database: ").append(db.description());
        return out.toString();
    }

    private static String gitRevision() {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty", "--abbrev=12")
                .redirectErrorStream(true)
                .start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : "?";
        }
        catch (IOException | InterruptedException ex) {
            return "?";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo"))
                .stream()
                .filter(l -> l.startsWith("MemTotal"))
                .map(l -> l.replaceAll("\\s+", " "))
                .findFirst()
                .orElse("?");
        }
        catch (IOException ex) {
            return "?";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        }
        catch (IOException ex) {
            return "?";
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TodoBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("Missing " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

}

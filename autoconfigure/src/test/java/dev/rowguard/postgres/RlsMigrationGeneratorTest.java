package dev.rowguard.postgres;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.rowguard.policy.PolicyDefinitionException;
import dev.rowguard.postgres.rlsbad.RlsCircle;
import dev.rowguard.postgres.rlsbad.RlsCompositeKeyComparedAsAWhole;
import dev.rowguard.postgres.rlsbad.RlsCustomAccessor;
import dev.rowguard.postgres.rlsbad.RlsMistake;
import dev.rowguard.postgres.rlsbad.RlsShape;
import dev.rowguard.postgres.rlsbad.RlsSecondaryColumnRule;
import dev.rowguard.postgres.rlstwotables.RlsProfile;
import dev.rowguard.postgres.rlsinherit.RlsCar;
import dev.rowguard.postgres.rlsinherit.RlsDocument;
import dev.rowguard.postgres.rlsinherit.RlsSecretDocument;
import dev.rowguard.postgres.rlsinherit.RlsVehicle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generator reads the annotations offline and writes the same migration every time.
 */
class RlsMigrationGeneratorTest {

    static final RlsMigrationGenerator.Options OPTIONS = RlsMigrationGenerator.Options
        .defaults("dev.rowguard.postgres.rlsapp");

    @Test
    void generatingTwiceWithUnchangedAnnotationsGivesTheSameBytes(@TempDir Path directory) throws Exception {
        String first = RlsMigrationGenerator.generate(OPTIONS).sql();
        String second = RlsMigrationGenerator.generate(OPTIONS).sql();
        assertThat(second).isEqualTo(first);
        Path file = directory.resolve("db/V9__rowguard_rls.sql");
        RlsMigrationGenerator.main("--packages", "dev.rowguard.postgres.rlsapp", "--output", file.toString());
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(first);
    }

    @Test
    void everyTableGetsRowLevelSecurityAndFourPoliciesThatLetTheSystemThrough() {
        String sql = RlsMigrationGenerator.generate(OPTIONS).sql();
        for (String table : List.of("rls_audit", "rls_label", "rls_message", "rls_project", "rls_task",
                "rls_task_label")) {
            assertThat(sql).contains("ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY;",
                    "ALTER TABLE " + table + " FORCE ROW LEVEL SECURITY;",
                    "CREATE POLICY rowguard_read ON " + table + " FOR SELECT",
                    "CREATE POLICY rowguard_create ON " + table + " FOR INSERT",
                    "CREATE POLICY rowguard_update ON " + table + " FOR UPDATE",
                    "CREATE POLICY rowguard_delete ON " + table + " FOR DELETE");
        }
        assertThat(sql)
            .startsWith("-- Row-level security for Rowguard's @Allow / @Deny policies. Generated: do not edit");
        assertThat(sql).contains("CREATE SCHEMA IF NOT EXISTS rowguard;",
                "CREATE OR REPLACE FUNCTION rowguard.\"rows_rls_project\"() RETURNS SETOF rls_project");
        assertThat(sql).contains("""
                CREATE POLICY rowguard_read ON rls_project FOR SELECT
                    USING ((select rowguard.is_system()) OR ((rls_project.owner_id = (select rowguard.auth_id())\
                 OR (select rowguard.has(rowguard.auth('roles'), '"auditor"'::jsonb, 'STRING')))));""");
        assertThat(sql).contains("""
                CREATE POLICY rowguard_delete ON rls_project FOR DELETE
                    USING ((select rowguard.is_system()) OR ((rls_project.owner_id = (select rowguard.auth_id())\
                 AND (rls_project.archived IS NOT TRUE))));""");
        assertThat(sql).contains("-- RlsAudit has no @Allow/@Deny: closed to every caller but the system");
        assertThat(sql).contains("""
                CREATE POLICY rowguard_read ON rls_audit FOR SELECT
                    USING ((select rowguard.is_system()));""");
    }

    @Test
    void aPostUpdateRuleThatReadsBeforeIsReportedInTheFileAndAsAWarning() {
        RlsMigrationGenerator.Result result = RlsMigrationGenerator.generate(OPTIONS);
        assertThat(result.warnings()).singleElement()
            .asString()
            .startsWith("RlsProject POST_UPDATE: before() cannot be seen"
                    + " by row-level security; the WITH CHECK of rowguard_update on rls_project holds whatever the old values"
                    + " were (@Allow(value = POST_UPDATE, when = \"ownerId == before().ownerId\"))");
        assertThat(result.sql()).contains("--   " + result.warnings().get(0),
                "\n-- " + result.warnings().get(0) + "\n");
    }

    @Test
    void withViewsRelatedRowsAreReadThroughViewsOfTheMappedColumnsAndTheOwnerIsNotForced(@TempDir Path directory)
            throws Exception {
        String sql = RlsMigrationGenerator.generate(OPTIONS.withRelatedRows(RlsMigrationGenerator.RelatedRows.VIEWS))
            .sql();
        assertThat(sql)
            .contains("--packages dev.rowguard.postgres.rlsapp --output <this file> --hidden-references hide-row"
                    + " --unannotated deny --related-rows views");
        assertThat(sql).contains("""
                DROP FUNCTION IF EXISTS rowguard."rows_rls_task"() CASCADE;
                DROP VIEW IF EXISTS rowguard."rows_rls_task" CASCADE;
                CREATE VIEW rowguard."rows_rls_task" AS SELECT id, project_id, title FROM rls_task\
                 WHERE rowguard.may_read('rls_task'::regclass);
                GRANT SELECT ON rowguard."rows_rls_task" TO PUBLIC;""");
        assertThat(sql)
            .contains("CREATE VIEW rowguard.\"rows_rls_task_label\" AS SELECT label_id, task_id FROM rls_task_label");
        assertThat(sql).contains(
                "ALTER TABLE rls_task ENABLE ROW LEVEL SECURITY;\nALTER TABLE rls_task NO FORCE ROW LEVEL SECURITY;")
            .doesNotContainPattern("TABLE \\w+ FORCE ROW")
            .doesNotContain("CREATE OR REPLACE FUNCTION rowguard.\"rows_", "FROM rowguard.\"rows_rls_project\"()")
            .contains("FROM rowguard.\"rows_rls_project\" ");
        Path file = directory.resolve("R__rowguard_rls.sql");
        RlsMigrationGenerator.main("--packages", "dev.rowguard.postgres.rlsapp", "--output", file.toString(),
                "--related-rows", "views");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(sql);
    }

    @Test
    void theOptionsAreStartUpsAndTheHeaderSaysHowToRegenerateWithThem() {
        RlsMigrationGenerator.Options open = new RlsMigrationGenerator.Options(List.of("dev.rowguard.postgres.rlsapp"),
                false, true, Set.of("region"), null, null);
        String sql = RlsMigrationGenerator.generate(open).sql();
        assertThat(sql)
            .contains("--packages dev.rowguard.postgres.rlsapp --output <this file> --hidden-references unchecked"
                    + " --unannotated allow --auth-attributes region");
        assertThat(sql).contains("""
                CREATE POLICY rowguard_read ON rls_audit FOR SELECT
                    USING (true);""");
    }

    @Test
    void aTableOfSeveralEntitiesAllowsWhatAnyOfThemAllowsAndAJoinedSubclassTableGetsNoPoliciesBothReported() {
        RlsMigrationGenerator.Result result = RlsMigrationGenerator
            .generate(List.of(RlsDocument.class, RlsSecretDocument.class, RlsVehicle.class, RlsCar.class), OPTIONS);
        assertThat(result.warnings()).anySatisfy(warning -> assertThat(warning).startsWith("RlsCar: its table rls_car"
                + " (a JOINED subclass) holds only part of the row, so it gets no policies of its own"));
        assertThat(result.warnings()).anySatisfy(warning -> assertThat(warning).isEqualTo("rls_document CREATE: the"
                + " entities stored in it (RlsDocument, RlsSecretDocument) have different rules; the policy allows what"
                + " any of them allows"));
        assertThat(result.sql()).contains("ALTER TABLE rls_vehicle ENABLE ROW LEVEL SECURITY;")
            .doesNotContain("ALTER TABLE rls_car ")
            .contains(
                    """
                            CREATE POLICY rowguard_create ON rls_document FOR INSERT
                                WITH CHECK ((select rowguard.is_system()) OR ((rls_document.owner_id = (select rowguard.auth_id()))\
                             OR ((rls_document.owner_id = (select rowguard.auth_id()) AND (select rowguard.has(rowguard.auth('roles'),\
                             '"secret"'::jsonb, 'STRING'))))));""");
    }

    @Test
    void aRuleComparingAnEntityOfACompositeIdAsAWholeIsAPolicyErrorAtItsPlace() {
        assertThatThrownBy(
                () -> RlsMigrationGenerator.generate(List.of(RlsCompositeKeyComparedAsAWhole.class), OPTIONS))
            .isInstanceOf(PolicyDefinitionException.class)
            .hasMessageContaining("""
                    Invalid policy on entity RlsCompositeKeyComparedAsAWhole:
                      @Allow(value = READ, when = "this != null")
                        this != null
                             ^
                      entity RlsCompositeKeyComparedAsAWhole has no single-column id (an @EmbeddedId), so it cannot be\
                     compared as a whole; compare its attributes instead""");
    }

    @Test
    void aMappingRowguardCannotReadIsAPolicyErrorNamingTheEntityNotAnInternalOne() {
        assertThatThrownBy(() -> RlsMigrationGenerator.generate(List.of(RlsCustomAccessor.class), OPTIONS))
            .isInstanceOf(PolicyDefinitionException.class)
            .hasMessageStartingWith("Rowguard cannot read the mapping of entity RlsCustomAccessor"
                    + " (UnsupportedOperationException: the accessor's runtime is not started). Map the entity's"
                    + " attributes the standard way")
            .hasRootCauseInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aReadRuleNamingTheEntityInAnInheritanceHierarchyIsAStartUpError() {
        assertThatThrownBy(() -> RlsMigrationGenerator.generate(List.of(RlsShape.class, RlsCircle.class), OPTIONS))
            .isInstanceOf(PolicyDefinitionException.class)
            .hasMessageContaining("RlsCircle extends RlsShape and its READ rules use currentModel(), which names"
                    + " RlsCircle there but RlsShape in the read filter");
    }

    @Test
    void aRuleThatDoesNotCompileStopsTheGeneratorWithStartUpsMessage() {
        assertThatThrownBy(() -> RlsMigrationGenerator.generate(List.of(RlsMistake.class), OPTIONS))
            .isInstanceOf(PolicyDefinitionException.class)
            .hasMessageContaining("""
                    Invalid policy on entity RlsMistake:
                      @Allow(value = READ, when = "titel == 'a'")
                        titel == 'a'
                        ^
                      unknown attribute 'titel' of RlsMistake; its attributes are: id, title (column 1)""");
    }

    @Test
    void aRuleCannotNameAColumnOfASecondaryTableAndTheRowSourcesLeaveSuchColumnsOut() {
        assertThatThrownBy(() -> RlsMigrationGenerator.generate(List.of(RlsSecondaryColumnRule.class), OPTIONS))
            .isInstanceOf(PolicyDefinitionException.class)
            .hasMessageContaining("unknown attribute 'bio' of RlsSecondaryColumnRule; its attributes are: id");
        String sql = RlsMigrationGenerator
            .generate(List.of(RlsProfile.class), OPTIONS.withRelatedRows(RlsMigrationGenerator.RelatedRows.VIEWS))
            .sql();
        assertThat(sql).contains("CREATE VIEW rowguard.\"rows_rls_profile\" AS SELECT id, owner_id FROM rls_profile ");
    }

}

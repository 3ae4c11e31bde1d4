package dev.rowguard.postgres.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.rowguard.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Row sources keep one name per table, within PostgreSQL's identifier limit. */
class RowSourcesTest {

    static final String LONG_A = "customer_subscription_invoice_line_item_adjustment_history_a";
    static final String LONG_B = "customer_subscription_invoice_line_item_adjustment_history_b";

    @Test
    void aTableNameThatFitsGivesItsRowSourceItsOwnName() {
        assertThat(RowSources.identifier("rows_todo")).isEqualTo("rows_todo");
        assertThat(RowSources.VIEWS.of("todo")).isEqualTo("rowguard.\"rows_todo\"");
        assertThat(RowSources.FUNCTIONS.of("todo")).isEqualTo("rowguard.\"rows_todo\"()");
    }

    @Test
    void longTableNamesThatBeginAlikeGetDifferentRowSourcesWithinSixtyThreeBytes() {
        String a = RowSources.identifier("rows_" + LONG_A);
        String b = RowSources.identifier("rows_" + LONG_B);
        assertThat(a).isNotEqualTo(b).startsWith("rows_customer_subscription");
        assertThat(a.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
        assertThat(RowSources.identifier("rows_" + LONG_A)).as("the same every time").isEqualTo(a);
    }

    @Test
    void aLongNameIsCutBetweenCharactersNeverInsideOne() {
        String name = RowSources.identifier("rows_" + "é".repeat(40));
        assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
        assertThat(new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(name);
        assertThat(name).matches("rows_é+_[0-9a-f]{8}");
    }

    @Test
    void postgresKeepsTheRowSourcesOfTwoLongTablesApart() throws SQLException {
        try (Connection connection = TestPostgres.server().createDatabase("row_sources").connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS rowguard");
            statement.execute(RowSources.VIEWS.prelude());
            for (String table : List.of(LONG_A, LONG_B)) {
                statement.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, name text)");
                statement.execute("INSERT INTO " + table + " VALUES (1, '" + table + "')");
            }
            for (RowSources rowSources : RowSources.values()) {
                for (String table : List.of(LONG_A, LONG_B)) {
                    statement.execute(rowSources.definition(table, List.of("id", "name")));
                }
                for (String table : List.of(LONG_A, LONG_B)) {
                    assertThat(single(statement, "SELECT name FROM " + rowSources.of(table))).as(rowSources.name())
                        .isEqualTo(table);
                }
            }
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

}

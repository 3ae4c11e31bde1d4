package dev.rowguard.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestPostgresTest {

    @Test
    void theTestServerIsARealPostgresqlOfVersion15OrLater() throws SQLException {
        TestDatabase database = TestPostgres.server().createDatabase("version_check");
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement
                    .executeQuery("SELECT version(), current_setting('server_version_num')::int")) {
            result.next();
            assertThat(result.getString(1)).startsWith("PostgreSQL");
            assertThat(result.getInt(2)).isGreaterThanOrEqualTo(150000);
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }

    @Test
    void everyCreatedDatabaseStartsEmptyAndIsolatedFromTheOthers() throws SQLException {
        TestDatabase first = TestPostgres.server().createDatabase("isolation");
        TestDatabase second = TestPostgres.server().createDatabase("isolation");
        assertThat(first.name()).isNotEqualTo(second.name());
        try (Connection connection = first.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE marker (id int)");
            statement.execute("INSERT INTO marker VALUES (1)");
        }
        try (Connection connection = second.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement
                    .executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'marker'")) {
            result.next();
            assertThat(result.getInt(1)).isZero();
        }
    }

    @Test
    void theServerIsStartedOncePerJvm() {
        assertThat(TestPostgres.server()).isSameAs(TestPostgres.server());
    }

    @Test
    void aDatabaseUrlKeepsHostPortAndParameters() {
        assertThat(TestPostgres.withDatabase("jdbc:postgresql://localhost:5432/postgres?user=x&ssl=false", "rg_1"))
            .isEqualTo("jdbc:postgresql://localhost:5432/rg_1?user=x&ssl=false");
    }

}

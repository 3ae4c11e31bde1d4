package dev.rowguard.postgres;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rowguard.policy.internal.eval.Values;
import dev.rowguard.policy.internal.model.ValueKind;
import dev.rowguard.postgres.internal.ClaimsJson;
import dev.rowguard.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code rowguard} functions convert the principal's JSON values exactly as the
 * in-memory evaluator converts them ({@link Values#coerce}): what does not convert is
 * NULL, never an error.
 */
class RowguardFunctionsTest {

    static final List<Object> VALUES = List.of("1", " 2 ", "\t3.5\n", "1e5", "+.5", "-7.", "1e+3", "x", "", "1 2",
            "0x10", "NaN", "Infinity", "true", "false", "True", "t", "2021-03-04T05:06:07Z",
            "2021-03-04T05:06:07.123+02:00", "2021-02-30T00:00:00Z", "2021-03-04 05:06:07Z", "2021-03-04T05:06Z",
            "2021-03-04t05:06:07z", "123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000",
            "not-a-uuid", new BigDecimal("42"), new BigDecimal("-0.25"), new BigDecimal("1E+20"), Boolean.TRUE,
            Boolean.FALSE);

    static final Map<ValueKind, String> FUNCTIONS = Map.of(ValueKind.STRING, "as_text", ValueKind.NUMBER, "as_number",
            ValueKind.BOOLEAN, "as_boolean", ValueKind.UUID, "as_uuid", ValueKind.TEMPORAL, "as_timestamptz");

    static Connection connection;

    @BeforeAll
    static void installTheFunctions() throws SQLException {
        connection = TestPostgres.server().createDatabase("rowguard_functions").connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute(new String(
                    RowguardFunctionsTest.class.getResourceAsStream("/dev/rowguard/postgres/rowguard-functions.sql")
                        .readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void everyConversionGivesWhatTheEvaluatorGivesAndNullWhereItGivesNull() throws SQLException {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<ValueKind, String> conversion : FUNCTIONS.entrySet()) {
            for (Object value : VALUES) {
                Object expected = Values.coerce(value, conversion.getKey());
                Object actual = inDatabase(conversion.getValue(), value);
                if (!same(expected, actual)) {
                    differences.add(conversion.getValue() + "(" + ClaimsJson.write(value) + "): evaluator " + expected
                            + ", database " + actual);
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void anAbsentOrAnonymousPrincipalReadsAsNull() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement
                    .executeQuery("SELECT rowguard.auth('id') IS NULL, rowguard.auth_id() IS NULL,"
                            + " rowguard.is_system(), rowguard.has(rowguard.auth('roles'), '\"a\"'::jsonb, 'STRING'),"
                            + " rowguard.is_empty(rowguard.auth('roles'))")) {
            result.next();
            assertThat(List.of(result.getBoolean(1), result.getBoolean(2), result.getBoolean(3), result.getBoolean(4),
                    result.getBoolean(5)))
                .containsExactly(true, true, false, false, false);
        }
    }

    private static Object inDatabase(String function, Object value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT rowguard." + function + "(?::jsonb)")) {
            statement.setString(1, ClaimsJson.write(value));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getObject(1);
            }
        }
    }

    private static boolean same(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected instanceof BigDecimal number) {
            return actual instanceof BigDecimal other && number.compareTo(other) == 0;
        }
        if (expected instanceof java.time.Instant instant) {
            return (actual instanceof java.sql.Timestamp time && time.toInstant().equals(instant))
                    || (actual instanceof OffsetDateTime offset && offset.toInstant().equals(instant));
        }
        if (expected instanceof UUID) {
            return expected.equals(actual);
        }
        return expected.equals(actual);
    }

}

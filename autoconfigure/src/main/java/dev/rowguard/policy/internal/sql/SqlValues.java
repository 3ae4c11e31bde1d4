package dev.rowguard.policy.internal.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.model.ValueKind;

import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/**
 * Values on their way into SQL: as the column stores them, as JDBC binds them, as
 * literals.
 */
public final class SqlValues {

    private SqlValues() {
    }

    /**
     * The value as the row side's column stores it, or null if it cannot be converted.
     */
    static @Nullable Object forColumnOf(Bound rowSide, @Nullable Object value) {
        return Conversion.forColumnOf(rowSide).apply(value);
    }

    static Class<?> javaTypeOf(Bound rowSide) {
        if (rowSide instanceof Bound.Field field) {
            Attribute.Scalar attribute = field.attribute();
            if (attribute.kind() == ValueKind.ENUM) {
                return attribute.ordinalEnum() ? Integer.class : String.class;
            }
            return attribute.javaType();
        }
        return OffsetDateTime.class;
    }

    /**
     * Converts a normalized value to the Java type JDBC should bind for the column's
     * type.
     */
    @Contract("!null, _ -> !null")
    public static @Nullable Object toJdbc(@Nullable Object value, Class<?> javaType) {
        if (value instanceof BigDecimal number) {
            return toJdbcNumber(number, javaType);
        }
        if (value instanceof Instant instant) {
            if (javaType == LocalDateTime.class) {
                return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            }
            if (javaType == LocalDate.class) {
                return LocalDate.ofInstant(instant, ZoneOffset.UTC);
            }
            return instant.atOffset(ZoneOffset.UTC);
        }
        return value;
    }

    /**
     * Converts a normalized value to the attribute's own Java type, as Hibernate binds
     * it.
     */
    public static Object toJava(Object value, Class<?> javaType) {
        if (value instanceof java.util.Collection<?> items) {
            return items.stream().map(item -> toJava(item, javaType)).toList();
        }
        if (value instanceof BigDecimal number) {
            return toJdbcNumber(number, javaType);
        }
        if (value instanceof Instant instant) {
            if (javaType == Instant.class) {
                return instant;
            }
            if (javaType == java.time.ZonedDateTime.class) {
                return instant.atZone(ZoneOffset.UTC);
            }
            if (javaType == java.util.Date.class) {
                return java.util.Date.from(instant);
            }
        }
        return toJdbc(value, javaType);
    }

    /**
     * As the column's type when exact (so an index on it is usable), else as numeric,
     * which compares exactly.
     */
    private static Object toJdbcNumber(BigDecimal number, Class<?> javaType) {
        try {
            if (javaType == Long.class || javaType == long.class) {
                return number.longValueExact();
            }
            if (javaType == Integer.class || javaType == int.class) {
                return number.intValueExact();
            }
            if (javaType == Short.class || javaType == short.class) {
                return number.shortValueExact();
            }
            if (javaType == Double.class || javaType == double.class) {
                return number.doubleValue();
            }
            if (javaType == Float.class || javaType == float.class) {
                return number.floatValue();
            }
            if (javaType == BigInteger.class) {
                return number.toBigIntegerExact();
            }
        }
        catch (ArithmeticException notExact) {
            return number;
        }
        return number;
    }

    /**
     * A literal from the policy text (never a principal's value), rendered for
     * PostgreSQL.
     */
    static String literal(@Nullable Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean bool) {
            return bool ? "TRUE" : "FALSE";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof UUID uuid) {
            return "CAST('" + uuid + "' AS uuid)";
        }
        if (value instanceof Instant || value instanceof OffsetDateTime) {
            return "CAST(" + quoted(value.toString()) + " AS timestamptz)";
        }
        return quoted(value.toString());
    }

    /**
     * A string constant. One with a colon or a brace is written as a Unicode escape
     * string ({@code U&'org\003Aadmin'}): Hibernate takes every {@code :name} in a
     * filter's condition for a parameter and every {@code {alias}} for the table's alias,
     * inside quotes too.
     */
    static String quoted(String text) {
        String sql = text.replace("'", "''");
        if (text.indexOf(':') < 0 && text.indexOf('{') < 0) {
            return "'" + sql + "'";
        }
        return "U&'" + sql.replace("\\", "\\\\").replace(":", "\\003A").replace("{", "\\007B") + "'";
    }

}

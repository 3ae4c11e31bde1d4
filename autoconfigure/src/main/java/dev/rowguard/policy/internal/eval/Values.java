package dev.rowguard.policy.internal.eval;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

import dev.rowguard.policy.internal.bind.Type;
import dev.rowguard.policy.internal.model.ValueKind;
import dev.rowguard.policy.internal.syntax.BinaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/**
 * How policy values compare, shared by the in-memory evaluator and by the binding of SQL
 * parameters so that both always agree. A value that cannot be converted to the type it
 * is compared with counts as null: the comparison is false.
 */
public final class Values {

    private Values() {
    }

    /**
     * One canonical Java value per kind: numbers as BigDecimal, enums as their name,
     * instants as Instant.
     */
    @Contract("!null -> !null")
    public static @Nullable Object normalize(@Nullable Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Number number) {
            return number instanceof Double || number instanceof Float ? new BigDecimal(number.toString())
                    : new BigDecimal(number.longValue());
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return value;
    }

    /**
     * Converts a normalized value to the scalar kind of a column; null if it cannot be.
     */
    public static @Nullable Object coerce(@Nullable Object value, ValueKind kind) {
        if (value == null) {
            return null;
        }
        try {
            return switch (kind) {
                case NUMBER -> value instanceof BigDecimal ? value
                        : value instanceof String text ? new BigDecimal(text.trim()) : null;
                case STRING, ENUM -> value instanceof String ? value : value instanceof UUID ? value.toString() : null;
                case BOOLEAN -> value instanceof Boolean ? value
                        : "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
                case UUID ->
                    value instanceof UUID ? value : value instanceof String text ? UUID.fromString(text) : null;
                case TEMPORAL -> value instanceof String text ? Instant.parse(text)
                        : value instanceof java.time.temporal.Temporal ? value : null;
            };
        }
        catch (RuntimeException notConvertible) {
            return null;
        }
    }

    /**
     * The scalar kind a value of this type is compared as, or null when the type does not
     * say.
     */
    public static @Nullable ValueKind kindOf(Type type) {
        return type.kind() == Type.Kind.SCALAR ? type.scalar() : null;
    }

    /**
     * Brings two normalized values to a common kind; null entries where that is
     * impossible.
     */
    public static @Nullable Object[] unify(@Nullable Object left, @Nullable ValueKind leftKind, @Nullable Object right,
            @Nullable ValueKind rightKind) {
        ValueKind kind = leftKind != null ? leftKind : rightKind;
        if (kind == null) {
            kind = kindOfValue(left);
        }
        if (kind == null) {
            return new Object[] { null, null };
        }
        if (kind == ValueKind.STRING && (rightKind == ValueKind.UUID || leftKind == ValueKind.UUID)) {
            kind = ValueKind.UUID;
        }
        @Nullable Object[] unified = { coerce(left, kind), coerce(right, kind) };
        if (kind == ValueKind.TEMPORAL && unified[0] != null && unified[1] != null) {
            unified[0] = asZonelessAs(unified[0], unified[1]);
            unified[1] = asZonelessAs(unified[1], unified[0]);
        }
        return unified;
    }

    /**
     * A point in time met with a zoneless value (a {@code LocalDateTime} or
     * {@code LocalDate} column, which Rowguard reads as UTC): the instant as that type at
     * UTC, a date as its midnight beside a date-time. Otherwise the value itself.
     */
    private static Object asZonelessAs(Object value, Object other) {
        if (value instanceof Instant instant) {
            if (other instanceof LocalDateTime) {
                return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            }
            if (other instanceof LocalDate) {
                return LocalDate.ofInstant(instant, ZoneOffset.UTC);
            }
        }
        if (value instanceof LocalDate date && other instanceof LocalDateTime) {
            return date.atStartOfDay();
        }
        return value;
    }

    /** The two-valued comparison: false when either side is null. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public static boolean compare(BinaryOperator operator, @Nullable Object left, @Nullable Object right) {
        if (left == null || right == null) {
            return false;
        }
        if (operator == BinaryOperator.EQ || operator == BinaryOperator.NE) {
            boolean equal = left instanceof BigDecimal a && right instanceof BigDecimal b ? a.compareTo(b) == 0
                    : Objects.equals(left, right);
            return operator == BinaryOperator.EQ ? equal : !equal;
        }
        if (left.getClass() != right.getClass() || !(left instanceof Comparable)) {
            return false;
        }
        int order = ((Comparable) left).compareTo(right);
        return switch (operator) {
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
            default -> throw new IllegalArgumentException(operator.name());
        };
    }

    static @Nullable ValueKind kindOfValue(@Nullable Object value) {
        if (value instanceof String) {
            return ValueKind.STRING;
        }
        if (value instanceof BigDecimal) {
            return ValueKind.NUMBER;
        }
        if (value instanceof Boolean) {
            return ValueKind.BOOLEAN;
        }
        if (value instanceof UUID) {
            return ValueKind.UUID;
        }
        if (value instanceof java.time.temporal.Temporal) {
            return ValueKind.TEMPORAL;
        }
        return null;
    }

}

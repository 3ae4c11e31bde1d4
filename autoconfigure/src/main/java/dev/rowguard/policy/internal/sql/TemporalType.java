package dev.rowguard.policy.internal.sql;

import java.time.LocalDate;
import java.time.LocalDateTime;

import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.model.ValueKind;

import org.jspecify.annotations.Nullable;

/**
 * How PostgreSQL holds a point in time: with its zone ({@code timestamptz}), or without
 * ({@code timestamp} for a {@code LocalDateTime}, {@code date} for a {@code LocalDate}),
 * which Rowguard reads as UTC. PostgreSQL would compare a {@code timestamp} with a
 * {@code timestamptz} in the session's {@code TimeZone}; the evaluator (and so every back
 * end) converts the zoned side to the zoneless side's type at UTC instead, whatever the
 * session says.
 */
enum TemporalType {

    TIMESTAMPTZ, TIMESTAMP, DATE;

    static TemporalType of(Class<?> javaType) {
        if (javaType == LocalDateTime.class) {
            return TIMESTAMP;
        }
        if (javaType == LocalDate.class || javaType == java.sql.Date.class) {
            return DATE;
        }
        return TIMESTAMPTZ;
    }

    /**
     * The type of a temporal operand as written in SQL, or null for an operand that is
     * not temporal.
     */
    static @Nullable TemporalType ofOperand(Bound operand) {
        if (!operand.type().is(ValueKind.TEMPORAL)) {
            return null;
        }
        if (operand instanceof Bound.Field field) {
            return of(field.attribute().javaType());
        }
        if (operand instanceof Bound.Param param) {
            return of(param.javaType());
        }
        if (operand instanceof Bound.Const constant && constant.value() != null) {
            return of(constant.value().getClass());
        }
        return TIMESTAMPTZ;
    }

    /** SQL for a {@code timestamptz} value converted to this type at UTC. */
    String fromTimestamptz(String sql) {
        return switch (this) {
            case TIMESTAMPTZ -> sql;
            case TIMESTAMP -> "(" + sql + " AT TIME ZONE 'UTC')";
            case DATE -> "CAST(" + sql + " AT TIME ZONE 'UTC' AS date)";
        };
    }

}

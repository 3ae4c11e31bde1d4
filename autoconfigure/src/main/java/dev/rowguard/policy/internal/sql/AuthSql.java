package dev.rowguard.policy.internal.sql;

import java.util.Objects;
import java.util.stream.Collectors;

import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.eval.Values;
import dev.rowguard.policy.internal.model.ValueKind;
import dev.rowguard.postgres.internal.ClaimsJson;

/**
 * The principal's values and the conditions that read no row, written as SQL over the
 * functions of schema {@code rowguard} (see {@code rowguard-functions.sql}), which read
 * the principal from {@code rowguard.principal} as JSON and convert it exactly as
 * {@link Values#coerce} does. Every expression is wrapped in {@code (select ...)}, so
 * that PostgreSQL evaluates it once per statement (an init plan) instead of once per row.
 */
final class AuthSql {

    private AuthSql() {
    }

    /**
     * An external value converted for a comparison with a row value; NULL when absent or
     * not convertible.
     */
    static String value(Bound external, Conversion conversion) {
        if (external instanceof Bound.AuthValue auth && !auth.member().attribute() && auth.member().name().equals("id")
                && conversion.kind() == ValueKind.STRING && !conversion.ordinal()) {
            return "(select rowguard.auth_id())";
        }
        return "(select " + converted(json(external), conversion) + ")";
    }

    /** A subquery of an external list's items that convert, for {@code x IN (...)}. */
    static String list(Bound externalList, Conversion conversion) {
        return "SELECT " + converted("e", conversion) + " FROM rowguard.items((select " + json(externalList)
                + ")) e WHERE " + converted("e", conversion) + " IS NOT NULL";
    }

    /**
     * A condition that reads no row, as a boolean that is never NULL (the evaluator's
     * two-valued result).
     */
    static String condition(Bound condition) {
        return "(select " + test(condition) + ")";
    }

    private static String test(Bound condition) {
        if (condition instanceof Bound.AuthValue) {
            return "rowguard.as_boolean(" + json(condition) + ") IS TRUE";
        }
        if (condition instanceof Bound.IsNull isNull) {
            return json(isNull.operand()) + " IS NULL";
        }
        if (condition instanceof Bound.Compare compare) {
            return "rowguard.compare('" + compare.operator().symbol() + "', " + json(compare.left()) + ", "
                    + kind(compare.left()) + ", " + json(compare.right()) + ", " + kind(compare.right()) + ")";
        }
        if (condition instanceof Bound.In in) {
            return has(in.list(), in.value());
        }
        if (condition instanceof Bound.ListFunction function) {
            return switch (function.function()) {
                case HAS -> has(function.list(), Objects.requireNonNull(function.argument()));
                case HAS_SOME -> "rowguard.has_some(" + json(function.list()) + ", "
                        + json(Objects.requireNonNull(function.argument())) + ")";
                case HAS_EVERY -> "rowguard.has_every(" + json(function.list()) + ", "
                        + json(Objects.requireNonNull(function.argument())) + ")";
                case IS_EMPTY -> "rowguard.is_empty(" + json(function.list()) + ")";
            };
        }
        if (condition instanceof Bound.StringFunction function) {
            String name = switch (function.function()) {
                case CONTAINS -> "contains";
                case STARTS_WITH -> "startsWith";
                case ENDS_WITH -> "endsWith";
            };
            return "rowguard.text_test('" + name + "', " + json(function.text()) + ", " + json(function.search()) + ", "
                    + function.ignoreCase() + ")";
        }
        throw new IllegalArgumentException("Cannot write " + condition + " for row-level security");
    }

    private static String has(Bound list, Bound element) {
        return "rowguard.has(" + json(list) + ", " + json(element) + ", " + kind(element) + ")";
    }

    /**
     * The static kind the evaluator compares a value as ({@link Values#kindOf}), or NULL
     * to take the value's own.
     */
    private static String kind(Bound operand) {
        ValueKind kind = Values.kindOf(operand.type());
        return kind == null ? "NULL" : "'" + kind.name() + "'";
    }

    /**
     * The value as {@code jsonb}: a member of the principal, or a literal of the policy
     * text.
     */
    private static String json(Bound operand) {
        if (operand instanceof Bound.AuthValue auth) {
            return (auth.member().attribute() ? "rowguard.auth_attribute(" : "rowguard.auth(")
                    + SqlValues.literal(auth.member().name()) + ")";
        }
        if (operand instanceof Bound.Const constant) {
            return constant.value() == null ? "NULL::jsonb"
                    : SqlValues.literal(ClaimsJson.write(constant.value())) + "::jsonb";
        }
        if (operand instanceof Bound.ConstList list) {
            return SqlValues.literal(ClaimsJson.write(list.values())) + "::jsonb";
        }
        if (operand instanceof Bound.BeforeValue) {
            throw new IllegalArgumentException("before() cannot be read by row-level security");
        }
        throw new IllegalArgumentException("Cannot write " + operand + " for row-level security");
    }

    private static String converted(String json, Conversion conversion) {
        if (conversion.ordinal()) {
            return "rowguard.as_ordinal(" + json + ", ARRAY["
                    + conversion.ordinalConstants().stream().map(SqlValues::literal).collect(Collectors.joining(", "))
                    + "])";
        }
        if (conversion.kind() == null) {
            return json;
        }
        return switch (conversion.kind()) {
            case STRING, ENUM -> "rowguard.as_text(" + json + ")";
            case NUMBER -> "rowguard.as_number(" + json + ")";
            case BOOLEAN -> "rowguard.as_boolean(" + json + ")";
            case UUID -> "rowguard.as_uuid(" + json + ")";
            case TEMPORAL ->
                Objects.requireNonNull(conversion.temporal()).fromTimestamptz("rowguard.as_timestamptz(" + json + ")");
        };
    }

}

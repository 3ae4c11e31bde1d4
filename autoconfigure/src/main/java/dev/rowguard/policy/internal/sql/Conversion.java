package dev.rowguard.policy.internal.sql;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.eval.Values;
import dev.rowguard.policy.internal.model.ValueKind;

import org.jspecify.annotations.Nullable;

/**
 * How a value from outside the row (a literal, a principal's value) is converted before
 * it is compared with a row value: to the row side's kind, or to an ordinal enum's
 * position. A value that does not convert becomes null, which makes the comparison false.
 * Described as data, not as a function, so that the row-level security back end can write
 * the same conversion in SQL.
 *
 * @param kind the kind to convert to; null converts nothing
 * @param ordinalConstants for an enum stored as its ordinal: the constants in ordinal
 * order, else empty
 * @param temporal for a point in time: how the column holds it (a zoneless column is read
 * at UTC), else null
 */
record Conversion(@Nullable ValueKind kind, List<String> ordinalConstants,
        @Nullable TemporalType temporal) implements UnaryOperator<Object> {

    Conversion {
        ordinalConstants = List.copyOf(ordinalConstants);
    }

    static Conversion to(ValueKind kind) {
        return new Conversion(kind, List.of(), kind == ValueKind.TEMPORAL ? TemporalType.TIMESTAMPTZ : null);
    }

    /**
     * The conversion for a value compared with {@code rowSide}, as the column stores it.
     */
    static Conversion forColumnOf(Bound rowSide) {
        if (rowSide instanceof Bound.Field field && field.attribute().ordinalEnum()) {
            return new Conversion(ValueKind.ENUM, field.attribute().enumConstants(), null);
        }
        ValueKind kind = Values.kindOf(rowSide.type());
        return new Conversion(kind, List.of(), kind == ValueKind.TEMPORAL ? TemporalType.ofOperand(rowSide) : null);
    }

    boolean ordinal() {
        return !ordinalConstants.isEmpty();
    }

    @Override
    public @Nullable Object apply(@Nullable Object value) {
        if (ordinal()) {
            int position = ordinalConstants.indexOf(Values.coerce(value, ValueKind.ENUM));
            return position < 0 ? null : BigDecimal.valueOf(position);
        }
        return kind == null ? value : Values.coerce(value, kind);
    }
}

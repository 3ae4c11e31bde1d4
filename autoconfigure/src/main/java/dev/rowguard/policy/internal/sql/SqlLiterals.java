package dev.rowguard.policy.internal.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A caller's value written into SQL as a literal, where Hibernate leaves no way to bind
 * it (a bulk statement's added condition, a field's mask): numbers, booleans, ids and
 * times in forms that hold only their own characters, text of letters, digits and plain
 * punctuation quoted as it is and any other text as the hex of its UTF-8 bytes, so that
 * no value (a claim holds whatever the token says) can end its literal, whatever the
 * server's string settings.
 */
public final class SqlLiterals {

    /**
     * Text that can stand between single quotes as it is, whatever the server's settings.
     */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9 _.,:;@+=/#-]*");

    private SqlLiterals() {
    }

    /**
     * The condition with each of its parameters (named by {@code parameter}) written as a
     * literal no value can escape.
     */
    public static String inlined(SqlCondition condition, Pattern parameter) {
        if (condition.alwaysTrue() || condition.alwaysFalse()) {
            return condition.alwaysTrue() ? "TRUE" : "FALSE";
        }
        Matcher matcher = parameter.matcher(condition.sql());
        StringBuilder sql = new StringBuilder();
        int index = 0;
        while (matcher.find()) {
            matcher.appendReplacement(sql, Matcher.quoteReplacement(of(condition.parameters().get(index++))));
        }
        matcher.appendTail(sql);
        return "(" + sql + ")";
    }

    public static String of(@Nullable Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Collection<?> items) {
            List<String> literals = items.stream().map(SqlLiterals::of).toList();
            return literals.isEmpty() ? "NULL" : String.join(", ", literals);
        }
        if (value instanceof Boolean bool) {
            return bool ? "TRUE" : "FALSE";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).toPlainString();
        }
        if (value instanceof UUID uuid) {
            return "CAST('" + uuid + "' AS uuid)";
        }
        if (value instanceof Instant || value instanceof OffsetDateTime) {
            return "CAST('" + value + "' AS timestamptz)";
        }
        if (value instanceof LocalDateTime) {
            return "CAST('" + value + "' AS timestamp)";
        }
        if (value instanceof LocalDate) {
            return "CAST('" + value + "' AS date)";
        }
        if (value instanceof String text && PLAIN.matcher(text).matches()) {
            // nothing in it can end or escape a literal: a constant PostgreSQL folds,
            // where the hex form is a function evaluated on every row it meets
            return "CAST('" + text + "' AS text)";
        }
        if (value instanceof String text) {
            if (text.indexOf('\u0000') >= 0) {
                // PostgreSQL's text holds no NUL: no comparison with it would mean
                // anything
                throw new IllegalArgumentException(
                        "a caller's text value holds a NUL character, which PostgreSQL" + " cannot compare");
            }
            return "convert_from(decode('" + HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8))
                    + "', 'hex'), 'UTF8')";
        }
        throw new IllegalArgumentException(
                "Rowguard cannot write a " + value.getClass().getName() + " into SQL as a literal");
    }

}

package dev.rowguard.postgres.internal;

import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Values as JSON text for PostgreSQL: the verified claims of {@code request.jwt.claims},
 * the principal, policy literals.
 */
public final class ClaimsJson {

    private ClaimsJson() {
    }

    public static String write(Object value) {
        StringBuilder json = new StringBuilder();
        write(value, json);
        return json.toString();
    }

    private static void write(@Nullable Object value, StringBuilder json) {
        if (value == null) {
            json.append("null");
        }
        else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof java.math.BigDecimal || value instanceof java.math.BigInteger) {
            json.append(value);
        }
        else if (value instanceof Number number) {
            double asDouble = number.doubleValue();
            json.append(Double.isFinite(asDouble) ? number.toString() : "null");
        }
        else if (value instanceof Map<?, ?> map) {
            json.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                string(String.valueOf(entry.getKey()), json);
                json.append(':');
                write(entry.getValue(), json);
            }
            json.append('}');
        }
        else if (value instanceof Collection<?> items) {
            json.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                write(item, json);
            }
            json.append(']');
        }
        else if (value instanceof java.time.Instant instant) {
            json.append(instant.getEpochSecond());
        }
        else {
            string(value.toString(), json);
        }
    }

    private static void string(String text, StringBuilder json) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

}

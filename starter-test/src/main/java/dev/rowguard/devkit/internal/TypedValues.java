package dev.rowguard.devkit.internal;

import java.util.regex.Pattern;

/**
 * A value written as text, typed as JSON would type it: {@code true} and {@code false}
 * are booleans, {@code 5000} a long, {@code 1.5} a double, anything else a string.
 */
public final class TypedValues {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

    private TypedValues() {
    }

    public static Object parse(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        if (WHOLE_NUMBER.matcher(value).matches()) {
            return Long.valueOf(value);
        }
        if (DECIMAL.matcher(value).matches()) {
            return Double.valueOf(value);
        }
        return value;
    }

}

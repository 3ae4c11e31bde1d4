package dev.rowguard.hibernate.internal;

/**
 * Hibernate filter names for an entity that hold only {@code [A-Za-z0-9_]}, whatever the
 * entity's name: Hibernate writes a filter's name into SQL-rewriting regular expressions
 * (where {@code $} starts a group reference) and parameter names, so a nested class's
 * {@code Outer$Item} or a non-ASCII name must not reach it as is. Letters and digits
 * stay, {@code _} becomes {@code __} and any other character {@code _x<hex>_}: distinct
 * entity names give distinct filter names.
 */
final class FilterNames {

    private FilterNames() {
    }

    static String of(String entity, String suffix) {
        return "rowguard_" + encoded(entity) + "_" + suffix;
    }

    static String encoded(String name) {
        StringBuilder encoded = new StringBuilder(name.length());
        name.codePoints().forEach(codePoint -> {
            if ((codePoint >= 'a' && codePoint <= 'z') || (codePoint >= 'A' && codePoint <= 'Z')
                    || (codePoint >= '0' && codePoint <= '9')) {
                encoded.appendCodePoint(codePoint);
            }
            else if (codePoint == '_') {
                encoded.append("__");
            }
            else {
                encoded.append("_x").append(Integer.toHexString(codePoint)).append('_');
            }
        });
        return encoded.toString();
    }

}

package dev.rowguard.hibernate.internal;

import org.jspecify.annotations.Nullable;

/**
 * Which characters of a PostgreSQL statement are code, as its lexer reads them: not
 * inside a string constant ({@code '...'}, {@code E'...'} with backslash escapes,
 * {@code $tag$...$tag$}), a quoted identifier ({@code "..."}) or a comment
 * ({@code -- ...}, nested {@code /* ... *}{@code /}). Rowguard rewrites markers only
 * where they are code, so no text a statement carries can pass for one.
 */
final class SqlText {

    private final boolean[] code;

    SqlText(String sql) {
        this.code = new boolean[sql.length()];
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            String tag = c == '$' && (i == 0 || !isIdentifierPart(sql.charAt(i - 1))) ? dollarTag(sql, i) : null;
            int end;
            if (c == '\'') {
                end = quoted(sql, i, '\'', escapesWithBackslash(sql, i));
            }
            else if (c == '"') {
                end = quoted(sql, i, '"', false);
            }
            else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int newline = sql.indexOf('\n', i);
                end = newline < 0 ? length : newline + 1;
            }
            else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                end = blockComment(sql, i);
            }
            else if (tag != null) {
                int close = sql.indexOf(tag, i + tag.length());
                end = close < 0 ? length : close + tag.length();
            }
            else {
                code[i] = true;
                i++;
                continue;
            }
            i = end;
        }
    }

    /** Whether the character at {@code index} is code. */
    boolean isCode(int index) {
        return index >= 0 && index < code.length && code[index];
    }

    /** The end (exclusive) of a quoted run starting at {@code start}. */
    private static int quoted(String sql, int start, char quote, boolean backslash) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslash && c == '\\') {
                i += 2;
            }
            else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                }
                else {
                    return i + 1;
                }
            }
            else {
                i++;
            }
        }
        return sql.length();
    }

    /** {@code E'...'}: an escape string constant, where a backslash escapes the quote. */
    private static boolean escapesWithBackslash(String sql, int quote) {
        return quote > 0 && (sql.charAt(quote - 1) == 'E' || sql.charAt(quote - 1) == 'e')
                && (quote == 1 || !isIdentifierPart(sql.charAt(quote - 2)));
    }

    private static int blockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length() - 1) {
            if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            }
            else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            }
            else {
                i++;
            }
        }
        return sql.length();
    }

    /** The {@code $tag$} opening a dollar-quoted constant at {@code start}, or null. */
    private static @Nullable String dollarTag(String sql, int start) {
        int i = start + 1;
        if (i < sql.length() && Character.isDigit(sql.charAt(i))) {
            return null;
        }
        while (i < sql.length() && isIdentifierPart(sql.charAt(i)) && sql.charAt(i) != '$') {
            i++;
        }
        return i < sql.length() && sql.charAt(i) == '$' ? sql.substring(start, i + 1) : null;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

}

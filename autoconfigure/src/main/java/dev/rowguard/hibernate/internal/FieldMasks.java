package dev.rowguard.hibernate.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.context.Caller;
import dev.rowguard.context.CallerContext;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.FieldRules;
import dev.rowguard.policy.internal.PolicySet;
import dev.rowguard.policy.internal.bind.BoundRewriter;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.sql.SqlCompiler;
import dev.rowguard.policy.internal.sql.SqlLiterals;

import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.Column;
import org.hibernate.sql.Template;
import org.jspecify.annotations.Nullable;

/**
 * The read rules of fields, in SQL. Each masked column's read expression (what Hibernate
 * renders wherever it reads the column: select lists, {@code where}, {@code order by},
 * {@code group by}, aggregates, joins, loads of every kind) becomes
 * {@code CASE WHEN <marker> THEN <column> END}, the same for every caller, so a statement
 * Hibernate caches serves any caller. Just before a statement is prepared
 * ({@link FieldMaskingStatementInspector}) each marker is replaced by the current
 * caller's field rule on the row the marker's qualifier names, its values written as
 * literals: {@code TRUE} in the system context, the folded condition otherwise. A marker
 * left in place is an unknown column: the statement fails rather than show the value.
 */
final class FieldMasks {

    private static final String ALIAS = "{alias}";

    private static final Pattern PARAMETER = Pattern.compile(":rg_field\\d+");

    private static final ThreadLocal<Boolean> UNMASKED = new ThreadLocal<>();

    // statements kept masked per caller and thread: the same few are prepared again and
    // again
    private static final int APPLIED_PER_CALLER = 128;

    private final String nonce;

    private final String lowerMarker;

    private final String upperMarker;

    private final List<Mask> masks = new ArrayList<>();

    private final SqlCompiler compiler;

    private final FieldRules rules;

    private final ThreadLocal<Memo> memo = new ThreadLocal<>();

    private final PolicySet policies;

    private final Map<String, Boolean> rulesReadFieldsWithReadRules = new ConcurrentHashMap<>();

    /** One masked column: the field's read rule, on the rows of the table it is in. */
    record Mask(String table, Bound rule) {
    }

    FieldMasks(SqlCompiler compiler, PolicySet policies) {
        this.compiler = compiler;
        this.policies = policies;
        this.rules = policies.fieldRules();
        byte[] nonce = new byte[8];
        new SecureRandom().nextBytes(nonce);
        this.nonce = HexFormat.of().formatHex(nonce);
        this.lowerMarker = "rg" + this.nonce + "m";
        this.upperMarker = lowerMarker.toUpperCase(Locale.ROOT);
    }

    /**
     * Masks the column of a field: its read expression becomes the masked one (around the
     * application's own {@code @ColumnTransformer} read, if any).
     * @param table the column's table as SQL names it, the qualifier where Hibernate
     * writes none
     */
    void mask(Column column, String entity, String field, String table, Dialect dialect) {
        int id = masks.size();
        masks.add(new Mask(table, rules.rule(entity, field, Operation.READ)));
        String name = column.getQuotedName(dialect);
        String read = column.getCustomRead() != null ? "(" + column.getCustomRead() + ")" : name;
        column.setResolvedCustomRead(readExpression(name, read, id));
    }

    /**
     * Hibernate qualifies a custom read expression by replacing every occurrence of the
     * column's name in it with {@code {@}.name}, so the rest of the expression must not
     * hold the name: keywords and marker are written in upper or in lower case, whichever
     * the name is no part of.
     */
    private String readExpression(String name, String read, int id) {
        for (boolean upper : new boolean[] { true, false }) {
            String marker = upper ? upperMarker : lowerMarker;
            String prefix = (upper ? "(CASE WHEN " : "(case when ") + Template.TEMPLATE + "." + marker + id
                    + (upper ? " THEN " : " then ");
            String suffix = upper ? " END)" : " end)";
            if (!(prefix + suffix).contains(name)) {
                return prefix + read + suffix;
            }
        }
        throw new IllegalStateException("Rowguard cannot mask column " + name
                + ": its name is part of the SQL Rowguard writes around it in either case");
    }

    boolean isEmpty() {
        return masks.isEmpty();
    }

    /**
     * The statement with each marker replaced by the current caller's field rule. Markers
     * are found by their text and their qualifiers read backwards from them: a pattern
     * tried at every position of a long statement cost more than the statement's own
     * execution.
     */
    String applyTo(String sql) {
        int next = nextMarker(sql, 0);
        if (next < 0) {
            return sql;
        }
        Caller caller = CallerContext.current();
        boolean everything = caller.system() || Boolean.TRUE.equals(UNMASKED.get());
        Map<String, String> applied = memoFor(caller.principal()).applied(everything);
        String known = applied.get(sql);
        if (known != null) {
            return known;
        }
        String masked = applyTo(sql, next, caller, everything);
        if (applied.size() >= APPLIED_PER_CALLER) {
            applied.clear();
        }
        applied.put(sql, masked);
        return masked;
    }

    private String applyTo(String sql, int first, Caller caller, boolean everything) {
        int next = first;
        StringBuilder masked = new StringBuilder(sql.length() + 64);
        SqlText text = new SqlText(sql);
        int copied = 0;
        while (next >= 0) {
            int digits = next + lowerMarker.length();
            int end = digits;
            while (end < sql.length() && sql.charAt(end) >= '0' && sql.charAt(end) <= '9') {
                end++;
            }
            // a marker's text inside a literal or a comment is text, not a marker
            if (end > digits && (end == sql.length() || !isWordPart(sql.charAt(end))) && text.isCode(next)) {
                String id = sql.substring(digits, end);
                Mask mask = masks.get(Integer.parseInt(id));
                int start = qualifierStart(sql, next, copied);
                String alias = start == next ? mask.table() : sql.substring(start, next - 1);
                String condition = everything ? "TRUE" : conditionFor(caller.principal(), id, mask, alias);
                masked.append(sql, copied, start).append(condition);
                copied = end;
            }
            next = nextMarker(sql, Math.max(end, next + 1));
        }
        return masked.append(sql, copied, sql.length()).toString();
    }

    /** Where the next marker starts, in either of the cases it is written in, or -1. */
    private int nextMarker(String sql, int from) {
        int lower = sql.indexOf(lowerMarker, from);
        int upper = sql.indexOf(upperMarker, from);
        return lower < 0 ? upper : upper < 0 ? lower : Math.min(lower, upper);
    }

    /**
     * Where the qualifier of the marker at {@code marker} starts ({@code t1_0.} or
     * {@code "my table".}), not before {@code floor}; {@code marker} itself when it has
     * none.
     */
    static int qualifierStart(String sql, int marker, int floor) {
        int dot = marker - 1;
        if (dot <= floor || sql.charAt(dot) != '.') {
            return marker;
        }
        if (sql.charAt(dot - 1) == '"') {
            for (int i = dot - 2; i >= floor; i--) {
                if (sql.charAt(i) == '"') {
                    if (i > floor && sql.charAt(i - 1) == '"') {
                        i--;
                    }
                    else {
                        return i;
                    }
                }
            }
            return marker;
        }
        int start = dot;
        while (start > floor && isIdentifierPart(sql.charAt(start - 1))) {
            start--;
        }
        while (start < dot && !isIdentifierStart(sql.charAt(start))) {
            start++;
        }
        return start == dot ? marker : start;
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '$';
    }

    private static boolean isWordPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }

    private String conditionFor(@Nullable AuthPrincipal principal, String id, Mask mask, String alias) {
        String template = memoFor(principal).conditions.computeIfAbsent(id, key -> SqlLiterals
            .inlined(compiler.compile(mask.rule(), principal, null, ALIAS, "rg_field"), PARAMETER));
        return template.replace(ALIAS, alias);
    }

    /**
     * Whether some field of the entity is hidden from the caller on some row: then what
     * the session loaded is not the row as stored.
     */
    boolean hidesFieldsOf(String entity, Caller caller) {
        if (caller.system() || rules.fields(entity, Operation.READ).isEmpty()) {
            return false;
        }
        return memoFor(caller.principal()).hides.computeIfAbsent(entity,
                key -> rules.fields(entity, Operation.READ)
                    .stream()
                    .anyMatch(field -> !compiler
                        .compile(rules.rule(entity, field, Operation.READ), caller.principal(), null, "rg_row", null)
                        .alwaysTrue()));
    }

    /** What was folded for the principal, kept per thread while it stays the same. */
    private Memo memoFor(@Nullable AuthPrincipal principal) {
        Memo current = memo.get();
        if (current == null || current.principal != principal) {
            current = new Memo(principal);
            memo.set(current);
        }
        return current;
    }

    /**
     * Whether a write or permission decision on the entity must see fields hidden from
     * the caller as stored: some is hidden from them and some rule of the entity (of its
     * rows or of its fields) reads a field that has read rules (as {@code before().x}
     * too), or reads the row whole ({@code check(this)}, {@code before()}). Otherwise the
     * state as loaded decides alike.
     */
    boolean decisionsNeedHiddenFields(String entity, Caller caller) {
        return hidesFieldsOf(entity, caller)
                && rulesReadFieldsWithReadRules.computeIfAbsent(entity, this::rulesReadFieldsWithReadRules);
    }

    private boolean rulesReadFieldsWithReadRules(String entity) {
        List<String> hideable = rules.fields(entity, Operation.READ);
        List<Bound> entityRules = new ArrayList<>();
        for (Operation operation : List.of(Operation.CREATE, Operation.READ, Operation.UPDATE, Operation.POST_UPDATE,
                Operation.DELETE)) {
            entityRules.add(policies.rule(entity, operation));
        }
        for (String field : rules.fields(entity)) {
            for (Operation operation : FieldRules.OPERATIONS) {
                entityRules.add(rules.rule(entity, field, operation));
            }
        }
        boolean[] reads = { false };
        BoundRewriter finder = new BoundRewriter() {
            @Override
            public Bound rewrite(Bound node) {
                if ((node instanceof Bound.Field field && field.hops().isEmpty()
                        && hideable.contains(field.attribute().name()))
                        || (node instanceof Bound.BeforeValue before && hideable.contains(before.attribute().name()))
                        || node instanceof Bound.BeforeSelf
                        || (node instanceof Bound.Check check && check.hops().isEmpty())) {
                    reads[0] = true;
                }
                return rewriteChildren(node);
            }
        };
        entityRules.forEach(finder::rewrite);
        return reads[0];
    }

    /**
     * Runs Rowguard's own read of a stored row (the state its decisions are taken on)
     * with every field as stored.
     */
    static <T> T unmasked(Supplier<T> read) {
        Boolean before = UNMASKED.get();
        UNMASKED.set(Boolean.TRUE);
        try {
            return read.get();
        }
        finally {
            if (before == null) {
                UNMASKED.remove();
            }
            else {
                UNMASKED.set(before);
            }
        }
    }

    private record Memo(@Nullable AuthPrincipal principal, Map<String, String> conditions, Map<String, Boolean> hides,
            Map<String, String> masked, Map<String, String> unmasked) {

        Memo(@Nullable AuthPrincipal principal) {
            this(principal, new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        }

        /**
         * Statements as masked for the caller (or with every field shown), by their text.
         */
        Map<String, String> applied(boolean everything) {
            return everything ? unmasked : masked;
        }

    }

}

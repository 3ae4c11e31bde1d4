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
import java.util.regex.Matcher;
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

    private final String nonce;

    private final Pattern marker;

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
        this.marker = Pattern
            .compile("((?:\"(?:[^\"]|\"\")*\"|[A-Za-z_][A-Za-z0-9_$]*)\\.)?(?i:rg" + this.nonce + "m)(\\d+)\\b");
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
            String marker = upper ? "RG" + nonce.toUpperCase(Locale.ROOT) + "M" : "rg" + nonce + "m";
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

    /** The statement with each marker replaced by the current caller's field rule. */
    String applyTo(String sql) {
        if (!sql.contains(nonce) && !sql.contains(nonce.toUpperCase(Locale.ROOT))) {
            return sql;
        }
        Caller caller = CallerContext.current();
        boolean everything = caller.system() || Boolean.TRUE.equals(UNMASKED.get());
        Matcher matcher = marker.matcher(sql);
        StringBuilder masked = new StringBuilder(sql.length() + 64);
        SqlText text = new SqlText(sql);
        while (matcher.find()) {
            if (!text.isCode(matcher.start(2) - nonce.length() - 3)) {
                // a marker's text inside a literal or a comment is text, not a marker
                continue;
            }
            Mask mask = masks.get(Integer.parseInt(matcher.group(2)));
            String qualifier = matcher.group(1);
            String alias = qualifier == null ? mask.table() : qualifier.substring(0, qualifier.length() - 1);
            String condition = everything ? "TRUE" : conditionFor(caller.principal(), matcher.group(2), mask, alias);
            matcher.appendReplacement(masked, Matcher.quoteReplacement(condition));
        }
        matcher.appendTail(masked);
        return masked.toString();
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
            current = new Memo(principal, new HashMap<>(), new HashMap<>());
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

    private record Memo(@Nullable AuthPrincipal principal, Map<String, String> conditions, Map<String, Boolean> hides) {
    }

}

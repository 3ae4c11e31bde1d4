package dev.rowguard.policy.internal.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.eval.Row;
import dev.rowguard.policy.internal.eval.RuleSource;
import dev.rowguard.policy.internal.model.DomainModel;

import org.jspecify.annotations.Nullable;

/**
 * Compiles bound policies to PostgreSQL predicates. Per principal the rule is folded
 * first; the SQL text for a folded shape is built once and cached, so a query pays only
 * the folding (a walk of a small tree) and never rebuilds SQL. A thread asking again for
 * the same rule and principal object gets its last result without folding, unless the
 * rule reads the clock or the stored row.
 */
public final class SqlCompiler {

    private final DomainModel model;

    private final RuleSource rules;

    private final Map<ShapeKey, Template> templates = new ConcurrentHashMap<>();

    private final ThreadLocal<RecentCompilations> recent = ThreadLocal.withInitial(RecentCompilations::new);

    // per rule object (the policy set's own, so few), whether its folding depends on the
    // principal alone; emptied past a bound should a caller hand in rules built afresh
    private final Map<RuleObject, Boolean> principalOnly = new ConcurrentHashMap<>();

    private static final int PRINCIPAL_ONLY_KEPT = 4096;

    public SqlCompiler(DomainModel model, RuleSource rules) {
        this.model = model;
        this.rules = rules;
    }

    /**
     * @param alias the root table's alias as it appears in the query (for example
     * {@code {alias}} in a filter)
     * @param parameterPrefix null for JDBC {@code ?} placeholders, else named
     * {@code :prefixN} placeholders
     */
    public SqlCondition compile(Bound rule, @Nullable AuthPrincipal principal, @Nullable Row before, String alias,
            @Nullable String parameterPrefix) {
        RecentCompilations recent = this.recent.get();
        SqlCondition kept = recent.find(rule, principal, alias, parameterPrefix);
        if (kept != null) {
            return kept;
        }
        SqlCondition compiled = fold(rule, principal, before, alias, parameterPrefix);
        if (principalOnly(rule)) {
            recent.add(rule, principal, alias, parameterPrefix, compiled);
        }
        return compiled;
    }

    private boolean principalOnly(Bound rule) {
        if (principalOnly.size() > PRINCIPAL_ONLY_KEPT) {
            principalOnly.clear();
        }
        return principalOnly.computeIfAbsent(new RuleObject(rule), key -> PrincipalOnly.decides(rule, rules));
    }

    private SqlCondition fold(Bound rule, @Nullable AuthPrincipal principal, @Nullable Row before, String alias,
            @Nullable String parameterPrefix) {
        Folder.Folded folded = Folder.fold(rule, principal, before, rules);
        ShapeKey key = new ShapeKey(folded.condition(), alias, parameterPrefix);
        Template template = templates.computeIfAbsent(key, this::build);
        List<Object> values = new ArrayList<>(template.parameterOrder().size());
        for (int i = 0; i < template.parameterOrder().size(); i++) {
            int index = template.parameterOrder().get(i);
            values.add(SqlValues.toJdbc(folded.parameters().get(index), template.javaTypes().get(i)));
        }
        return new SqlCondition(template.sql(), Collections.unmodifiableList(values));
    }

    /** How many distinct shapes have been compiled so far (for diagnostics and tests). */
    public int cachedShapes() {
        return templates.size();
    }

    private Template build(ShapeKey key) {
        Bound hoisted = Simplifier.simplify(Hoister.hoist(key.folded(), model), model);
        SqlWriter writer = new SqlWriter(model, key.alias(),
                key.parameterPrefix() == null ? index -> "?" : index -> ":" + key.parameterPrefix() + index);
        String sql = writer.write(hoisted);
        List<Class<?>> javaTypes = new ArrayList<>();
        Map<Integer, Class<?>> typesByIndex = ParameterTypes.of(key.folded());
        for (int index : writer.parameterOrder()) {
            javaTypes.add(typesByIndex.get(index));
        }
        return new Template(sql, List.copyOf(writer.parameterOrder()), javaTypes);
    }

    /**
     * A rule compared by identity: hashing a rule's tree costs about what folding it
     * does.
     */
    private record RuleObject(Bound rule) {

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof RuleObject that && that.rule == rule;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(rule);
        }

    }

    private record ShapeKey(Bound folded, String alias, @Nullable String parameterPrefix) {
    }

    private record Template(String sql, List<Integer> parameterOrder, List<Class<?>> javaTypes) {
    }

}

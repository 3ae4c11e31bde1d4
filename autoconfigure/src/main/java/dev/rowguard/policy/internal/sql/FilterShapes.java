package dev.rowguard.policy.internal.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.bind.BoundRewriter;
import dev.rowguard.policy.internal.bind.Type;
import dev.rowguard.policy.internal.eval.RuleSource;
import dev.rowguard.policy.internal.model.DomainModel;

import org.jspecify.annotations.Nullable;

/**
 * Every SQL shape a rule can fold to, found at start-up by walking all outcomes of the
 * principal-dependent decisions (is the caller anonymous, is
 * {@code auth().role == 'ADMIN'}, is {@code auth().orgId} present...). Each shape becomes
 * one Hibernate filter; at run time {@link #select} folds the rule for the caller and
 * names the shape and its parameter values.
 */
public final class FilterShapes {

    private final Bound rule;

    private final int highestVariable;

    private final RuleSource rules;

    private final Map<Bound, FilterShape> byFolded;

    private FilterShapes(Bound rule, int highestVariable, RuleSource rules, Map<Bound, FilterShape> byFolded) {
        this.rule = rule;
        this.highestVariable = highestVariable;
        this.rules = rules;
        this.byFolded = byFolded;
    }

    /**
     * One shape: its SQL over {@code {alias}} with {@code :prefixN} parameters, the same
     * condition in the row-driven form ({@code rowSql}: related rows probed from the row,
     * for loads by id), and each parameter's Java type. Shapes are numbered from 0 in the
     * order {@link #shapes()} lists them.
     */
    public record FilterShape(int id, String sql, String rowSql, Map<Integer, Class<?>> parameterTypes,
            Map<Integer, Boolean> listParameters) {

        public boolean alwaysTrue() {
            return sql.equals("TRUE");
        }
    }

    /** The shape the caller's rule folds to, and its parameter values by index. */
    public record Selection(FilterShape shape, List<Object> parameters) {
    }

    /**
     * @throws IllegalStateException when the rule has more than {@code limit} shapes
     */
    public static FilterShapes enumerate(Bound rule, RuleSource rules, DomainModel model, String parameterPrefix,
            int limit) {
        return enumerate(rule, rules, model, parameterPrefix, limit, new SimplifiedSemiJoins());
    }

    /**
     * @param simplified shared with other entities' enumerations, or null to simplify
     * every shape on its own
     */
    static FilterShapes enumerate(Bound rule, RuleSource rules, DomainModel model, String parameterPrefix, int limit,
            @Nullable SimplifiedSemiJoins simplified) {
        Map<Bound, FilterShape> shapes = new LinkedHashMap<>();
        int highestVariable = BoundRewriter.maxVariable(rule);
        // The anonymous caller: every auth() value is null, nothing to choose.
        add(shapes, Folder.fold(rule, highestVariable, Decisions.of(null, null), rules, true).condition(), model,
                parameterPrefix, limit, simplified);
        Deque<List<Boolean>> pending = new ArrayDeque<>();
        pending.push(List.of());
        while (!pending.isEmpty()) {
            List<Boolean> prefix = pending.pop();
            SignedInChoices choices = new SignedInChoices(prefix);
            Folder.Folded folded = Folder.fold(rule, highestVariable, choices, rules, true);
            List<Boolean> made = choices.made();
            for (int i = prefix.size(); i < made.size(); i++) {
                List<Boolean> alternative = new ArrayList<>(made.subList(0, i));
                alternative.add(Boolean.TRUE);
                pending.push(alternative);
            }
            add(shapes, folded.condition(), model, parameterPrefix, limit, simplified);
        }
        return new FilterShapes(rule, highestVariable, rules, shapes);
    }

    /** More shapes than the limit allows, for one entity's read rule. */
    public static final class TooManyShapes extends IllegalStateException {

        private final String entity;

        TooManyShapes(String entity, IllegalStateException cause) {
            super(cause.getMessage(), cause);
            this.entity = entity;
        }

        public String entity() {
            return entity;
        }

    }

    /**
     * The shapes of several entities' read rules, by entity in the given order. The
     * entities are independent, so they are enumerated in parallel: start-up is this work
     * and little else. The related rules their {@code check()}s inline are simplified
     * once for all of them.
     * @throws TooManyShapes for the first entity (in the given order) over the limit
     */
    public static Map<String, FilterShapes> enumerateAll(Map<String, Bound> readRules, RuleSource rules,
            DomainModel model, String parameterPrefix, int limit) {
        return enumerateAll(readRules, rules, model, parameterPrefix, limit, new SimplifiedSemiJoins());
    }

    static Map<String, FilterShapes> enumerateAll(Map<String, Bound> readRules, RuleSource rules, DomainModel model,
            String parameterPrefix, int limit, @Nullable SimplifiedSemiJoins simplified) {
        Map<String, Object> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        readRules.entrySet().parallelStream().forEach(entry -> {
            try {
                outcomes.put(entry.getKey(),
                        enumerate(entry.getValue(), rules, model, parameterPrefix, limit, simplified));
            }
            catch (IllegalStateException ex) {
                outcomes.put(entry.getKey(), new TooManyShapes(entry.getKey(), ex));
            }
        });
        Map<String, FilterShapes> shapes = new LinkedHashMap<>();
        for (String entity : readRules.keySet()) {
            Object outcome = outcomes.get(entity);
            if (outcome instanceof TooManyShapes tooMany) {
                throw tooMany;
            }
            shapes.put(entity, (FilterShapes) outcome);
        }
        return shapes;
    }

    private static void add(Map<Bound, FilterShape> shapes, Bound folded, DomainModel model, String parameterPrefix,
            int limit, @Nullable SimplifiedSemiJoins simplified) {
        if (!shapes.containsKey(folded)) {
            if (shapes.size() == limit) {
                throw new IllegalStateException("more than " + limit + " different SQL shapes");
            }
            shapes.put(folded, build(shapes.size(), folded, model, parameterPrefix, simplified));
        }
    }

    public List<FilterShape> shapes() {
        return List.copyOf(byFolded.values());
    }

    public Selection select(@Nullable AuthPrincipal principal) {
        Folder.Folded folded = Folder.fold(rule, highestVariable, Decisions.of(principal, null), rules, true);
        FilterShape shape = byFolded.get(folded.condition());
        if (shape == null) {
            throw new IllegalStateException("No filter shape for " + folded.condition());
        }
        return new Selection(shape, folded.parameters());
    }

    private static FilterShape build(int id, Bound folded, DomainModel model, String prefix,
            @Nullable SimplifiedSemiJoins simplified) {
        Bound hoisted = Simplifier.simplify(Hoister.hoist(folded, model), model, simplified);
        String sql = new SqlWriter(model, "{alias}", index -> ":" + prefix + index, false).write(hoisted);
        String rowSql = new SqlWriter(model, "{alias}", index -> ":" + prefix + index, true).write(hoisted);
        Map<Integer, Class<?>> types = new LinkedHashMap<>();
        Map<Integer, Boolean> lists = new LinkedHashMap<>();
        new BoundRewriter() {
            @Override
            public Bound rewrite(Bound node) {
                if (node instanceof Bound.Param param) {
                    types.put(param.index(), param.javaType());
                    lists.put(param.index(), param.type().kind() == Type.Kind.LIST);
                }
                return rewriteChildren(node);
            }
        }.rewrite(folded);
        return new FilterShape(id, sql, rowSql, types, lists);
    }

}

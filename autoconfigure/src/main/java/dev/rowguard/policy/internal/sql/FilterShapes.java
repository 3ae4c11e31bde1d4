package dev.rowguard.policy.internal.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.bind.Type;
import dev.rowguard.policy.internal.eval.RuleSource;
import dev.rowguard.policy.internal.model.DomainModel;

/**
 * Every SQL shape a rule can fold to, found at start-up by walking all outcomes of the
 * principal-dependent decisions (is the caller anonymous, is {@code auth().role == 'ADMIN'},
 * is {@code auth().orgId} present...). Each shape becomes one Hibernate filter; at run time
 * {@link #select} folds the rule for the caller and names the shape and its parameter values.
 */
public final class FilterShapes {

    private static final Object SYMBOLIC = new Object();

    private final Bound rule;
    private final RuleSource rules;
    private final Map<Bound, FilterShape> byFolded;

    private FilterShapes(Bound rule, RuleSource rules, Map<Bound, FilterShape> byFolded) {
        this.rule = rule;
        this.rules = rules;
        this.byFolded = byFolded;
    }

    /** One shape: its SQL over {@code {alias}} with {@code :prefixN} parameters, and each parameter's Java type. */
    public record FilterShape(int id, String sql, Map<Integer, Class<?>> parameterTypes, Map<Integer, Boolean> listParameters) {

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
    public static FilterShapes enumerate(Bound rule, RuleSource rules, DomainModel model, String parameterPrefix, int limit) {
        Map<Bound, FilterShape> shapes = new LinkedHashMap<>();
        Deque<List<Boolean>> pending = new ArrayDeque<>();
        pending.push(List.of());
        while (!pending.isEmpty()) {
            List<Boolean> prefix = pending.pop();
            Choices choices = new Choices(prefix);
            Folder.Folded folded = Folder.fold(rule, choices, rules, true);
            for (int i = prefix.size(); i < choices.made.size(); i++) {
                List<Boolean> alternative = new ArrayList<>(choices.made.subList(0, i));
                alternative.add(Boolean.TRUE);
                pending.push(alternative);
            }
            if (!shapes.containsKey(folded.condition())) {
                if (shapes.size() == limit) {
                    throw new IllegalStateException("more than " + limit + " different SQL shapes");
                }
                shapes.put(folded.condition(), build(shapes.size(), folded.condition(), model, parameterPrefix));
            }
        }
        return new FilterShapes(rule, rules, shapes);
    }

    public List<FilterShape> shapes() {
        return List.copyOf(byFolded.values());
    }

    public Selection select(AuthPrincipal principal) {
        Folder.Folded folded = Folder.fold(rule, Decisions.of(principal, null), rules, true);
        FilterShape shape = byFolded.get(folded.condition());
        if (shape == null) {
            throw new IllegalStateException("No filter shape for " + folded.condition());
        }
        return new Selection(shape, folded.parameters());
    }

    private static FilterShape build(int id, Bound folded, DomainModel model, String prefix) {
        Bound hoisted = Hoister.hoist(folded, model);
        SqlWriter writer = new SqlWriter(model, "{alias}", index -> ":" + prefix + index);
        String sql = writer.write(hoisted);
        Map<Integer, Class<?>> types = new LinkedHashMap<>();
        Map<Integer, Boolean> lists = new LinkedHashMap<>();
        new dev.rowguard.policy.internal.bind.BoundRewriter() {
            @Override
            public Bound rewrite(Bound node) {
                if (node instanceof Bound.Param param) {
                    types.put(param.index(), param.javaType());
                    lists.put(param.index(), param.type().kind() == Type.Kind.LIST);
                }
                return rewriteChildren(node);
            }
        }.rewrite(folded);
        return new FilterShape(id, sql, types, lists);
    }

    /**
     * Answers decisions from a fixed prefix of choices, then "no" for every new one, recording
     * them all. A fact asked again (the same auth() value in another place, the same auth()-only
     * condition) gets the answer it got before, as it would for a real principal, so only
     * combinations a principal can produce are enumerated.
     */
    private static final class Choices implements Decisions {

        private final List<Boolean> prefix;
        private final List<Boolean> made = new ArrayList<>();
        private final Map<Object, Boolean> answered = new java.util.HashMap<>();

        Choices(List<Boolean> prefix) {
            this.prefix = prefix;
        }

        private boolean next(Object fact) {
            Boolean known = answered.get(fact);
            if (known != null) {
                return known;
            }
            boolean choice = made.size() < prefix.size() && prefix.get(made.size());
            made.add(choice);
            answered.put(fact, choice);
            return choice;
        }

        @Override
        public boolean truth(Bound condition) {
            return next(List.of("truth", condition));
        }

        @Override
        public Object parameter(Bound external, UnaryOperator<Object> conversion) {
            return next(List.of("present", external)) ? SYMBOLIC : null;
        }

        @Override
        public List<Object> parameterList(Bound externalList, UnaryOperator<Object> conversion) {
            return next(List.of("present", externalList)) ? List.of(SYMBOLIC) : null;
        }
    }
}

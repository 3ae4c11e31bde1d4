package dev.rowguard.policy.internal.sql;

import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.eval.RuleSource;
import dev.rowguard.policy.internal.model.Attribute;
import org.jspecify.annotations.Nullable;

/**
 * A rule folded for one principal, written back in the policy language: what is left once
 * everything about the caller is decided, with the caller's values in place of
 * {@code auth()}. {@code owner == auth() || published} for alice reads
 * {@code owner.id == 'alice' || published}; a rule that does not depend on the row reads
 * {@code true} or {@code false}. Outer rows inside a collection predicate are written
 * {@code this.}.
 */
public final class ResidualText {

    private final List<Object> parameters;

    private ResidualText(List<Object> parameters) {
        this.parameters = parameters;
    }

    /**
     * @param principal the caller, or null for an anonymous one
     */
    public static String of(Bound rule, @Nullable AuthPrincipal principal, RuleSource rules) {
        Folder.Folded folded = Folder.fold(rule, principal, null, rules);
        Map<Integer, String> prefixes = new HashMap<>();
        prefixes.put(0, "");
        return new ResidualText(folded.parameters()).write(folded.condition(), prefixes, false);
    }

    private String write(Bound node, Map<Integer, String> prefixes, boolean nested) {
        if (node instanceof Bound.Const constant) {
            return literal(constant.value());
        }
        if (node instanceof Bound.ConstList list) {
            return literal(list.values());
        }
        if (node instanceof Bound.Param param) {
            return literal(parameters.get(param.index()));
        }
        if (node instanceof Bound.And and) {
            return junction(and.operands(), " && ", prefixes, nested);
        }
        if (node instanceof Bound.Or or) {
            return junction(or.operands(), " || ", prefixes, nested);
        }
        if (node instanceof Bound.Not not) {
            return "!" + write(not.operand(), prefixes, true);
        }
        if (node instanceof Bound.Compare compare) {
            return write(compare.left(), prefixes, true) + " " + compare.operator().symbol() + " "
                    + write(compare.right(), prefixes, true);
        }
        if (node instanceof Bound.IsNull isNull) {
            return write(isNull.operand(), prefixes, true) + " == null";
        }
        if (node instanceof Bound.In in) {
            return write(in.value(), prefixes, true) + " in " + write(in.list(), prefixes, true);
        }
        if (node instanceof Bound.ListFunction function) {
            String name = switch (function.function()) {
                case HAS -> "has";
                case HAS_SOME -> "hasSome";
                case HAS_EVERY -> "hasEvery";
                case IS_EMPTY -> "isEmpty";
            };
            return name + "(" + write(function.list(), prefixes, false)
                    + (function.argument() == null ? "" : ", " + write(function.argument(), prefixes, false)) + ")";
        }
        if (node instanceof Bound.StringFunction function) {
            String name = switch (function.function()) {
                case CONTAINS -> "contains";
                case STARTS_WITH -> "startsWith";
                case ENDS_WITH -> "endsWith";
            };
            return name + "(" + write(function.text(), prefixes, false) + ", "
                    + write(function.search(), prefixes, false) + (function.ignoreCase() ? ", true" : "") + ")";
        }
        if (node instanceof Bound.Field field) {
            return path(prefixes, field.variable(), field.hops()) + field.attribute().name();
        }
        if (node instanceof Bound.EntityPath entity) {
            String path = path(prefixes, entity.variable(), entity.hops());
            return path.isEmpty() ? "this" : path.substring(0, path.length() - 1);
        }
        if (node instanceof Bound.ToManyPath toMany) {
            return path(prefixes, toMany.variable(), toMany.hops()) + toMany.relation().name();
        }
        if (node instanceof Bound.Quantified quantified && !quantified.relation().correlated()) {
            return callersRow(quantified, prefixes, nested);
        }
        if (node instanceof Bound.Quantified quantified && quantified.relation().single()) {
            return inverseSide(quantified, prefixes, nested);
        }
        if (node instanceof Bound.Quantified quantified) {
            Map<Integer, String> inside = outer(prefixes);
            inside.put(quantified.elementVariable(), "");
            return path(prefixes, quantified.variable(), quantified.hops()) + quantified.relation().name()
                    + quantified.quantifier().symbol() + write(quantified.condition(), inside, false) + "]";
        }
        if (node instanceof Bound.Related related) {
            String relation = path(prefixes, related.variable(), List.of()) + related.relation().name();
            Map<Integer, String> inside = new HashMap<>(prefixes);
            inside.put(related.relatedVariable(), relation + ".");
            String condition = write(related.condition(), inside, true);
            return (nested ? "(" : "") + relation + " != null && " + condition + (nested ? ")" : "");
        }
        if (node instanceof Bound.Check check) {
            String path = path(prefixes, check.variable(), check.hops());
            return "check(" + (path.isEmpty() ? "this" : path.substring(0, path.length() - 1)) + ", '"
                    + check.operation().name().toLowerCase(Locale.ROOT) + "')";
        }
        if (node instanceof Bound.AuthSelf) {
            return "auth()";
        }
        if (node instanceof Bound.AuthValue value) {
            return "auth()." + value.member().name();
        }
        if (node instanceof Bound.Now) {
            return "now()";
        }
        if (node instanceof Bound.BeforeValue before) {
            return "before()." + before.attribute().name();
        }
        if (node instanceof Bound.BeforeSelf) {
            return "before()";
        }
        throw new IllegalArgumentException("Cannot write " + node);
    }

    /**
     * The inverse side of a one-to-one, written as the to-one it was bound from:
     * {@code profile == null}, {@code profile.age == age}.
     */
    private String inverseSide(Bound.Quantified quantified, Map<Integer, String> prefixes, boolean nested) {
        String path = path(prefixes, quantified.variable(), quantified.hops()) + quantified.relation().name();
        if (Bound.Const.TRUE.equals(quantified.condition())) {
            return path + (quantified.quantifier() == dev.rowguard.policy.internal.syntax.Quantifier.NONE ? " == null"
                    : " != null");
        }
        Map<Integer, String> inside = new HashMap<>(prefixes);
        inside.put(quantified.elementVariable(), path + ".");
        return write(quantified.condition(), inside, nested);
    }

    /**
     * The caller's row, looked up by {@code auth().id}: written as the {@code auth().rel}
     * paths it was bound from, without the lookup.
     */
    private String callersRow(Bound.Quantified quantified, Map<Integer, String> prefixes, boolean nested) {
        Map<Integer, String> inside = new HashMap<>(prefixes);
        inside.put(quantified.elementVariable(), Attribute.ToMany.AUTH + ".");
        // the lookup by auth().id comes first, as the binder built it: lookup &&
        // condition,
        // or !lookup || condition for a condition that holds without the caller's row
        List<Bound> operands = quantified.condition() instanceof Bound.And and ? and.operands()
                : quantified.condition() instanceof Bound.Or or ? or.operands() : List.of(quantified.condition());
        Bound first = operands.get(0) instanceof Bound.Not not ? not.operand() : operands.get(0);
        List<Bound> written = operands.size() > 1 && isLookup(first, quantified.elementVariable())
                ? operands.subList(1, operands.size()) : operands;
        String operator = quantified.condition() instanceof Bound.Or ? " || " : " && ";
        return written.size() == 1 ? write(written.get(0), inside, nested)
                : junction(written, operator, inside, nested);
    }

    private static boolean isLookup(Bound operand, int callersRow) {
        return operand instanceof Bound.Compare compare && compare.left() instanceof Bound.Field field
                && field.variable() == callersRow && field.hops().isEmpty()
                && (compare.right() instanceof Bound.Param || compare.right() instanceof Bound.AuthValue);
    }

    private String junction(List<Bound> operands, String operator, Map<Integer, String> prefixes, boolean nested) {
        String text = operands.stream()
            .map(operand -> write(operand, prefixes, true))
            .collect(Collectors.joining(operator));
        return nested ? "(" + text + ")" : text;
    }

    /**
     * The variables of the enclosing rows, as seen from inside a collection predicate.
     */
    private static Map<Integer, String> outer(Map<Integer, String> prefixes) {
        Map<Integer, String> outer = new HashMap<>();
        prefixes
            .forEach((variable, prefix) -> outer.put(variable, prefix.startsWith("this.") ? prefix : "this." + prefix));
        return outer;
    }

    private static String path(Map<Integer, String> prefixes, int variable, List<Attribute.ToOne> hops) {
        StringBuilder path = new StringBuilder(prefixes.getOrDefault(variable, ""));
        for (Attribute.ToOne hop : hops) {
            path.append(hop.name()).append('.');
        }
        return path.toString();
    }

    private static String literal(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(ResidualText::literal).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Enum<?> constant) {
            return "'" + constant.name() + "'";
        }
        String text = value instanceof TemporalAccessor ? value.toString() : String.valueOf(value);
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

}

package dev.rowguard.policy.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.rowguard.auth.AuthPrincipal;

/**
 * Writes random, well-typed policy expressions over the differential test's schema (Item
 * at the root, Tag and Item inside collection predicates) and random principals.
 */
final class PolicyGenerator {

    private enum Scope {

        ITEM, TAG

    }

    private final Random random;

    /**
     * The elements named so far on the way in ({@code tags?[e1, ...]}), innermost last.
     */
    private final List<Binding> bindings = new ArrayList<>();

    private record Binding(String name, Scope scope) {
    }

    PolicyGenerator(Random random) {
        this.random = random;
    }

    String condition() {
        return condition(3, Scope.ITEM, false);
    }

    AuthPrincipal principal() {
        if (random.nextInt(6) == 0) {
            return null;
        }
        String[] ids = { "1", "2", "3", "alice", "a", "x" };
        AuthPrincipal.Builder builder = AuthPrincipal.builder(ids[random.nextInt(ids.length)]);
        Set<String> roles = new LinkedHashSet<>();
        for (String role : new String[] { "a", "b", "admin" }) {
            if (random.nextBoolean()) {
                roles.add(role);
            }
        }
        builder.roles(roles);
        Object[] levels = { null, 0, 1, 2, "1", "x", 1.5 };
        Object level = levels[random.nextInt(levels.length)];
        if (level != null) {
            builder.attribute("level", level);
        }
        String[] sinces = { null, "2022-03-01T23:30:00Z", "2021-06-15T10:00:00Z", "2022-03-02T05:00:00+13:00", "x" };
        String since = sinces[random.nextInt(sinces.length)];
        if (since != null) {
            builder.attribute("since", since);
        }
        String[] regions = { null, "a", "b", "ab", "" };
        String region = regions[random.nextInt(regions.length)];
        if (region != null) {
            builder.attribute("region", region);
        }
        return builder.build();
    }

    private String condition(int depth, Scope scope, boolean nested) {
        int choice = random.nextInt(depth > 0 ? 14 : 9);
        switch (choice) {
            case 0, 1, 2:
                return comparison(scope, nested);
            case 3:
                return nullTest(scope, nested);
            case 4:
                return booleanTerm(scope, nested);
            case 5:
                return in(scope, nested);
            case 6:
                return function(scope, nested);
            case 7:
                return entityComparison(scope);
            case 8:
                return pick("true", "false", "auth() == null", "auth() != null", "currentOperation() == 'read'",
                        "currentOperation() != 'read'", "currentOperation() in ['create', 'update']",
                        "currentModel() == 'Item'", "currentModel('lower') == 'item'",
                        "currentModel('upper') != 'ITEM'");
            case 9:
                return "!" + wrap(condition(depth - 1, scope, nested));
            case 10:
                return wrap(condition(depth - 1, scope, nested)) + " && " + wrap(condition(depth - 1, scope, nested));
            case 11:
                return wrap(condition(depth - 1, scope, nested)) + " || " + wrap(condition(depth - 1, scope, nested));
            default:
                return quantifier(depth - 1, scope);
        }
    }

    private String quantifier(int depth, Scope scope) {
        String quantifier = pick("?[", "![", "^[");
        if (scope == Scope.TAG) {
            return "item.tags" + quantifier + element(depth, Scope.TAG) + "]";
        }
        return switch (random.nextInt(5)) {
            case 0, 1 -> "tags" + quantifier + element(depth, Scope.TAG) + "]";
            case 2 -> "children" + quantifier + element(depth, Scope.ITEM) + "]";
            case 3 -> "auth().items" + quantifier + element(depth, Scope.ITEM) + "]";
            default -> "owner.items" + quantifier + element(depth, Scope.ITEM) + "]";
        };
    }

    /** A predicate's condition, its element named half of the time ({@code e1, ...}). */
    private String element(int depth, Scope scope) {
        if (random.nextBoolean()) {
            return condition(depth, scope, true);
        }
        Binding binding = new Binding("e" + (bindings.size() + 1), scope);
        bindings.add(binding);
        try {
            return binding.name() + ", " + condition(depth, scope, true);
        }
        finally {
            bindings.remove(bindings.size() - 1);
        }
    }

    /** The attributes of a kind through each named element in reach: {@code e1.name}. */
    private List<String> throughBindings(String kind) {
        List<String> terms = new ArrayList<>();
        for (Binding binding : bindings) {
            List<String> attributes = switch (kind) {
                case "string" -> binding.scope() == Scope.TAG ? List.of("name", "item.label") : List.of("label");
                case "number" -> binding.scope() == Scope.TAG ? List.of("weight") : List.of("qty", "price");
                case "boolean" -> binding.scope() == Scope.TAG ? List.of("item.flag") : List.of("flag");
                case "enum" -> binding.scope() == Scope.TAG ? List.of("item.kind") : List.of("kind");
                default -> binding.scope() == Scope.TAG ? List.of("item.seen") : List.of("seen", "due");
            };
            attributes.forEach(attribute -> terms.add(binding.name() + "." + attribute));
        }
        return terms;
    }

    private String comparison(Scope scope, boolean nested) {
        String kind = pick("string", "string", "number", "number", "boolean", "enum", "temporal");
        String left = term(kind, scope, nested);
        String right = term(kind, scope, nested);
        String operator = kind.equals("boolean") || kind.equals("enum") ? pick("==", "!=")
                : pick("==", "!=", "<", "<=", ">", ">=");
        if (kind.equals("enum")) {
            return left + " " + operator + " " + pick("'A'", "'B'", "'C'");
        }
        return left + " " + operator + " " + right;
    }

    private String term(String kind, Scope scope, boolean nested) {
        List<String> options = new ArrayList<>();
        switch (kind) {
            case "string" -> {
                options.addAll(scope == Scope.TAG ? List.of("name", "item.label", "item.owner.name") : List.of("label",
                        "parent.label", "owner.name", "parent.owner.name", "child.label", "parent.child.label"));
                options.addAll(List.of("auth().id", "auth().region", "'a'", "'ab'", "''", "'A'", "'1'"));
                if (nested) {
                    options.add("this.label");
                }
            }
            case "number" -> {
                options.addAll(scope == Scope.TAG ? List.of("weight", "item.qty", "item.price")
                        : List.of("qty", "price", "owner.score", "parent.qty", "child.qty"));
                options.addAll(List.of("auth().level", "0", "1", "2", "1.5"));
                if (nested) {
                    options.add("this.qty");
                }
            }
            case "boolean" -> {
                options.addAll(scope == Scope.TAG ? List.of("item.flag", "item.owner.active")
                        : List.of("flag", "owner.active", "parent.flag", "child.flag"));
                options.addAll(List.of("true", "false"));
            }
            case "enum" -> options.addAll(scope == Scope.TAG ? List.of("item.kind") : List.of("kind", "parent.kind"));
            default -> options.addAll(
                    scope == Scope.TAG ? List.of("item.owner.created", "item.seen", "item.due", "now()", "auth().since")
                            : List.of("owner.created", "parent.owner.created", "seen", "due", "parent.seen", "now()",
                                    "auth().since"));
        }
        options.addAll(throughBindings(kind));
        return options.get(random.nextInt(options.size()));
    }

    private String nullTest(Scope scope, boolean nested) {
        String operand = pick(term("string", scope, nested), term("number", scope, nested),
                term("boolean", scope, nested), scope == Scope.TAG ? "item.owner" : "owner",
                scope == Scope.TAG ? "item.parent" : "parent.owner", scope == Scope.TAG ? "item.child" : "child",
                scope == Scope.TAG ? "item.child.parent" : "child.owner");
        return operand + pick(" == null", " != null");
    }

    private String booleanTerm(Scope scope, boolean nested) {
        String term = term("boolean", scope, nested);
        return random.nextBoolean() ? term : "!" + term;
    }

    private String entityComparison(Scope scope) {
        if (scope == Scope.TAG) {
            return pick("item.owner == auth()", "auth() != item.owner", "item.owner == item.parent.owner");
        }
        // the last two: a branch that implies the checked rule (Owner allows auth() ==
        // this), which the compiler prunes
        return pick("owner == auth()", "auth() == parent.owner", "owner != auth()", "owner == parent.owner",
                "parent == this", "parent != null && parent.owner == owner", "owner == auth() && check(owner)",
                "parent.owner == auth() && check(parent) && check(owner)");
    }

    private String in(Scope scope, boolean nested) {
        String string = term("string", scope, nested);
        return pick(string + " in ['a', 'b', '']", string + " in auth().roles", "'admin' in auth().roles",
                term("number", scope, nested) + " in [1, 2]");
    }

    private String function(Scope scope, boolean nested) {
        String a = term("string", scope, nested);
        String b = term("string", scope, nested);
        return switch (random.nextInt(10)) {
            case 0 -> "has(auth().roles, " + a + ")";
            case 1 -> "hasSome(auth().roles, ['a', 'admin'])";
            case 2 -> "hasEvery(auth().roles, ['a', 'b'])";
            case 3 -> "isEmpty(auth().roles)";
            case 4 -> scope == Scope.TAG ? "isEmpty(item.tags)" : "isEmpty(tags)";
            case 5 -> "contains(" + a + ", " + b + ")";
            case 6 -> "startsWith(" + a + ", " + b + ", true)";
            case 7 -> "endsWith(" + a + ", " + b + pick(")", ", true)", ", false)");
            case 8 -> scope == Scope.TAG ? "check(item)" : pick("check(owner)", "check(child)");
            default -> scope == Scope.TAG ? "check(item.parent, 'read')" : "check(parent)";
        };
    }

    private static String wrap(String condition) {
        return "(" + condition + ")";
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

}

package dev.rowguard.policy.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.bind.BoundRewriter;

import org.jspecify.annotations.Nullable;

/**
 * Finds {@code check()} chains that come back to where they started (they could never be
 * inlined).
 */
final class CheckCycles {

    private CheckCycles() {
    }

    static List<String> find(Map<String, Map<Operation, Bound>> rules) {
        List<String> problems = new ArrayList<>();
        Set<String> reported = new LinkedHashSet<>();
        rules.forEach((entity, byOperation) -> byOperation.keySet().forEach(operation -> {
            List<String> path = new ArrayList<>();
            String cycle = search(rules, entity, operation, path, new LinkedHashSet<>());
            if (cycle != null && reported.add(canonical(cycle))) {
                problems.add("Invalid policies: check() calls form a cycle: " + cycle
                        + ". Write the condition out on one side instead of calling check() back.");
            }
        }));
        return problems;
    }

    /**
     * The same cycle entered at another node: rotated so that it starts at its smallest
     * node.
     */
    private static String canonical(String cycle) {
        List<String> nodes = new ArrayList<>(List.of(cycle.split(" -> ")));
        nodes.remove(nodes.size() - 1);
        int start = nodes.indexOf(nodes.stream().sorted().findFirst().orElseThrow());
        List<String> rotated = new ArrayList<>(nodes.subList(start, nodes.size()));
        rotated.addAll(nodes.subList(0, start));
        return String.join(" -> ", rotated);
    }

    private static @Nullable String search(Map<String, Map<Operation, Bound>> rules, String entity, Operation operation,
            List<String> path, Set<String> onPath) {
        String node = entity + "." + operation.name().toLowerCase();
        if (!onPath.add(node)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return String.join(" -> ", cycle);
        }
        path.add(node);
        for (Bound.Check check : checks(Objects.requireNonNull(rules.get(entity)).get(operation))) {
            String found = search(rules, check.targetEntity(), check.operation(), path, onPath);
            if (found != null) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        onPath.remove(node);
        return null;
    }

    private static List<Bound.Check> checks(@Nullable Bound rule) {
        List<Bound.Check> checks = new ArrayList<>();
        if (rule == null) {
            return checks;
        }
        new BoundRewriter() {
            @Override
            public Bound rewrite(Bound node) {
                if (node instanceof Bound.Check check) {
                    checks.add(check);
                }
                return rewriteChildren(node);
            }
        }.rewrite(rule);
        return checks;
    }

}

package dev.rowguard.policy.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.bind.Binder;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.sql.FilterShapes;
import dev.rowguard.policy.internal.syntax.Parser;
import org.junit.jupiter.api.Test;

import static dev.rowguard.policy.internal.DifferentialSchema.FIXED_CONDITIONS;
import static dev.rowguard.policy.internal.DifferentialSchema.HIDE_ROW_RULES;
import static dev.rowguard.policy.internal.DifferentialSchema.MODEL;
import static dev.rowguard.policy.internal.DifferentialSchema.RULES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every caller finds its filter shape among those enumerated at start-up (a caller
 * without one could not query the entity at all). Without a database, so over many seeds.
 */
class FilterShapeCoverageTest {

    @Test
    void aCallerWhoseIdIsNoNumberFindsTheShapeWhereComparingItWithANumericKeyIsFalse() {
        Bound rule = bind("(auth().id == label) || (owner == auth() && check(owner))");
        FilterShapes shapes = FilterShapes.enumerateAll(Map.of("Item", rule), RULES, MODEL, "p", 64).get("Item");
        FilterShapes.Selection selection = shapes.select(AuthPrincipal.builder("user_2abc").role("admin").build());
        assertThat(selection.shape().sql()).doesNotContain("owner_id");
        assertThat(shapes.select(AuthPrincipal.of("42")).shape().sql()).contains("owner_id");
    }

    @Test
    void everyRandomCallerFindsItsShapeForEveryRandomRule() {
        List<String> missing = new ArrayList<>();
        for (long seed = 1; seed <= 150; seed++) {
            PolicyGenerator generator = new PolicyGenerator(new Random(seed));
            for (PolicySet rules : List.of(RULES, HIDE_ROW_RULES)) {
                Map<String, String> expressions = new LinkedHashMap<>();
                Map<String, Bound> readRules = new LinkedHashMap<>();
                for (int e = 0; e < 40; e++) {
                    String expression = e < FIXED_CONDITIONS.size() ? FIXED_CONDITIONS.get(e) : generator.condition();
                    expressions.put("Item rule " + e, expression);
                    readRules.put("Item rule " + e, bind(expression));
                }
                Map<String, FilterShapes> shapes = FilterShapes.enumerateAll(readRules, rules, MODEL, "p", 64);
                for (Map.Entry<String, String> entry : expressions.entrySet()) {
                    for (int p = 0; p < 3; p++) {
                        AuthPrincipal principal = generator.principal();
                        try {
                            shapes.get(entry.getKey()).select(principal);
                        }
                        catch (IllegalStateException ex) {
                            missing.add("seed " + seed + ": " + entry.getValue() + " for "
                                    + DifferentialSchema.describe(principal));
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Bound bind(String expression) {
        return Binder.bindCondition(MODEL, MODEL.entity("Item"), Operation.READ, Parser.parse(expression));
    }

}

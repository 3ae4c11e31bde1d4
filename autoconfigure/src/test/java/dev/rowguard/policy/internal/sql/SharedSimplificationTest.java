package dev.rowguard.policy.internal.sql;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.HiddenReferences;
import dev.rowguard.policy.internal.PolicyCompileBenchmark;
import dev.rowguard.policy.internal.PolicySet;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.model.DomainModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Semi-join conditions simplified once and shared by every filter shape at start-up give exactly
 * the SQL that simplifying each shape on its own gives.
 */
class SharedSimplificationTest {

    @Test
    void sharingSimplifiedSemiJoinsWritesTheSameSqlAsSimplifyingEveryShapeAlone() {
        DomainModel model = PolicyCompileBenchmark.model();
        PolicySet declared = PolicySet.build(model, PolicyCompileBenchmark.declarations(), false);
        PolicySet policies = declared.with(HiddenReferences.of(declared));
        Map<String, Bound> readRules = new LinkedHashMap<>();
        for (String entity : policies.entities()) {
            Bound read = policies.rule(entity, Operation.READ);
            if (!Bound.Const.TRUE.equals(read)) {
                readRules.put(entity, read);
            }
        }

        Map<String, FilterShapes> shared = FilterShapes.enumerateAll(readRules, policies, model, "p", 64);

        int shapes = 0;
        for (Map.Entry<String, Bound> rule : readRules.entrySet()) {
            FilterShapes alone = FilterShapes.enumerate(rule.getValue(), policies, model, "p", 64, null);
            assertThat(shared.get(rule.getKey()).shapes()).as(rule.getKey()).isEqualTo(alone.shapes());
            shapes += alone.shapes().size();
        }
        assertThat(shapes).as("shapes compared").isGreaterThan(1000);
    }
}

package dev.rowguard.policy.internal.sql;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.HiddenReferences;
import dev.rowguard.policy.internal.ModelBuilder;
import dev.rowguard.policy.internal.PolicyCompileBenchmark;
import dev.rowguard.policy.internal.PolicySet;
import dev.rowguard.policy.internal.RuleDeclaration;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.model.ValueKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Semi-join conditions simplified once and shared by every filter shape at start-up give
 * exactly the SQL that simplifying each shape on its own gives.
 */
class SharedSimplificationTest {

    @Test
    void sharingSimplifiedSemiJoinsWritesTheSameSqlAsSimplifyingEveryShapeAlone() {
        DomainModel model = PolicyCompileBenchmark.model();
        PolicySet declared = PolicySet.build(model, PolicyCompileBenchmark.declarations(), false);
        PolicySet policies = declared.with(HiddenReferences.of(declared));
        SimplifiedSemiJoins simplified = new SimplifiedSemiJoins();

        int shapes = assertSameShapes(model, policies, simplified);

        assertThat(shapes).as("shapes compared").isGreaterThan(1000);
        assertThat(simplified.reused()).as("semi-join conditions reused").isGreaterThan(1000);
    }

    @Test
    void aSemiJoinThatHoldsAConditionReadingNoRowIsNotSharedWhereTheSameConditionIsKnownOutside() {
        // Task knows now() > auth().since outside its project's semi-join and may drop it
        // inside;
        // Note, which reaches the same project rule, must keep it.
        DomainModel model = new ModelBuilder("since").entity("User", "app_user")
            .id(ValueKind.STRING, String.class)
            .authEntity()
            .done()
            .entity("Project", "project")
            .id(ValueKind.NUMBER, Long.class)
            .scalar("ownerId", "owner_id", ValueKind.STRING, String.class, true)
            .done()
            .entity("Task", "task")
            .id(ValueKind.NUMBER, Long.class)
            .toOne("project", "Project", "project_id", false)
            .done()
            .entity("Note", "note")
            .id(ValueKind.NUMBER, Long.class)
            .toOne("project", "Project", "project_id", false)
            .scalar("created", "created", ValueKind.TEMPORAL, Instant.class, true)
            .done()
            .build();
        Map<String, List<RuleDeclaration>> rules = new LinkedHashMap<>();
        rules.put("User", List.of(RuleDeclaration.allow("User", "auth() == this", Operation.ALL)));
        rules.put("Project", List
            .of(RuleDeclaration.allow("Project", "now() > auth().since && ownerId == auth().id", Operation.ALL)));
        rules.put("Task",
                List.of(RuleDeclaration.allow("Task", "now() > auth().since && check(project)", Operation.ALL)));
        rules.put("Note", List.of(RuleDeclaration.allow("Note", "check(project)", Operation.ALL)));
        PolicySet policies = PolicySet.build(model, rules, false);

        assertSameShapes(model, policies, new SimplifiedSemiJoins());
        String noteSql = FilterShapes.enumerate(policies.rule("Note", Operation.READ), policies, model, "p", 64, null)
            .shapes()
            .stream()
            .map(FilterShapes.FilterShape::sql)
            .filter(sql -> sql.contains("IN ("))
            .findFirst()
            .orElseThrow();
        assertThat(noteSql).as("Note keeps the project's condition on the time")
            .containsPattern("now\\(\\)|CURRENT_TIMESTAMP");
    }

    /**
     * Every entity's shapes, enumerated together with sharing, equal its shapes
     * enumerated alone without.
     */
    private static int assertSameShapes(DomainModel model, PolicySet policies, SimplifiedSemiJoins simplified) {
        Map<String, Bound> readRules = new LinkedHashMap<>();
        for (String entity : policies.entities()) {
            Bound read = policies.rule(entity, Operation.READ);
            if (!Bound.Const.TRUE.equals(read)) {
                readRules.put(entity, read);
            }
        }
        Map<String, FilterShapes> shared = FilterShapes.enumerateAll(readRules, policies, model, "p", 64, simplified);
        int shapes = 0;
        for (Map.Entry<String, Bound> rule : readRules.entrySet()) {
            FilterShapes alone = FilterShapes.enumerate(rule.getValue(), policies, model, "p", 64, null);
            assertThat(shared.get(rule.getKey()).shapes()).as(rule.getKey()).isEqualTo(alone.shapes());
            shapes += alone.shapes().size();
        }
        return shapes;
    }

}

package dev.rowguard.policy.internal;

import java.util.List;
import java.util.Map;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.sql.SqlCompiler;
import dev.rowguard.policy.internal.sql.SqlCondition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write checks the same rule for the same caller several times in a transaction: the
 * compiler hands back its last result for the same rule and principal object, and
 * compiles afresh whatever depends on more than the principal.
 */
class RepeatedCompilationTest {

    final DomainModel model = TodoModel.create("region");

    final PolicySet policies = PolicySet.build(model,
            Map.of("Todo",
                    List.of(RuleDeclaration.allow("Todo", "list.owner == auth()", Operation.ALL),
                            RuleDeclaration.allow("Todo", "before().title == title", Operation.POST_UPDATE)),
                    "Post", List.of(RuleDeclaration.allow("Post", "auth().id == authorId", Operation.ALL))),
            true);

    final SqlCompiler compiler = new SqlCompiler(model, policies);

    @Test
    void theSameRuleForTheSamePrincipalIsFoldedOnce() {
        AuthPrincipal alice = AuthPrincipal.of("alice");
        Bound rule = policies.rule("Todo", Operation.READ);
        SqlCondition first = compiler.compile(rule, alice, null, "t", null);
        assertThat(compiler.compile(rule, alice, null, "t", null)).isSameAs(first);
        assertThat(first.parameters()).containsExactly("alice");
    }

    @Test
    void anotherPrincipalWithTheSameValuesIsFoldedAgainToTheSameCondition() {
        Bound rule = policies.rule("Post", Operation.READ);
        SqlCondition alice = compiler.compile(rule, AuthPrincipal.of("alice"), null, "t", null);
        SqlCondition again = compiler.compile(rule, AuthPrincipal.of("alice"), null, "t", null);
        assertThat(again).isNotSameAs(alice).isEqualTo(alice);
        assertThat(compiler.compile(rule, AuthPrincipal.of("bob"), null, "t", null).parameters())
            .containsExactly("bob");
    }

    @Test
    void anotherAliasOrPlaceholderStyleIsNeverServedFromTheLastResult() {
        AuthPrincipal alice = AuthPrincipal.of("alice");
        Bound rule = policies.rule("Post", Operation.READ);
        assertThat(compiler.compile(rule, alice, null, "t", null).sql()).isEqualTo("t.author_id = ?");
        assertThat(compiler.compile(rule, alice, null, "p", null).sql()).isEqualTo("p.author_id = ?");
        assertThat(compiler.compile(rule, alice, null, "p", "rg").sql()).isEqualTo("p.author_id = :rg0");
    }

    @Test
    void aRuleReadingTheStoredRowIsFoldedForEachStoredRow() {
        AuthPrincipal alice = AuthPrincipal.of("alice");
        Bound rule = policies.rule("Todo", Operation.POST_UPDATE);
        SqlCondition first = compiler.compile(rule, alice, storedTitle("first"), "t", null);
        SqlCondition second = compiler.compile(rule, alice, storedTitle("second"), "t", null);
        assertThat(first.parameters()).contains("first").doesNotContain("second");
        assertThat(second.parameters()).contains("second").doesNotContain("first");
    }

    @Test
    void aRuleReadingTheClockDirectlyOrThroughCheckIsFoldedEveryTime() {
        PolicySet timed = PolicySet.build(model,
                Map.of("TodoList",
                        List.of(RuleDeclaration.allow("TodoList", "owner == auth() && now() > now()", Operation.READ)),
                        "Todo", List.of(RuleDeclaration.allow("Todo", "check(list)", Operation.READ))),
                true);
        SqlCompiler timedCompiler = new SqlCompiler(model, timed);
        AuthPrincipal alice = AuthPrincipal.of("alice");
        for (String entity : List.of("TodoList", "Todo")) {
            Bound rule = timed.rule(entity, Operation.READ);
            SqlCondition first = timedCompiler.compile(rule, alice, null, "t", null);
            assertThat(timedCompiler.compile(rule, alice, null, "t", null)).isNotSameAs(first).isEqualTo(first);
        }
    }

    @Test
    void theResultsParametersCannotBeChangedByACaller() {
        SqlCondition condition = compiler.compile(policies.rule("Post", Operation.READ), AuthPrincipal.of("alice"),
                null, "t", null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> condition.parameters().add("bob"))
            .isInstanceOf(UnsupportedOperationException.class);
    }

    private MapRow storedTitle(String title) {
        return new MapRow(Map.of(), Map.of(), Map.of("title", title, "id", 1L));
    }

}

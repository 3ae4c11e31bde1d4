package dev.rowguard.policy.internal;

import java.util.List;
import java.util.Map;

import dev.rowguard.policy.Operation;
import dev.rowguard.policy.PolicyDefinitionException;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.sql.SqlCompiler;
import org.junit.jupiter.api.Test;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * ZenStack v3's bound collection elements ({@code rel?[m, cond]}),
 * {@code currentOperation()} and {@code currentModel()}: each binds to what the same rule
 * written without them binds to, so the evaluator, the filters and the generated RLS
 * treat them alike.
 */
class BindingsAndCurrentFunctionsTest {

    final DomainModel todo = TodoModel.create("region");

    @Test
    void aBoundElementIsTheElementItNames() {
        assertThat(rule("Space", "members?[m, m.role == ADMIN && m.user == auth()]"))
            .isEqualTo(rule("Space", "members?[role == ADMIN && user == auth()]"));
        assertThat(rule("Space", "members![m, m.space.name == name]"))
            .isEqualTo(rule("Space", "members![space.name == name]"));
        assertThat(rule("Space", "members^[m, this.name == m.space.name]")).as("this stays the outer row")
            .isEqualTo(rule("Space", "members^[this.name == space.name]"));
    }

    @Test
    void aBindingIsVisibleInNestedPredicatesAndUnboundNamesResolveElementFirstThenOuter() {
        Bound.Quantified outer = (Bound.Quantified) rule("User",
                "memberships?[m, m.space.members?[role == m.role && user.email == email]]");
        Bound.Quantified inner = (Bound.Quantified) outer.condition();
        List<Bound> both = ((Bound.And) inner.condition()).operands();
        Bound.Compare roles = (Bound.Compare) both.get(0);
        assertThat(((Bound.Field) roles.left()).variable()).as("role: the inner element")
            .isEqualTo(inner.elementVariable());
        assertThat(((Bound.Field) roles.right()).variable()).as("m.role").isEqualTo(outer.elementVariable());
        Bound.Compare emails = (Bound.Compare) both.get(1);
        assertThat(((Bound.Field) emails.right()).variable()).as("email: no element has one, the outer row").isZero();
        Bound.Quantified named = (Bound.Quantified) rule("User",
                "memberships?[m, m.space.members?[s, s.role == m.role]]");
        Bound.Quantified namedInner = (Bound.Quantified) named.condition();
        Bound.Compare compare = (Bound.Compare) namedInner.condition();
        assertThat(((Bound.Field) compare.left()).variable()).as("s").isEqualTo(namedInner.elementVariable());
        assertThat(((Bound.Field) compare.right()).variable()).as("m").isEqualTo(named.elementVariable());
    }

    @Test
    void aBindingThatWouldHideAnAttributeOrAnEnclosingBindingIsAStartUpError() {
        assertThatExceptionOfType(PolicyDefinitionException.class)
            .isThrownBy(() -> rule("Space", "members?[role, role == ADMIN]"))
            .withMessageContaining("the binding 'role' would hide the attribute 'role' of SpaceUser");
        assertThatExceptionOfType(PolicyDefinitionException.class)
            .isThrownBy(() -> rule("Space", "members?[name, true]"))
            .withMessageContaining("the binding 'name' would hide the attribute 'name' of Space");
        assertThatExceptionOfType(PolicyDefinitionException.class)
            .isThrownBy(() -> rule("User", "memberships?[m, m.space.members?[m, true]]"))
            .withMessageContaining("'m' already names the element of an enclosing collection predicate");
        assertThatExceptionOfType(PolicyDefinitionException.class)
            .isThrownBy(() -> rule("Space", "members?[this, true]"))
            .withMessageContaining("'this' cannot name a collection element");
    }

    @Test
    void currentOperationIsTheOperationTheRuleIsBoundForAndNeverReachesSql() {
        PolicySet policies = PolicySet.build(todo,
                Map.of("Post",
                        List.of(RuleDeclaration.allow("Post",
                                "currentOperation() == 'create' || currentOperation() in ['read', 'delete']"
                                        + " || authorId == auth().id",
                                ALL))),
                false);
        SqlCompiler compiler = new SqlCompiler(todo, policies);
        for (Operation operation : List.of(Operation.CREATE, Operation.READ, Operation.DELETE)) {
            assertThat(compiler.compile(policies.rule("Post", operation), null, null, "p", null).alwaysTrue())
                .as(operation.name())
                .isTrue();
        }
        assertThat(compiler.compile(policies.rule("Post", Operation.UPDATE), null, null, "p", null).sql())
            .doesNotContain("'update'")
            .doesNotContain("'create'");
    }

    @Test
    void anOperationNameNoOperationHasIsAStartUpError() {
        assertThatExceptionOfType(PolicyDefinitionException.class)
            .isThrownBy(() -> rule("Post", "currentOperation() == 'craete'"))
            .withMessageContaining("'craete' is no operation; currentOperation() is one of 'create', 'read',"
                    + " 'update', 'post-update', 'delete'");
    }

    @Test
    void currentModelIsTheEntityNameInTheCasingAsked() {
        assertThat(rule("TodoList", "currentModel() == 'TodoList'")).isEqualTo(Bound.Const.TRUE);
        assertThat(rule("TodoList", "currentModel() != 'TodoList'")).isEqualTo(Bound.Const.FALSE);
        assertThat(constant("TodoList", "currentModel('upper')")).isEqualTo("TODOLIST");
        assertThat(constant("TodoList", "currentModel('lower')")).isEqualTo("todolist");
        assertThat(constant("TodoList", "currentModel('uncapitalize')")).isEqualTo("todoList");
        assertThat(constant("TodoList", "currentModel('capitalize')")).isEqualTo("TodoList");
        assertThatExceptionOfType(PolicyDefinitionException.class)
            .isThrownBy(() -> rule("Post", "currentModel('shout') == 'POST'"))
            .withMessageContaining("currentModel() takes one of 'upper', 'lower', 'capitalize', 'uncapitalize'");
    }

    private String constant(String entity, String call) {
        for (String candidate : List.of("TODOLIST", "todolist", "todoList", "TodoList")) {
            if (Bound.Const.TRUE.equals(rule(entity, call + " == '" + candidate + "'"))) {
                return candidate;
            }
        }
        return "none of the casings";
    }

    private Bound rule(String entity, String expression) {
        return PolicySet.build(todo, Map.of(entity, List.of(RuleDeclaration.allow(entity, expression, READ))), false)
            .rule(entity, Operation.READ);
    }

}

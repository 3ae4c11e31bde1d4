package dev.rowguard.policy.internal;

import java.util.List;
import java.util.Map;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.PolicyDefinitionException;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.model.ValueKind;
import dev.rowguard.policy.internal.sql.ResidualText;
import dev.rowguard.policy.internal.sql.SqlCompiler;
import dev.rowguard.policy.internal.sql.SqlCondition;
import org.junit.jupiter.api.Test;

import static dev.rowguard.policy.Operation.READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code auth().rel}, as ZenStack resolves it against the auth model: the relation of the
 * auth entity's row whose id is {@code auth().id}, bound as one collection predicate over
 * the auth entity's rows, so its SQL is a semi-join on that row and no extra statement.
 */
class AuthRelationsTest {

    final DomainModel todo = TodoModel.create("region");

    @Test
    void anAuthRelationIsTheCallersRowLookedUpByIdAroundTheCondition() {
        Bound.Quantified callersRow = (Bound.Quantified) rule("Space", "auth().memberships?[role == ADMIN]");
        assertThat(callersRow.relation()).isEqualTo(Attribute.ToMany.authRows("User"));
        Bound.And condition = (Bound.And) callersRow.condition();
        assertThat(condition.operands().get(0))
            .isEqualTo(new Bound.Compare(dev.rowguard.policy.internal.syntax.BinaryOperator.EQ,
                    new Bound.Field(callersRow.elementVariable(), List.of(), todo.entity("User").requiredId()),
                    new Bound.AuthValue(new dev.rowguard.policy.internal.bind.AuthMember("id", false))));
        Bound.Quantified memberships = (Bound.Quantified) condition.operands().get(1);
        assertThat(memberships.variable()).isEqualTo(callersRow.elementVariable());
        assertThat(memberships.relation().name()).isEqualTo("memberships");
    }

    @Test
    void itCompilesToASemiJoinOnTheCallersRowAndIsFalseForAnAnonymousCaller() {
        PolicySet policies = policies("Space",
                "auth().memberships?[space == this && role == ADMIN] || auth().memberships![role == USER]");
        SqlCompiler compiler = new SqlCompiler(todo, policies);
        SqlCondition alice = compiler.compile(policies.rule("Space", READ), AuthPrincipal.of("alice"), null, "s", null);
        assertThat(alice.sql()).contains("EXISTS (SELECT 1 FROM app_user").contains("FROM space_user");
        assertThat(alice.parameters()).contains("alice");
        assertThat(compiler.compile(policies.rule("Space", READ), null, null, "s", null).alwaysTrue())
            .as("anonymous: no memberships, so every one of them is a USER's")
            .isTrue();
        PolicySet some = policies("Space", "auth().memberships?[space == this && role == ADMIN]");
        assertThat(new SqlCompiler(todo, some).compile(some.rule("Space", READ), null, null, "s", null).alwaysFalse())
            .isTrue();
    }

    @Test
    void withoutTheCallersRowItsRelationsReadAsNullOrEmpty() {
        PolicySet policies = policies("Space", "isEmpty(auth().memberships)");
        SqlCompiler compiler = new SqlCompiler(todo, policies);
        assertThat(compiler.compile(policies.rule("Space", READ), null, null, "s", null).alwaysTrue()).isTrue();
        SqlCondition alice = compiler.compile(policies.rule("Space", READ), AuthPrincipal.of("alice"), null, "s", null);
        assertThat(alice.sql()).startsWith("NOT EXISTS (SELECT 1 FROM app_user");
        assertThat(ResidualText.of(policies.rule("Space", READ), AuthPrincipal.of("alice"), policies))
            .isEqualTo("auth().memberships^[true]");
    }

    @Test
    void theResidualRuleWritesItBackAsWritten() {
        PolicySet policies = policies("Space", "auth().memberships?[role == ADMIN]");
        assertThat(ResidualText.of(policies.rule("Space", READ), AuthPrincipal.of("alice"), policies))
            .isEqualTo("auth().memberships?[role == 'ADMIN']");
    }

    @Test
    void namesInsideResolveOnTheElementThenTheRowNeverOnTheCallersRow() {
        Bound.Quantified callersRow = (Bound.Quantified) rule("Space", "auth().memberships?[space.name == name]");
        Bound.Quantified memberships = (Bound.Quantified) ((Bound.And) callersRow.condition()).operands().get(1);
        Bound.Compare names = (Bound.Compare) memberships.condition();
        assertThat(((Bound.Field) names.right()).variable()).as("name: the Space the rule is on").isZero();
        assertThatExceptionOfType(PolicyDefinitionException.class)
            .isThrownBy(() -> rule("Post", "auth().memberships?[email == 'a']"))
            .withMessageContaining("unknown attribute 'email'");
    }

    @Test
    void aToOneOfTheAuthEntityIsReadThroughTheSameLookup() {
        DomainModel orgs = new ModelBuilder().entity("Member", "member")
            .id(ValueKind.STRING, String.class)
            .toOne("org", "Org", "org_id", true)
            .authEntity()
            .done()
            .entity("Org", "org")
            .id(ValueKind.NUMBER, Long.class)
            .scalar("plan", "plan", ValueKind.STRING, String.class, true)
            .done()
            .entity("Doc", "doc")
            .id(ValueKind.NUMBER, Long.class)
            .toOne("org", "Org", "org_id", false)
            .done()
            .build();
        PolicySet policies = PolicySet.build(orgs,
                Map.of("Doc",
                        List.of(RuleDeclaration.allow("Doc", "auth().org.plan == 'pro' && auth().org == org", READ))),
                false);
        SqlCondition alice = new SqlCompiler(orgs, policies).compile(policies.rule("Doc", READ),
                AuthPrincipal.of("alice"), null, "d", null);
        assertThat(alice.sql()).contains("FROM member").contains("FROM org").contains("d.org_id");
        assertThat(ResidualText.of(policies.rule("Doc", READ), AuthPrincipal.of("alice"), policies))
            .contains("auth().org.plan == 'pro'");
    }

    @Test
    void aNameThatIsBothAClaimAndARelationIsAStartUpError() {
        DomainModel clash = TodoModel.create("memberships");
        assertThatExceptionOfType(PolicyDefinitionException.class)
            .isThrownBy(() -> PolicySet.build(clash,
                    Map.of("Space", List.of(RuleDeclaration.allow("Space", "auth().memberships?[true]", READ))), false))
            .withMessageContaining("'memberships' is both a member of auth() (a token claim) and a relation of the"
                    + " auth entity User");
    }

    private Bound rule(String entity, String expression) {
        return policies(entity, expression).rule(entity, Operation.READ);
    }

    private PolicySet policies(String entity, String expression) {
        return PolicySet.build(todo, Map.of(entity, List.of(RuleDeclaration.allow(entity, expression, READ))), false);
    }

}

package dev.rowguard.policy.internal;

import java.util.List;
import java.util.Map;

import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.model.ValueKind;
import dev.rowguard.policy.internal.sql.ResidualText;
import dev.rowguard.policy.internal.sql.SqlCompiler;
import dev.rowguard.policy.internal.syntax.Quantifier;
import org.junit.jupiter.api.Test;

import static dev.rowguard.policy.Operation.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inverse side of a one-to-one ({@code mappedBy}) is an attribute like the owning
 * side: compared with null it asks whether there is a related row; read through, it means
 * "the related row exists and the condition holds of it", a semi-join on the foreign key
 * in the related table (ZenStack's {@code profile == null || age ==
 * profile.age}).
 */
class InverseToOneTest {

    final DomainModel model = new ModelBuilder().entity("User", "app_user")
        .id(ValueKind.NUMBER, Long.class)
        .scalar("age", "age", ValueKind.NUMBER, Integer.class, true)
        .inverseToOne("profile", "Profile", "user_id")
        .done()
        .entity("Profile", "profile")
        .id(ValueKind.NUMBER, Long.class)
        .scalar("age", "age", ValueKind.NUMBER, Integer.class, true)
        .toOne("user", "User", "user_id", false)
        .done()
        .build();

    final Attribute.ToMany profiles = new Attribute.InverseToOne("profile", "Profile", "user_id").asToMany();

    @Test
    void comparedWithNullItAsksWhetherThereIsARelatedRow() {
        Bound.Quantified none = (Bound.Quantified) rule("profile == null");
        assertThat(none.quantifier()).isEqualTo(Quantifier.NONE);
        assertThat(none.relation()).isEqualTo(profiles);
        assertThat(none.condition()).isEqualTo(Bound.Const.TRUE);
        assertThat(((Bound.Quantified) rule("null != profile")).quantifier()).isEqualTo(Quantifier.SOME);
    }

    @Test
    void readThroughItIsTheRelatedRowExistingAndTheConditionHolding() {
        Bound.Quantified some = (Bound.Quantified) rule("age == profile.age");
        assertThat(some.quantifier()).isEqualTo(Quantifier.SOME);
        assertThat(some.relation()).isEqualTo(profiles);
        Bound.Compare ages = (Bound.Compare) some.condition();
        assertThat(((Bound.Field) ages.left()).variable()).isZero();
        assertThat(((Bound.Field) ages.right()).variable()).isEqualTo(some.elementVariable());
        assertThat(rule("profile.user == this")).isInstanceOf(Bound.Quantified.class);
    }

    @Test
    void withoutARelatedRowANullTestHoldsAsForANullToOne() {
        Bound.Quantified every = (Bound.Quantified) rule("profile.age == null");
        assertThat(every.quantifier()).isEqualTo(Quantifier.EVERY);
        assertThat(((Bound.Quantified) rule("profile.age == 3")).quantifier()).isEqualTo(Quantifier.SOME);
    }

    @Test
    void zenStacksPostUpdateRuleCompilesToSemiJoinsOnTheForeignKey() {
        PolicySet policies = policies("profile == null || age == profile.age");
        String sql = new SqlCompiler(model, policies).compile(policies.rule("User", UPDATE), null, null, "u", null)
            .sql();
        assertThat(sql).contains("NOT EXISTS (SELECT 1 FROM profile").contains(".user_id = u.id");
    }

    @Test
    void thePermissionResidualWritesItBackAsTheToOneItWasBoundFrom() {
        PolicySet policies = policies("profile == null || age == profile.age");
        assertThat(ResidualText.of(policies.rule("User", UPDATE), null, policies))
            .isEqualTo("profile == null || age == profile.age");
    }

    private Bound rule(String expression) {
        return policies(expression).rule("User", Operation.UPDATE);
    }

    private PolicySet policies(String expression) {
        return PolicySet.build(model, Map.of("User", List.of(RuleDeclaration.allow("User", expression, UPDATE))),
                false);
    }

}

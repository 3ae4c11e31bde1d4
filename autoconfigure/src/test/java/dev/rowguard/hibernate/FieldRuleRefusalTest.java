package dev.rowguard.hibernate;

import java.util.List;

import dev.rowguard.hibernate.fieldrefusals.BadFieldRules;
import dev.rowguard.policy.PolicyDefinitionException;
import dev.rowguard.postgres.RlsMigrationGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A field rule that cannot stand where it is stops start-up (the same reading of the
 * mapping serves start-up and the row-level security generator) with a message naming the
 * entity, the field, the rule and what to do.
 */
class FieldRuleRefusalTest {

    @Test
    void aFieldRuleForAnOperationOtherThanReadOrUpdateIsRefused() {
        assertThat(refusal(BadFieldRules.RuleForCreate.class)).contains("RuleForCreate")
            .contains("@Allow(value = CREATE, when = \"false\") on field code")
            .contains("governs READ and UPDATE only");
    }

    @Test
    void aFieldRuleOnARelationIsRefused() {
        assertThat(refusal(BadFieldRules.RuleOnRelation.class, BadFieldRules.Target.class))
            .contains("RuleOnRelation, field other")
            .contains("not on relations");
    }

    @Test
    void aFieldRuleOnTheIdOrTheVersionIsRefused() {
        assertThat(refusal(BadFieldRules.RuleOnId.class)).contains("field id").contains("the id cannot be hidden");
        assertThat(refusal(BadFieldRules.RuleOnVersion.class)).contains("field version").contains("optimistic lock");
    }

    @Test
    void aFieldRuleOnAColumnOfAnotherTableIsRefused() {
        assertThat(refusal(BadFieldRules.RuleOnSecondaryTable.class)).contains("field extra")
            .contains("rule_on_secondary_more");
    }

    @Test
    void aFieldAFormulaReadsCannotBeHidden() {
        assertThat(refusal(BadFieldRules.RuleReadByFormula.class)).contains("field secret")
            .contains("the formula of shout reads column secret");
    }

    @Test
    void aRuleOnAFieldOfAnEmbeddableIsRefusedRatherThanIgnored() {
        assertThat(refusal(BadFieldRules.RuleInAnEmbeddable.class)).contains("field address.street")
            .contains("embeddable Address");
    }

    @Test
    void aHiddenColumnMappedTwiceIsRefused() {
        assertThat(refusal(BadFieldRules.ColumnMappedTwice.class)).contains("field code")
            .contains("mapped by codeAgain too");
    }

    @Test
    void aHiddenPrimitiveOrGeneratedFieldIsRefused() {
        assertThat(refusal(BadFieldRules.HiddenPrimitive.class)).contains("field level").contains("wrapper type");
        assertThat(refusal(BadFieldRules.HiddenGenerated.class)).contains("field stamp").contains("RETURNING");
    }

    @Test
    void aMapKeyedByAHiddenFieldIsRefused() {
        assertThat(refusal(BadFieldRules.Folder.class, BadFieldRules.Sheet.class)).contains("field label")
            .contains("sheetsByLabel")
            .contains("@MapKey");
    }

    @Test
    void aRelationJoiningOnAHiddenFieldIsRefused() {
        assertThat(refusal(BadFieldRules.Badge.class, BadFieldRules.BadgeHolder.class)).contains("field serial")
            .contains("BadgeHolder.badge joins on it");
    }

    @Test
    void aFieldRuleThatDoesNotBindNamesItsPlace() {
        assertThat(refusal(BadFieldRules.RuleThatDoesNotBind.class))
            .contains("entity BadFieldRules$RuleThatDoesNotBind")
            .contains("on field note")
            .contains("nosuch")
            .contains("^");
    }

    private static String refusal(Class<?>... entities) {
        PolicyDefinitionException refused = catchThrowableOfType(PolicyDefinitionException.class,
                () -> RlsMigrationGenerator.generate(List.of(entities),
                        RlsMigrationGenerator.Options.defaults("dev.rowguard.hibernate.fieldrefusals")));
        assertThat(refused).as("a refusal").isNotNull();
        return refused.getMessage();
    }

}

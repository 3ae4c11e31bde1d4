package dev.rowguard.policy.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.rowguard.policy.Operation;
import dev.rowguard.policy.PolicyDefinitionException;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.syntax.Expr;
import dev.rowguard.policy.internal.syntax.Parser;
import org.junit.jupiter.api.Test;

import static dev.rowguard.policy.Operation.READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Constructs ZenStack users write often: bare enum constants, negative numbers, lists of
 * more than literals. Each binds to exactly what its long form binds to, so the
 * evaluator, the filters and the generated RLS treat them alike.
 */
class ZenStackConstructsTest {

    final DomainModel todo = TodoModel.create("region");

    @Test
    void aBareEnumConstantIsTheQuotedConstant() {
        assertThat(rule("SpaceUser", "role == ADMIN")).isEqualTo(rule("SpaceUser", "role == 'ADMIN'"));
        assertThat(rule("SpaceUser", "ADMIN != role")).isEqualTo(rule("SpaceUser", "'ADMIN' != role"));
        assertThat(rule("SpaceUser", "role in [ADMIN, USER]"))
            .isEqualTo(rule("SpaceUser", "role in ['ADMIN', 'USER']"));
    }

    @Test
    void aBareNameThatIsNeitherAnAttributeNorAConstantIsReportedWithTheConstants() {
        assertThatExceptionOfType(PolicyDefinitionException.class).isThrownBy(() -> rule("SpaceUser", "role == OWNER"))
            .withMessageContaining(
                    "'OWNER' is neither an attribute of SpaceUser nor a constant of the enum [USER, ADMIN]");
        assertThatExceptionOfType(PolicyDefinitionException.class)
            .isThrownBy(() -> rule("SpaceUser", "role in [ADMIN, OWNER]"))
            .withMessageContaining("unknown attribute 'OWNER'");
    }

    @Test
    void aNegativeNumberIsALiteral() {
        Expr parsed = Parser.parse("id > -1.5");
        assertThat(((Expr.Literal) ((Expr.Binary) parsed).right()).value()).isEqualTo(new BigDecimal("-1.5"));
        assertThat(rule("SpaceUser", "id > -1")).isInstanceOf(Bound.Compare.class);
    }

    @Test
    void aListOfMoreThanLiteralsIsOneComparisonPerItem() {
        assertThat(rule("Post", "authorId in [auth().id, 'system']"))
            .isEqualTo(rule("Post", "authorId == auth().id || authorId == 'system'"));
    }

    private Bound rule(String entity, String expression) {
        return PolicySet.build(todo, Map.of(entity, List.of(RuleDeclaration.allow(entity, expression, READ))), false)
            .rule(entity, Operation.READ);
    }

}

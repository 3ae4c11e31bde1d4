package dev.rowguard.policy.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.bind.Binder;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.eval.Evaluator;
import dev.rowguard.policy.internal.sql.SqlCompiler;
import dev.rowguard.policy.internal.sql.SqlCondition;
import dev.rowguard.policy.internal.sql.SqlLiterals;
import dev.rowguard.policy.internal.syntax.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.rowguard.policy.internal.DifferentialSchema.MODEL;
import static dev.rowguard.policy.internal.DifferentialSchema.RULES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Random rules on a field (one to three allows and denies), random rows with nulls and
 * random principals: the field's mask as Rowguard writes it into statements
 * ({@code CASE WHEN <rule, values as literals> THEN column END}) shows the column on
 * exactly the rows where ZenStack's field semantics, evaluated in memory rule by rule,
 * let the caller read it (a deny that holds hides it, else some allow must hold when
 * there is any). Replay a failure with {@code -Drowguard.differential.seed=<seed>}.
 */
class FieldRulesDifferentialTest {

    static final int FIELD_RULES = 120;

    static final int PRINCIPALS = 6;

    static final Pattern PARAMETER = Pattern.compile(":rg_field\\d+");

    static DifferentialSchema schema;

    @BeforeAll
    static void createSchemaAndRandomRows() throws SQLException {
        schema = DifferentialSchema.create("field_differential");
    }

    @AfterAll
    static void close() throws SQLException {
        schema.connection.close();
    }

    @Test
    void aFieldsMaskShowsItExactlyWhereTheEvaluatorLetsTheCallerReadIt() throws SQLException {
        long seed = Long.getLong("rowguard.differential.seed", System.nanoTime());
        Random random = new Random(seed);
        PolicyGenerator generator = new PolicyGenerator(random);
        int cases = 0;
        int shownSome = 0;
        int hidSome = 0;
        for (int f = 0; f < FIELD_RULES; f++) {
            List<RuleDeclaration> onField = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int r = 0; r < count; r++) {
                String expression = generator.condition();
                onField.add((random.nextBoolean() ? RuleDeclaration.allow("Item", expression, Operation.READ)
                        : RuleDeclaration.deny("Item", expression, Operation.READ))
                    .onField("price"));
            }
            List<RuleDeclaration> itemRules = new ArrayList<>(RULES.declarations("Item"));
            itemRules.addAll(onField);
            PolicySet rules = PolicySet.build(MODEL,
                    Map.of("Owner", RULES.declarations("Owner"), "Item", itemRules, "Tag", RULES.declarations("Tag")),
                    false);
            Bound mask = rules.fieldRules().rule("Item", "price", Operation.READ);
            SqlCompiler compiler = new SqlCompiler(MODEL, rules);
            for (int p = 0; p < PRINCIPALS; p++) {
                AuthPrincipal principal = generator.principal();
                String condition = SqlLiterals.inlined(compiler.compile(mask, principal, null, "t", "rg_field"),
                        PARAMETER);
                Set<Long> shown = shown(condition, seed, onField, principal);
                Set<Long> readable = new TreeSet<>();
                for (MapRow row : schema.items().values()) {
                    if (readable(onField, row, principal, rules)) {
                        readable.add((Long) row.column("id"));
                    }
                    cases++;
                }
                shownSome += shown.isEmpty() ? 0 : 1;
                hidSome += shown.size() == schema.items().size() ? 0 : 1;
                if (!shown.equals(readable)) {
                    fail("The mask and the evaluator disagree. Replay with -Drowguard.differential.seed=" + seed
                            + "\n  rules:     " + describe(onField) + "\n  principal: "
                            + DifferentialSchema.describe(principal) + "\n  mask:      " + condition + "\n  shown:     "
                            + shown + "\n  readable:  " + readable);
                }
            }
        }
        System.out.printf("field differential: seed %d, %d cases, %d masks showed some rows, %d hid some%n", seed,
                cases, shownSome, hidSome);
        assertThat(cases).isGreaterThanOrEqualTo(10_000);
        assertThat(shownSome).as("masks that showed rows").isGreaterThan(FIELD_RULES * PRINCIPALS / 5);
        assertThat(hidSome).as("masks that hid rows").isGreaterThan(FIELD_RULES * PRINCIPALS / 5);
    }

    /** ZenStack's field semantics, rule by rule, in memory. */
    private static boolean readable(List<RuleDeclaration> onField, MapRow row, AuthPrincipal principal,
            PolicySet rules) {
        boolean anyAllow = false;
        boolean allowed = false;
        for (RuleDeclaration rule : onField) {
            Bound condition = Binder.bindCondition(MODEL, MODEL.entity("Item"), Operation.READ,
                    Parser.parse(rule.expression()));
            boolean holds = Evaluator.test(condition, row, principal, null, rules);
            if (!rule.allow() && holds) {
                return false;
            }
            anyAllow |= rule.allow();
            allowed |= rule.allow() && holds;
        }
        return !anyAllow || allowed;
    }

    private static Set<Long> shown(String condition, long seed, List<RuleDeclaration> onField,
            AuthPrincipal principal) {
        Set<Long> ids = new TreeSet<>();
        String sql = "SELECT t.id FROM d_item t WHERE (CASE WHEN " + condition + " THEN 1 END) IS NOT NULL";
        try (PreparedStatement statement = schema.connection.prepareStatement(sql);
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                ids.add(result.getLong(1));
            }
        }
        catch (SQLException ex) {
            throw new AssertionError("seed " + seed + ": the mask failed for " + describe(onField) + " as "
                    + DifferentialSchema.describe(principal) + "\n  SQL: " + sql, ex);
        }
        return ids;
    }

    private static String describe(List<RuleDeclaration> rules) {
        return String.join(" ", rules.stream().map(RuleDeclaration::describe).toList());
    }

}

package dev.rowguard.policy.internal;

import java.util.List;
import java.util.Map;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.sql.FilterShapes;
import dev.rowguard.policy.internal.sql.SqlCompiler;
import dev.rowguard.policy.internal.sql.SqlCondition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SQL the compiler emits is shaped for the planner, and principals are always
 * parameters.
 */
class SqlShapeTest {

    final DomainModel model = TodoModel.create("region");

    PolicySet policies(RuleDeclaration... rules) {
        Map<String, List<RuleDeclaration>> byEntity = new java.util.LinkedHashMap<>();
        for (RuleDeclaration rule : rules) {
            byEntity.computeIfAbsent(rule.entity(), key -> new java.util.ArrayList<>()).add(rule);
        }
        return PolicySet.build(model, byEntity, true);
    }

    SqlCondition compile(PolicySet policies, String entity, AuthPrincipal principal) {
        return new SqlCompiler(model, policies).compile(policies.rule(entity, Operation.READ), principal, null, "t",
                null);
    }

    @Test
    void theTodoRuleCompilesToTheExpertsUnionAllSemiJoin() {
        PolicySet policies = policies(RuleDeclaration.allow("Todo", "list.owner == auth()", Operation.ALL),
                RuleDeclaration.allow("Todo", "list.space.members?[user == auth()] && !list.private", Operation.ALL));
        SqlCondition sql = compile(policies, "Todo", AuthPrincipal.of("u1"));
        assertThat(sql.sql()).isEqualTo("t.list_id IN (SELECT rg2.id FROM list rg2 WHERE rg2.owner_id = ?"
                + " UNION ALL SELECT rg2.id FROM list rg2 WHERE (rg2.space_id IN (SELECT rg1.space_id FROM space_user rg1 WHERE rg1.user_id = ?)"
                + " AND (rg2.private IS NOT TRUE)))");
        assertThat(sql.parameters()).containsExactly("u1", "u1");
    }

    @Test
    void anAnonymousCallersOwnershipTestCompilesToFalse() {
        PolicySet policies = policies(RuleDeclaration.allow("Post", "auth().id == authorId", Operation.ALL));
        assertThat(compile(policies, "Post", null).sql()).isEqualTo("FALSE");
        assertThat(compile(policies, "Post", AuthPrincipal.of("alice")).sql()).isEqualTo("t.author_id = ?");
    }

    @Test
    void anAdminsQueryCarriesNoDeadPredicates() {
        PolicySet policies = policies(RuleDeclaration.allow("Post",
                "has(auth().roles, 'admin') || (auth() != null && published)", Operation.READ));
        assertThat(compile(policies, "Post", AuthPrincipal.builder("a").role("admin").build()).sql()).isEqualTo("TRUE");
        assertThat(compile(policies, "Post", AuthPrincipal.of("b")).sql()).isEqualTo("t.published");
        assertThat(compile(policies, "Post", null).sql()).isEqualTo("FALSE");
    }

    @Test
    void principalValuesAreNeverSplicedIntoTheSqlText() {
        PolicySet policies = policies(
                RuleDeclaration.allow("Post", "authorId == auth().id || title == auth().region", Operation.READ));
        AuthPrincipal hostile = AuthPrincipal.builder("x' OR '1'='1")
            .attribute("region", "'; DROP TABLE post; --")
            .build();
        SqlCondition sql = compile(policies, "Post", hostile);
        assertThat(sql.sql()).doesNotContain("DROP").doesNotContain("'1'");
        assertThat(sql.parameters()).containsExactly("x' OR '1'='1", "'; DROP TABLE post; --");
    }

    @Test
    void theCompiledShapeIsCachedAcrossPrincipals() {
        PolicySet policies = policies(RuleDeclaration.allow("Post", "auth().id == authorId", Operation.READ));
        SqlCompiler compiler = new SqlCompiler(model, policies);
        for (int i = 0; i < 50; i++) {
            compiler.compile(policies.rule("Post", Operation.READ), AuthPrincipal.of("user" + i), null, "t", null);
        }
        compiler.compile(policies.rule("Post", Operation.READ), null, null, "t", null);
        assertThat(compiler.cachedShapes()).isEqualTo(2);
    }

    @Test
    void checkInlinesTheRelatedEntitysReadRule() {
        PolicySet policies = policies(RuleDeclaration.allow("TodoList", "owner == auth()", Operation.READ),
                RuleDeclaration.allow("Todo", "check(list)", Operation.READ));
        assertThat(compile(policies, "Todo", AuthPrincipal.of("u")).sql())
            .isEqualTo("t.list_id IN (SELECT rg1.id FROM list rg1 WHERE rg1.owner_id = ?)");
    }

    @Test
    void anEnumComparedWithAConstantNameUsesItsStoredForm() {
        PolicySet policies = policies(RuleDeclaration.allow("SpaceUser", "role == 'ADMIN'", Operation.READ));
        assertThat(compile(policies, "SpaceUser", null).sql()).isEqualTo("t.role = 'ADMIN'");
    }

    /**
     * The sample's rules for its todo domain, with the hidden-reference denies the
     * default adds.
     */
    PolicySet sampleRulesWithHiddenReferences() {
        PolicySet declared = policies(RuleDeclaration.allow("User", "auth() == this", Operation.ALL),
                RuleDeclaration.allow("User", "memberships?[space.members?[user == auth()]]", Operation.READ),
                RuleDeclaration.allow("Space", "members?[user == auth()]", Operation.READ),
                RuleDeclaration.allow("Space", "orgId != null && orgId == auth().region", Operation.READ),
                RuleDeclaration.allow("SpaceUser", "space.members?[user == auth()]", Operation.READ),
                RuleDeclaration.allow("TodoList", "owner == auth() || (space.members?[user == auth()] && !private)",
                        Operation.READ),
                RuleDeclaration.allow("Todo", "list.owner == auth()", Operation.ALL),
                RuleDeclaration.allow("Todo", "list.space.members?[user == auth()] && !list.private", Operation.ALL));
        return declared.with(HiddenReferences.of(declared));
    }

    @Test
    void hiddenReferenceChecksThatABranchAlreadyImpliesAreLeftOut() {
        PolicySet policies = sampleRulesWithHiddenReferences();
        SqlCondition sql = compile(policies, "Todo", AuthPrincipal.of("1"));
        String visibleUsers = "SELECT rg%1$d.id FROM app_user rg%1$d WHERE rg%1$d.id = ? UNION ALL SELECT rg%2$d.user_id FROM space_user rg%2$d"
                + " WHERE rg%2$d.space_id IN (SELECT rg%3$d.space_id FROM space_user rg%3$d WHERE rg%3$d.user_id = ?)";
        String readableSpaces = "SELECT rg5.id FROM space rg5 WHERE (EXISTS (SELECT 1 FROM space_user rg6 WHERE rg6.space_id = rg5.id"
                + " AND rg6.user_id = ?) AND rg5.owner_id IN (" + visibleUsers.formatted(8, 9, 10) + "))";
        // Owner branch: the list's owner is the caller, so readable; member branch: the
        // space is readable
        // because the caller is a member. Neither is checked again, and no branch repeats
        // another.
        assertThat(sql.sql()).isEqualTo("(t.list_id IN ("
                + "SELECT rg19.id FROM list rg19 WHERE (rg19.owner_id = ? AND rg19.space_id IN (" + readableSpaces
                + "))"
                + " UNION ALL SELECT rg19.id FROM list rg19 WHERE ((rg19.private IS NOT TRUE) AND rg19.space_id IN ("
                + readableSpaces + ")" + " AND rg19.owner_id IN (" + visibleUsers.formatted(12, 13, 14) + ")))"
                + " AND t.owner_id IN (" + visibleUsers.formatted(16, 17, 18) + "))");
        assertThat(sql.parameters()).hasSize(11).containsOnly("1");
    }

    @Test
    void rowByRowAMembersOnlyTestOfARelatedRowProbesTheMembersByTheForeignKeyWithoutTheRelatedTable() {
        PolicySet policies = policies(RuleDeclaration.allow("Todo",
                "list.space.members?[user == auth()] || list.space.owner == auth()", Operation.READ));
        FilterShapes.FilterShape shape = FilterShapes
            .enumerate(policies.rule("Todo", Operation.READ), policies, model, "p", 8)
            .select(AuthPrincipal.of("u1"))
            .shape();

        assertThat(shape.rowSql()).startsWith("EXISTS (SELECT 1 FROM list ")
            .contains("(EXISTS (SELECT 1 FROM space_user rg1 WHERE rg1.space_id = rg2.space_id AND rg1.user_id = :p")
            .contains(" OR EXISTS (SELECT 1 FROM space rg")
            .doesNotContain(" IN (");
        assertThat(shape.sql()).contains("IN (SELECT rg1.space_id FROM space_user rg1 WHERE rg1.user_id = :p");
    }

    @Test
    void rowByRowARelatedRowAskedForItsIdComparesTheForeignKeyWithoutTheRelatedTable() {
        PolicySet policies = sampleRulesWithHiddenReferences();
        FilterShapes.FilterShape shape = FilterShapes
            .enumerate(policies.rule("Todo", Operation.READ), policies, model, "p", 8)
            .select(AuthPrincipal.of("1"))
            .shape();

        // the todo's, its list's and its space's owners: each "owner is the caller" is
        // the
        // foreign key compared, the other branch of the User rule stays a probe of the
        // members
        assertThat(shape.rowSql()).doesNotContain("app_user")
            .contains(
                    "({alias}.owner_id = :p0 OR EXISTS (SELECT 1 FROM space_user rg17 WHERE rg17.user_id = {alias}.owner_id")
            .contains("(rg19.owner_id = :p0 OR EXISTS (SELECT 1 FROM space_user rg13")
            .contains("(rg5.owner_id = :p0 OR EXISTS (SELECT 1 FROM space_user rg9");
        // the set-oriented form reads the users it builds the set of
        assertThat(shape.sql()).contains("{alias}.owner_id IN (SELECT rg16.id FROM app_user rg16 WHERE rg16.id = :p0");
    }

    @Test
    void theEntityWhoseReadRuleHasTooManyShapesIsNamedWhenEntitiesAreEnumeratedTogether() {
        PolicySet policies = policies(RuleDeclaration.allow("Todo", "auth() != null", Operation.READ),
                RuleDeclaration.allow("Post", "has(auth().roles, 'a') && published", Operation.READ),
                RuleDeclaration.allow("Post", "has(auth().roles, 'b') && title == 'x'", Operation.READ));
        Map<String, dev.rowguard.policy.internal.bind.Bound> readRules = new java.util.LinkedHashMap<>();
        readRules.put("Todo", policies.rule("Todo", Operation.READ));
        readRules.put("Post", policies.rule("Post", Operation.READ));

        assertThat(FilterShapes.enumerateAll(readRules, policies, model, "p", 8)).containsOnlyKeys("Todo", "Post");
        assertThatThrownBy(() -> FilterShapes.enumerateAll(readRules, policies, model, "p", 2))
            .isInstanceOfSatisfying(FilterShapes.TooManyShapes.class, ex -> assertThat(ex.entity()).isEqualTo("Post"))
            .hasMessage("more than 2 different SQL shapes");
    }

}

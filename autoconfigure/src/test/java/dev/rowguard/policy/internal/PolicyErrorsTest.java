package dev.rowguard.policy.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.rowguard.policy.Operation;
import dev.rowguard.policy.PolicyDefinitionException;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.model.ValueKind;
import org.junit.jupiter.api.Test;

import static dev.rowguard.policy.Operation.ALL;
import static dev.rowguard.policy.Operation.DELETE;
import static dev.rowguard.policy.Operation.POST_UPDATE;
import static dev.rowguard.policy.Operation.READ;
import static dev.rowguard.policy.Operation.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a developer sees when a policy is wrong: each kind of start-up error, with the
 * whole message (entity, annotation as declared, expression, caret, and what was
 * expected).
 */
class PolicyErrorsTest {

    final DomainModel todo = TodoModel.create("region");

    static String message(DomainModel model, RuleDeclaration... rules) {
        Map<String, List<RuleDeclaration>> byEntity = new LinkedHashMap<>();
        for (RuleDeclaration rule : rules) {
            byEntity.computeIfAbsent(rule.entity(), key -> new ArrayList<>()).add(rule);
        }
        return catchThrowableOfType(PolicyDefinitionException.class, () -> PolicySet.build(model, byEntity, false))
            .getMessage();
    }

    String allow(String entity, String expression, Operation... operations) {
        return message(todo, RuleDeclaration.allow(entity, expression, operations));
    }

    // --- syntax ---

    @Test
    void anUnbalancedParenthesisIsReportedWhereTheClosingOneIsMissing() {
        assertThat(allow("Todo", "(title == 'a' && owner == auth()", READ)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = READ, when = "(title == 'a' && owner == auth()")
                    (title == 'a' && owner == auth()
                                                    ^
                  expected ')' to close the parenthesis opened but found the end of the expression (column 33)""");
    }

    @Test
    void mixingAndAndOrWithoutParenthesesIsReportedWithBothReadings() {
        assertThat(allow("Todo", "private || auth() != null && owner == auth()", READ)).isEqualTo(
                """
                        Invalid policy on entity Todo:
                          @Allow(value = READ, when = "private || auth() != null && owner == auth()")
                            private || auth() != null && owner == auth()
                                                      ^
                          '&&' and '||' are mixed without parentheses, which ZenStack reads left to right as (private || auth() != null) && owner == auth() and Rowguard would read as private || (auth() != null && owner == auth()); write the parentheses you mean (column 27)""");
    }

    @Test
    void parenthesesSayHowAndAndOrCombine() {
        assertThat(PolicySet.build(todo, Map.of("TodoList",
                List.of(RuleDeclaration.allow("TodoList", "private || (auth() != null && owner == auth())", READ),
                        RuleDeclaration.allow("TodoList", "(private || auth() != null) && owner == auth()", UPDATE),
                        RuleDeclaration.allow("TodoList", "private && title == 'a' && owner == auth()", DELETE))),
                false)
            .entities()).contains("TodoList");
    }

    @Test
    void anUnterminatedStringIsReportedAtItsOpeningQuote() {
        assertThat(allow("Todo", "title == \"abc", READ)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = READ, when = "title == \\"abc")
                    title == "abc
                             ^
                  unterminated string (column 10)""");
    }

    @Test
    void anUnknownCharacterIsReportedAtItsColumn() {
        assertThat(allow("Todo", "title # 'a'", READ)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = READ, when = "title # 'a'")
                    title # 'a'
                          ^
                  unexpected character '#' (column 7)""");
    }

    @Test
    void aSingleEqualsSignIsReportedWithTheOperatorMeant() {
        assertThat(allow("Todo", "title = 'a'", READ)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = READ, when = "title = 'a'")
                    title = 'a'
                          ^
                  unexpected '=': did you mean '=='? (column 7)""");
    }

    @Test
    void trailingInputAfterACompleteExpressionIsReported() {
        assertThat(allow("Todo", "owner == auth() owner", READ)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = READ, when = "owner == auth() owner")
                    owner == auth() owner
                                    ^
                  unexpected 'owner' after a complete expression (column 17)""");
        assertThat(allow("Todo", "title == 'a')", READ)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = READ, when = "title == 'a')")
                    title == 'a')
                                ^
                  unexpected ')' after a complete expression (column 13)""");
    }

    @Test
    void anEmptyExpressionIsReported() {
        // The expression line is blank: built by hand because a text block strips
        // trailing spaces.
        String expected = "Invalid policy on entity Todo:\n" + "  @Allow(value = READ, when = \"  \")\n" + "      \n"
                + "    ^\n" + "  the expression is empty (column 1)";
        assertThat(allow("Todo", "  ", READ)).isEqualTo(expected);
    }

    @Test
    void chainedComparisonsAreReportedAtTheSecondOperator() {
        assertThat(allow("Todo", "'a' < title < 'z'", READ)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = READ, when = "'a' < title < 'z'")
                    'a' < title < 'z'
                                ^
                  comparisons do not chain: add parentheses or use && (column 13)""");
    }

    @Test
    void theCaretCountsColumnsOfAnExpressionWrittenOnSeveralLines() {
        assertThat(allow("Todo", "owner == auth()\n\t|| titel == 'x'", READ)).isEqualTo(
                """
                        Invalid policy on entity Todo:
                          @Allow(value = READ, when = "owner == auth()\n\t|| titel == 'x'")
                            owner == auth()  || titel == 'x'
                                                ^
                          unknown attribute 'titel' of Todo; its attributes are: completedAt, id, list, owner, title (column 21)""");
    }

    // --- names ---

    @Test
    void anUnknownAttributeIsReportedWithTheAttributesThatExist() {
        assertThat(allow("Todo", "titel == 'a'", READ)).isEqualTo(
                """
                        Invalid policy on entity Todo:
                          @Allow(value = READ, when = "titel == 'a'")
                            titel == 'a'
                            ^
                          unknown attribute 'titel' of Todo; its attributes are: completedAt, id, list, owner, title (column 1)""");
    }

    @Test
    void anUnknownAttributeBehindARelationListsTheRelatedEntitysAttributes() {
        assertThat(allow("Todo", "list.titel == 'x'", READ)).isEqualTo(
                """
                        Invalid policy on entity Todo:
                          @Allow(value = READ, when = "list.titel == 'x'")
                            list.titel == 'x'
                                 ^
                          unknown attribute 'titel' of TodoList; its attributes are: id, owner, private, space, title, todos (column 6)""");
    }

    @Test
    void anUnknownAttributeInsideACollectionPredicateListsTheElementsAttributes() {
        assertThat(allow("TodoList", "todos?[titel == 'x']", READ)).isEqualTo(
                """
                        Invalid policy on entity TodoList:
                          @Allow(value = READ, when = "todos?[titel == 'x']")
                            todos?[titel == 'x']
                                   ^
                          unknown attribute 'titel' of Todo; its attributes are: completedAt, id, list, owner, title (column 8)""");
    }

    @Test
    void aToOneRelationComparedWithAScalarIsReported() {
        assertThat(allow("Todo", "list == 'x'", READ)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = READ, when = "list == 'x'")
                    list == 'x'
                            ^
                  expected an entity to compare with, but this is a string (column 9)""");
        assertThat(allow("Todo", "list", READ)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = READ, when = "list")
                    list
                    ^
                  expected a condition (true or false) but this is an entity (TodoList) (column 1)""");
    }

    @Test
    void aScalarTraversedWithADotIsReported() {
        assertThat(allow("Todo", "title.length > 3", READ)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = READ, when = "title.length > 3")
                    title.length > 3
                          ^
                  'length' cannot be read from a string (column 7)""");
    }

    @Test
    void aToManyRelationComparedDirectlyIsReportedWithTheCollectionPredicates() {
        assertThat(allow("TodoList", "todos == null", READ)).isEqualTo(
                """
                        Invalid policy on entity TodoList:
                          @Allow(value = READ, when = "todos == null")
                            todos == null
                                  ^
                          a to-many relation cannot be compared; use a collection predicate such as relation?[condition], or isEmpty(relation) (column 7)""");
    }

    @Test
    void aToManyRelationTraversedWithADotIsReported() {
        assertThat(allow("TodoList", "todos.title == 'x'", READ)).isEqualTo("""
                Invalid policy on entity TodoList:
                  @Allow(value = READ, when = "todos.title == 'x'")
                    todos.title == 'x'
                          ^
                  'title' cannot be read from a to-many relation (of Todo) (column 7)""");
    }

    @Test
    void aCollectionPredicateOnAToOneRelationIsReported() {
        assertThat(allow("Todo", "list?[private]", READ)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = READ, when = "list?[private]")
                    list?[private]
                        ^
                  '?[ ]' needs a to-many relation on its left, but this is an entity (TodoList) (column 5)""");
    }

    // --- types ---

    @Test
    void aStringComparedWithANumberIsReported() {
        assertThat(allow("Todo", "title == 1", READ)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = READ, when = "title == 1")
                    title == 1
                          ^
                  cannot compare a string with a number (column 7)""");
    }

    @Test
    void aStringOperandOfAndIsReportedAsNotACondition() {
        assertThat(allow("Todo", "owner == auth() && title", READ)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = READ, when = "owner == auth() && title")
                    owner == auth() && title
                                       ^
                  expected a condition (true or false) but this is a string (column 20)""");
    }

    @Test
    void anEnumComparedWithAnUnknownConstantListsTheConstants() {
        assertThat(allow("SpaceUser", "role == 'ADMNI'", READ)).isEqualTo("""
                Invalid policy on entity SpaceUser:
                  @Allow(value = READ, when = "role == 'ADMNI'")
                    role == 'ADMNI'
                         ^
                  'ADMNI' is not one of the enum's constants [USER, ADMIN] (column 6)""");
    }

    /**
     * Fails today: a misspelt constant in an 'in' list is accepted, and the rule silently
     * never matches it.
     */
    @Test
    void anEnumTestedAgainstAListWithAnUnknownConstantIsReported() {
        assertThatThrownBy(
                () -> PolicySet.build(todo,
                        Map.of("SpaceUser",
                                List.of(RuleDeclaration.allow("SpaceUser", "role in ['ADMIN', 'OWNR']", READ))),
                        false))
            .isInstanceOf(PolicyDefinitionException.class)
            .hasMessageContaining("'OWNR' is not one of the enum's constants [USER, ADMIN]");
    }

    /** Fails today: the message says "enumss". */
    @Test
    void anEnumCannotBeOrdered() {
        assertThat(allow("SpaceUser", "role > 'USER'", READ)).isEqualTo("""
                Invalid policy on entity SpaceUser:
                  @Allow(value = READ, when = "role > 'USER'")
                    role > 'USER'
                         ^
                  '>' orders numbers, strings and dates, not enums (column 6)""");
    }

    @Test
    void aDateComparedWithAStringIsReported() {
        assertThat(allow("Todo", "completedAt < 'tomorrow'", READ)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = READ, when = "completedAt < 'tomorrow'")
                    completedAt < 'tomorrow'
                                ^
                  cannot compare a temporal with a string (column 13)""");
    }

    @Test
    void aListComparedWithEqualsPointsToTheListFunctions() {
        assertThat(allow("Todo", "auth().roles == 'admin'", READ)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = READ, when = "auth().roles == 'admin'")
                    auth().roles == 'admin'
                                 ^
                  a list cannot be compared with ==; use has(), hasSome(), hasEvery() or 'in' (column 14)""");
    }

    // --- auth() ---

    @Test
    void anUnknownAuthMemberListsTheKnownOnesAndTheConfigurationProperty() {
        assertThat(allow("Todo", "auth().tenant == 'acme'", READ)).isEqualTo(
                """
                        Invalid policy on entity Todo:
                          @Allow(value = READ, when = "auth().tenant == 'acme'")
                            auth().tenant == 'acme'
                                   ^
                          auth() has no member 'tenant'; it has: email, id, orgId, orgPermissions, orgRole, provider, region, roles (declare more under rowguard.auth.attributes) (column 8)""");
    }

    @Test
    void authComparedWithAnotherEntityThanTheAuthEntityIsReported() {
        assertThat(allow("Todo", "auth() == list", READ)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = READ, when = "auth() == list")
                    auth() == list
                           ^
                  cannot compare an entity (User) with an entity (TodoList) (column 8)""");
    }

    @Test
    void authComparedWithAnEntityNeedsAnAuthEntity() {
        DomainModel noAuthEntity = new ModelBuilder().entity("Note", "note")
            .id(ValueKind.NUMBER, Long.class)
            .scalar("ownerId", "owner_id", ValueKind.STRING, String.class, false)
            .done()
            .build();
        assertThat(message(noAuthEntity, RuleDeclaration.allow("Note", "auth() == this", READ))).isEqualTo(
                """
                        Invalid policy on entity Note:
                          @Allow(value = READ, when = "auth() == this")
                            auth() == this
                            ^
                          auth() can only be compared with an entity when one entity is marked @AuthEntity; compare auth().id with a column instead (column 1)""");
    }

    // --- before() ---

    @Test
    void beforeOutsidePostUpdateIsReported() {
        assertThat(allow("Todo", "before().title == title", READ, POST_UPDATE)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = {READ, POST_UPDATE}, when = "before().title == title")
                    before().title == title
                    ^
                  before() is only allowed in POST_UPDATE rules (column 1)""");
        // ALL does not cover POST_UPDATE, so before() is an error there too.
        assertThat(allow("Todo", "before().title == title", ALL))
            .endsWith("before() is only allowed in POST_UPDATE rules (column 1)");
    }

    @Test
    void beforeReachesARelationsIdOnly() {
        assertThat(allow("Todo", "before().list.title == list.title", POST_UPDATE)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = POST_UPDATE, when = "before().list.title == list.title")
                    before().list.title == list.title
                                  ^
                  before() reaches the entity's own columns only; use before().list.id (column 15)""");
    }

    @Test
    void beforeCannotReachAToManyRelation() {
        assertThat(allow("TodoList", "isEmpty(before().todos)", POST_UPDATE)).isEqualTo("""
                Invalid policy on entity TodoList:
                  @Allow(value = POST_UPDATE, when = "isEmpty(before().todos)")
                    isEmpty(before().todos)
                                     ^
                  before() reaches the entity's own columns only, not the to-many 'todos' (column 18)""");
    }

    @Test
    void anUnknownAttributeOfBeforeIsReported() {
        assertThat(allow("Todo", "before().titel == title", POST_UPDATE)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = POST_UPDATE, when = "before().titel == title")
                    before().titel == title
                             ^
                  unknown attribute 'titel' of Todo (column 10)""");
    }

    // --- check() ---

    @Test
    void checkOnAToManyRelationIsReported() {
        assertThat(allow("TodoList", "check(todos)", READ)).isEqualTo("""
                Invalid policy on entity TodoList:
                  @Allow(value = READ, when = "check(todos)")
                    check(todos)
                          ^
                  check() needs a to-one relation, e.g. check(list) or check(list, 'read') (column 7)""");
    }

    @Test
    void checkOnAScalarOrOnThisIsReported() {
        assertThat(allow("Todo", "check(title)", READ)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = READ, when = "check(title)")
                    check(title)
                          ^
                  check() needs a to-one relation, e.g. check(list) or check(list, 'read') (column 7)""");
        assertThat(allow("Todo", "check(this)", READ))
            .endsWith("check() needs a to-one relation, e.g. check(list) or check(list, 'read') (column 7)");
    }

    @Test
    void checkWithAnUnknownOperationListsTheOperations() {
        assertThat(allow("Todo", "check(list, 'publish')", UPDATE)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = UPDATE, when = "check(list, 'publish')")
                    check(list, 'publish')
                                ^
                  unknown operation 'publish'; expected 'create', 'read', 'update' or 'delete' (column 13)""");
        assertThat(allow("Todo", "check(list, 'all')", UPDATE))
            .endsWith("check() takes 'create', 'read', 'update' or 'delete' (column 13)");
        assertThat(allow("Todo", "check(list, read)", UPDATE))
            .endsWith("the operation of check() is a string: 'create', 'read', 'update' or 'delete' (column 13)");
    }

    /** Fails today: the same cycle is reported once per entity on it, as two problems. */
    @Test
    void checkCallsThatFormACycleBetweenTwoEntitiesAreReportedOnce() {
        DomainModel model = new ModelBuilder().entity("Employee", "employee")
            .id(ValueKind.NUMBER, Long.class)
            .toOne("department", "Department", "department_id", true)
            .done()
            .entity("Department", "department")
            .id(ValueKind.NUMBER, Long.class)
            .toOne("manager", "Employee", "manager_id", true)
            .done()
            .build();
        assertThat(message(model, RuleDeclaration.allow("Employee", "check(department)", READ),
                RuleDeclaration.allow("Department", "check(manager)", READ)))
            .isEqualTo(
                    "Invalid policies: check() calls form a cycle: Employee.read -> Department.read -> Employee.read."
                            + " Write the condition out on one side instead of calling check() back.");
    }

    // --- functions ---

    @Test
    void anUnknownFunctionListsTheFunctions() {
        assertThat(allow("Todo", "lower(title) == 'a'", READ)).isEqualTo(
                """
                        Invalid policy on entity Todo:
                          @Allow(value = READ, when = "lower(title) == 'a'")
                            lower(title) == 'a'
                            ^
                          unknown function 'lower'; the functions are: auth, before, check, contains, currentModel, currentOperation, endsWith, has, hasEvery, hasSome, isEmpty, now, startsWith (column 1)""");
    }

    @Test
    void aFunctionCalledWithTheWrongNumberOfArgumentsIsReported() {
        assertThat(allow("Todo", "owner == auth() || startsWith(title)", READ)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = READ, when = "owner == auth() || startsWith(title)")
                    owner == auth() || startsWith(title)
                                       ^
                  startsWith() takes 2 to 3 arguments, not 1 (column 20)""");
        assertThat(allow("Todo", "auth(owner) == null", READ)).endsWith("auth() takes 0 arguments, not 1 (column 1)");
        assertThat(allow("Todo", "isEmpty()", READ)).endsWith("isEmpty() takes 1 argument, not 0 (column 1)");
    }

    @Test
    void theCaseFlagOfAStringFunctionMustBeABooleanLiteral() {
        assertThat(allow("Todo", "contains(title, 'x', 'yes')", READ)).isEqualTo("""
                Invalid policy on entity Todo:
                  @Allow(value = READ, when = "contains(title, 'x', 'yes')")
                    contains(title, 'x', 'yes')
                                         ^
                  the third argument of contains() is the literal true or false (ignore case) (column 22)""");
    }

    // --- together ---

    @Test
    void everyProblemOfAStartUpIsReportedTogether() {
        PolicyDefinitionException error = catchThrowableOfType(PolicyDefinitionException.class,
                () -> PolicySet.build(todo,
                        Map.of("Todo",
                                List.of(RuleDeclaration.allow("Todo", "owner == auth()", ALL),
                                        RuleDeclaration.allow("Todo", "titel == 'a'", READ),
                                        RuleDeclaration.deny("Todo", "completedAt != null &&", DELETE)),
                                "Post", List.of(RuleDeclaration.allow("Post", "auth().tenant == 'acme'", READ))),
                        false));
        assertThat(error.problems()).hasSize(3);
        assertThat(error.getMessage()).startsWith("3 policy problems:\n\n");
        assertThat(error.getMessage()).contains("""
                Invalid policy on entity Todo:
                  @Allow(value = READ, when = "titel == 'a'")
                    titel == 'a'
                    ^
                  unknown attribute 'titel' of Todo; its attributes are: completedAt, id, list, owner, title (column 1)

                Invalid policy on entity Todo:
                  @Deny(value = DELETE, when = "completedAt != null &&")
                    completedAt != null &&
                                          ^
                  the expression ends too early: expected a value, a name or '(' (column 23)""");
        assertThat(error.getMessage()).contains("""
                Invalid policy on entity Post:
                  @Allow(value = READ, when = "auth().tenant == 'acme'")""");
    }

}

package dev.rowguard.policy.internal.bind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.model.EntityModel;
import dev.rowguard.policy.internal.model.ValueKind;
import dev.rowguard.policy.internal.syntax.BinaryOperator;
import dev.rowguard.policy.internal.syntax.Expr;
import dev.rowguard.policy.internal.syntax.PolicySyntaxException;
import dev.rowguard.policy.internal.syntax.Quantifier;

import org.jspecify.annotations.Nullable;

/**
 * Resolves every name of a parsed policy against the domain model and checks operand
 * types, producing a {@link Bound} tree. Mistakes are reported with the position they
 * were found at.
 */
public final class Binder {

    private final DomainModel model;

    private final Operation operation;

    private final List<EntityModel> scopes = new ArrayList<>();

    /** The name each scope's row is bound to ({@code rel?[m, ...]}), null where none. */
    private final List<@Nullable String> bindings = new ArrayList<>();

    /**
     * Rows a path reaches through something other than a foreign key of its own (the
     * caller's row for {@code auth().rel}, the row on the inverse side of a one-to-one),
     * innermost last: each is a scope names never resolve on, lifted around the condition
     * that reads it.
     */
    private final List<Lifted> lifted = new ArrayList<>();

    /**
     * @param variable the scope of the reached row
     * @param owner the row it is reached from ({@code this} for the caller's row)
     * @param relation the rows it is one of: the auth entity's, or the inverse side's
     * @param callersRow whether it is the caller's row, looked up by {@code auth().id}
     */
    private record Lifted(int variable, int owner, List<Attribute.ToOne> hops, Attribute.ToMany relation,
            boolean callersRow) {
    }

    private Binder(DomainModel model, EntityModel root, Operation operation) {
        this.model = model;
        this.operation = operation;
        this.scopes.add(root);
        this.bindings.add(null);
    }

    /**
     * Binds a condition; the rule's operation decides whether {@code before()} is
     * allowed.
     */
    public static Bound bindCondition(DomainModel model, EntityModel root, Operation operation, Expr expr) {
        Binder binder = new Binder(model, root, operation);
        return binder.condition(expr);
    }

    private Bound condition(Expr expr) {
        int before = lifted.size();
        Bound bound = bind(expr);
        if (!bound.type().isBoolean()) {
            throw error(expr, "expected a condition (true or false) but this is " + bound.type().describe());
        }
        return lift(bound, before);
    }

    private boolean isLifted(int variable) {
        return lifted.stream().anyMatch(row -> row.variable() == variable);
    }

    /**
     * Each row a condition reads through {@code auth().rel} or the inverse side of a
     * one-to-one becomes "such a row exists and the condition holds of it": a collection
     * predicate around the condition, over the auth entity's rows where the caller's row
     * is the one whose id is {@code auth().id} (false for an anonymous caller), or over
     * the (at most one) rows on the inverse side. A semi-join in SQL.
     */
    private Bound lift(Bound condition, int from) {
        Bound result = condition;
        while (lifted.size() > from) {
            Lifted row = lifted.remove(lifted.size() - 1);
            boolean universal = trueWithoutTheRow(result, row.variable());
            if (row.callersRow()) {
                EntityModel authEntity = scopes.get(row.variable());
                Bound isCaller = new Bound.Compare(BinaryOperator.EQ,
                        new Bound.Field(row.variable(), List.of(), authEntity.requiredId()),
                        new Bound.AuthValue(new AuthMember("id", false)));
                result = universal ? new Bound.Or(List.of(new Bound.Not(isCaller), result))
                        : new Bound.And(List.of(isCaller, result));
            }
            result = new Bound.Quantified(universal ? Quantifier.EVERY : Quantifier.SOME, row.owner(), row.hops(),
                    row.relation(), row.variable(), result);
            dropScope(row.variable());
        }
        return result;
    }

    /**
     * Whether a condition about a lifted row holds when there is no such row, as it does
     * for a to-one that is null: a null test, and a collection predicate that holds for
     * an empty collection ({@code ![ ]}, {@code ^[ ]}, {@code isEmpty}). Those are lifted
     * as "every such row satisfies it", the others as "some such row does".
     */
    private static boolean trueWithoutTheRow(Bound condition, int variable) {
        if (condition instanceof Bound.IsNull isNull) {
            return BoundRewriter.anyNode(isNull.operand(),
                    node -> node instanceof Bound.Field field && field.variable() == variable);
        }
        return condition instanceof Bound.Quantified quantified && quantified.variable() == variable
                && quantified.quantifier() != Quantifier.SOME;
    }

    private void dropScope(int variable) {
        scopes.remove(variable);
        bindings.remove(variable);
    }

    /** A new scope for a lifted row, reached from {@code owner}. */
    private Bound.EntityPath liftedRow(EntityModel entity, int owner, List<Attribute.ToOne> hops,
            Attribute.ToMany relation, boolean callersRow) {
        scopes.add(entity);
        bindings.add(null);
        int variable = scopes.size() - 1;
        lifted.add(new Lifted(variable, owner, hops, relation, callersRow));
        return new Bound.EntityPath(variable, List.of(), entity);
    }

    /**
     * {@code x == null} / {@code x != null} on a row just reached through the inverse
     * side of a one-to-one: whether there is one, instead of a lifted row's id being
     * null.
     */
    private @Nullable Bound inverseSideNullTest(Bound operand, boolean isNull) {
        if (!(operand instanceof Bound.EntityPath path) || !path.hops().isEmpty() || lifted.isEmpty()) {
            return null;
        }
        Lifted row = lifted.get(lifted.size() - 1);
        if (row.variable() != path.variable() || row.callersRow()) {
            return null;
        }
        lifted.remove(lifted.size() - 1);
        dropScope(row.variable());
        return new Bound.Quantified(isNull ? Quantifier.NONE : Quantifier.SOME, row.owner(), row.hops(), row.relation(),
                row.variable(), Bound.Const.TRUE);
    }

    /**
     * {@code auth().rel}: a relation of the auth entity, reached from the caller's row.
     * Null when the name is no relation of it.
     */
    private @Nullable Bound authRelation(Expr.Member member) {
        EntityModel authEntity = model.authEntity();
        Attribute attribute = authEntity == null ? null : authEntity.attribute(member.name());
        if (authEntity == null || attribute == null || attribute instanceof Attribute.Scalar) {
            return null;
        }
        if (AuthMember.resolve(member.name(), model.authAttributes()) != null) {
            throw error(member, "'" + member.name() + "' is both a member of auth() (a token claim) and a relation of"
                    + " the auth entity " + authEntity.name() + "; rename the relation or the attribute");
        }
        if (authEntity.id() == null) {
            throw error(member, "auth()." + member.name() + " needs the auth entity " + authEntity.name()
                    + " to have a single-column id");
        }
        return attributeOf(liftedRow(authEntity, 0, List.of(), Attribute.ToMany.authRows(authEntity.name()), true),
                attribute);
    }

    private Bound bind(Expr expr) {
        if (expr instanceof Expr.Literal literal) {
            return literal(literal);
        }
        if (expr instanceof Expr.ListLiteral list) {
            return list(list);
        }
        if (expr instanceof Expr.Name name) {
            return name(name);
        }
        if (expr instanceof Expr.This) {
            return new Bound.EntityPath(0, List.of(), scopes.get(0));
        }
        if (expr instanceof Expr.Member member) {
            return member(member);
        }
        if (expr instanceof Expr.Not not) {
            return new Bound.Not(condition(not.operand()));
        }
        if (expr instanceof Expr.Binary binary) {
            return binary(binary);
        }
        if (expr instanceof Expr.Quantified quantified) {
            return quantified(quantified);
        }
        return call((Expr.Call) expr);
    }

    private static Bound literal(Expr.Literal literal) {
        Object value = literal.value();
        if (value == null) {
            return new Bound.Const(null, Type.NULL);
        }
        if (value instanceof Boolean) {
            return new Bound.Const(value, Type.BOOLEAN);
        }
        if (value instanceof BigDecimal) {
            return new Bound.Const(value, Type.NUMBER);
        }
        return new Bound.Const(value, Type.STRING);
    }

    private Bound list(Expr.ListLiteral list) {
        List<Object> values = new ArrayList<>();
        for (Expr item : list.items()) {
            if (!(item instanceof Expr.Literal literal) || literal.value() == null) {
                throw error(item, "list items must be literal strings, numbers or booleans");
            }
            values.add(literal.value());
        }
        return new Bound.ConstList(List.copyOf(values));
    }

    private Bound name(Expr.Name name) {
        int bound = bindings.lastIndexOf(name.name());
        if (bound >= 0) {
            return new Bound.EntityPath(bound, List.of(), scopes.get(bound));
        }
        for (int variable = scopes.size() - 1; variable >= 0; variable--) {
            if (isLifted(variable)) {
                continue;
            }
            Attribute attribute = scopes.get(variable).attribute(name.name());
            if (attribute != null) {
                return attributeOf(new Bound.EntityPath(variable, List.of(), scopes.get(variable)), attribute);
            }
        }
        EntityModel innermost = scopes.get(scopes.size() - 1);
        throw error(name, "unknown attribute '" + name.name() + "' of " + innermost.name() + "; its attributes are: "
                + String.join(", ", new TreeSet<>(innermost.attributes().keySet())));
    }

    private Bound member(Expr.Member member) {
        Bound target = bind(member.target());
        if (target instanceof Bound.EntityPath entity) {
            Attribute attribute = entity.entity().attribute(member.name());
            if (attribute == null) {
                throw error(member,
                        "unknown attribute '" + member.name() + "' of " + entity.entity().name()
                                + "; its attributes are: "
                                + String.join(", ", new TreeSet<>(entity.entity().attributes().keySet())));
            }
            return attributeOf(entity, attribute);
        }
        if (target instanceof Bound.AuthSelf) {
            Bound relation = authRelation(member);
            if (relation != null) {
                return relation;
            }
            AuthMember authMember = AuthMember.resolve(member.name(), model.authAttributes());
            if (authMember == null) {
                throw error(member,
                        "auth() has no member '" + member.name() + "'; it has: "
                                + String.join(", ", AuthMember.known(model.authAttributes()))
                                + " (declare more under rowguard.auth.attributes)");
            }
            return new Bound.AuthValue(authMember);
        }
        if (target.type().kind() == Type.Kind.BEFORE) {
            Attribute attribute = scopes.get(0).attribute(member.name());
            if (attribute == null) {
                throw error(member, "unknown attribute '" + member.name() + "' of " + scopes.get(0).name());
            }
            if (attribute instanceof Attribute.Scalar scalar) {
                return new Bound.BeforeValue(scalar, BindTypes.of(scalar));
            }
            if (attribute instanceof Attribute.ToOne toOne) {
                return new Bound.BeforeValue(toOne, Type.entity(toOne.targetEntity()));
            }
            throw error(member,
                    "before() reaches the entity's own columns only, not the to-many '" + attribute.name() + "'");
        }
        if (target instanceof Bound.BeforeValue before && before.attribute() instanceof Attribute.ToOne toOne) {
            EntityModel related = model.entity(toOne.targetEntity());
            if (member.name().equals(related.requiredId().name())) {
                return new Bound.BeforeValue(toOne, BindTypes.of(related.requiredId()));
            }
            throw error(member, "before() reaches the entity's own columns only; use before()." + toOne.name() + "."
                    + related.requiredId().name());
        }
        throw error(member, "'" + member.name() + "' cannot be read from " + target.type().describe());
    }

    private Bound attributeOf(Bound.EntityPath owner, Attribute attribute) {
        if (attribute instanceof Attribute.InverseToOne inverse) {
            return liftedRow(model.entity(inverse.targetEntity()), owner.variable(), owner.hops(), inverse.asToMany(),
                    false);
        }
        if (attribute instanceof Attribute.Scalar scalar) {
            return new Bound.Field(owner.variable(), owner.hops(), scalar);
        }
        if (attribute instanceof Attribute.ToOne toOne) {
            return new Bound.EntityPath(owner.variable(), append(owner.hops(), toOne),
                    model.entity(toOne.targetEntity()));
        }
        return new Bound.ToManyPath(owner.variable(), owner.hops(), (Attribute.ToMany) attribute);
    }

    private Bound binary(Expr.Binary binary) {
        BinaryOperator operator = binary.operator();
        if (operator == BinaryOperator.AND || operator == BinaryOperator.OR) {
            Bound left = condition(binary.left());
            Bound right = condition(binary.right());
            return operator == BinaryOperator.AND ? new Bound.And(List.of(left, right))
                    : new Bound.Or(List.of(left, right));
        }
        requireKnownOperationName(binary.left(), binary.right());
        requireKnownOperationName(binary.right(), binary.left());
        if (operator == BinaryOperator.IN) {
            Bound value = bind(binary.left());
            return binary.right() instanceof Expr.ListLiteral items ? inList(binary, value, items)
                    : in(binary, value, bind(binary.right()));
        }
        Bound left = enumConstantOr(binary.left(), binary.right());
        Bound right = enumConstantOr(binary.right(), binary.left());
        boolean leftNull = left.type().kind() == Type.Kind.NULL;
        boolean rightNull = right.type().kind() == Type.Kind.NULL;
        if (leftNull || rightNull) {
            if (operator != BinaryOperator.EQ && operator != BinaryOperator.NE) {
                throw error(binary, "null can only be compared with == or !=");
            }
            Bound other = leftNull ? right : left;
            if (other.type().kind() != Type.Kind.AUTH) {
                rejectCollections(binary, other);
            }
            Bound inverseSide = inverseSideNullTest(other, operator == BinaryOperator.EQ);
            if (inverseSide != null) {
                return inverseSide;
            }
            Bound test = leftNull && rightNull ? Bound.Const.TRUE : new Bound.IsNull(identity(binary, other));
            return operator == BinaryOperator.EQ ? test : new Bound.Not(test);
        }
        if (isEntityLike(left) || isEntityLike(right)) {
            return entityComparison(binary, left, right);
        }
        rejectCollections(binary, left);
        rejectCollections(binary, right);
        checkComparable(binary, left.type(), right.type());
        return constantOr(new Bound.Compare(operator, left, right));
    }

    /**
     * An equality of two constants ({@code currentOperation() == 'create'}) decided here,
     * so it never reaches the evaluator or SQL; anything else as it is.
     */
    private static Bound constantOr(Bound test) {
        if (test instanceof Bound.Compare compare && compare.left() instanceof Bound.Const left
                && compare.right() instanceof Bound.Const right && left.value() instanceof String a
                && right.value() instanceof String b) {
            if (compare.operator() == BinaryOperator.EQ || compare.operator() == BinaryOperator.NE) {
                return Bound.Const.of(a.equals(b) == (compare.operator() == BinaryOperator.EQ));
            }
        }
        if (test instanceof Bound.In in && in.value() instanceof Bound.Const value
                && value.value() instanceof String text && in.list() instanceof Bound.ConstList list) {
            return Bound.Const.of(list.values().contains(text));
        }
        return test;
    }

    /**
     * {@code x in [a, b]}: a list of literals stays one list; one with other items
     * ({@code ownerId in [auth().id, 'system']}) is {@code x == a || x == b}. Bare names
     * of the enum's constants are constants ({@code role in [ADMIN, OWNER]}).
     */
    private Bound inList(Expr.Binary binary, Bound value, Expr.ListLiteral items) {
        List<Expr> literal = new ArrayList<>();
        for (Expr item : items.items()) {
            Bound constant = enumConstant(item, value);
            literal.add(constant != null ? new Expr.Literal(((Bound.Const) constant).value(), item.position()) : item);
        }
        if (literal.stream().allMatch(item -> item instanceof Expr.Literal constant && constant.value() != null)) {
            return in(binary, value, list(new Expr.ListLiteral(literal, items.position())));
        }
        requireScalar(binary.left(), value);
        List<Bound> alternatives = new ArrayList<>();
        for (Expr item : literal) {
            Bound bound = bind(item);
            rejectCollections(binary, bound);
            checkComparable(binary, value.type(), bound.type());
            alternatives.add(new Bound.Compare(BinaryOperator.EQ, value, bound));
        }
        return alternatives.isEmpty() ? Bound.Const.FALSE
                : alternatives.size() == 1 ? alternatives.get(0) : new Bound.Or(alternatives);
    }

    /**
     * A bare name on one side of a comparison whose other side is an enum, naming one of
     * its constants and no attribute: {@code role == ADMIN}. Otherwise the side bound as
     * usual.
     */
    private Bound enumConstantOr(Expr side, Expr otherSide) {
        if (side instanceof Expr.Name && !resolves((Expr.Name) side)
                && (otherSide instanceof Expr.Name || otherSide instanceof Expr.Member)) {
            Bound enumSide = bind(otherSide);
            Bound constant = enumConstant(side, enumSide);
            if (constant != null) {
                return constant;
            }
            if (enumSide.type().is(ValueKind.ENUM)) {
                throw error(side,
                        "'" + ((Expr.Name) side).name() + "' is neither an attribute of "
                                + scopes.get(scopes.size() - 1).name() + " nor a constant of the enum "
                                + enumSide.type().enumConstants());
            }
        }
        return bind(side);
    }

    private Bound.@Nullable Const enumConstant(Expr item, Bound enumSide) {
        if (item instanceof Expr.Name name && enumSide.type().is(ValueKind.ENUM)
                && enumSide.type().enumConstants().contains(name.name())) {
            if (resolves(name)) {
                throw error(name,
                        "'" + name.name() + "' is both an attribute and a constant of the enum "
                                + enumSide.type().enumConstants() + "; write '" + name.name()
                                + "' in quotes for the constant" + " or this." + name.name() + " for the attribute");
            }
            return new Bound.Const(name.name(), Type.STRING);
        }
        return null;
    }

    private boolean resolves(Expr.Name name) {
        return scopes.stream().anyMatch(scope -> scope.attribute(name.name()) != null);
    }

    private Bound in(Expr.Binary binary, Bound value, Bound list) {
        if (!isList(list)) {
            throw error(binary.right(), "'in' needs a list on its right, e.g. ['a', 'b'] or auth().roles, but this is "
                    + list.type().describe());
        }
        requireScalar(binary.left(), value);
        if (list instanceof Bound.ConstList constants) {
            for (Object item : constants.values()) {
                checkComparable(binary, value.type(), typeOfLiteral(item));
                if (value.type().is(ValueKind.ENUM) && item instanceof String constant
                        && !value.type().enumConstants().contains(constant)) {
                    throw error(binary.right(),
                            "'" + constant + "' is not one of the enum's constants " + value.type().enumConstants());
                }
            }
        }
        return constantOr(new Bound.In(value, list));
    }

    private Bound entityComparison(Expr.Binary binary, Bound left, Bound right) {
        if (binary.operator() != BinaryOperator.EQ && binary.operator() != BinaryOperator.NE) {
            throw error(binary, "entities can only be compared with == or !=");
        }
        String leftEntity = entityName(binary.left(), left);
        String rightEntity = entityName(binary.right(), right);
        if (!leftEntity.equals(rightEntity)) {
            throw error(binary,
                    "cannot compare " + describeEntity(leftEntity) + " with " + describeEntity(rightEntity));
        }
        return new Bound.Compare(binary.operator(), identity(binary, left), identity(binary, right));
    }

    private String entityName(Expr expr, Bound bound) {
        if (bound instanceof Bound.EntityPath entity) {
            return entity.entity().name();
        }
        if (bound instanceof Bound.BeforeValue before && before.type().kind() == Type.Kind.ENTITY) {
            return Objects.requireNonNull(before.type().entity());
        }
        if (bound instanceof Bound.AuthSelf) {
            EntityModel authEntity = model.authEntity();
            if (authEntity == null) {
                throw error(expr,
                        "auth() can only be compared with an entity when one entity is marked @AuthEntity; compare auth().id with a column instead");
            }
            return authEntity.name();
        }
        throw error(expr, "expected an entity to compare with, but this is " + bound.type().describe());
    }

    private static String describeEntity(String name) {
        return "an entity (" + name + ")";
    }

    /**
     * An entity-valued expression stands for its id (a related row's id is the foreign
     * key); anything else for itself.
     */
    private Bound identity(Expr at, Bound bound) {
        if (bound instanceof Bound.EntityPath entity) {
            if (entity.entity().id() == null) {
                throw error(at, "entity " + entity.entity().name() + " has no single-column id (an @EmbeddedId),"
                        + " so it cannot be compared as a whole; compare its attributes instead");
            }
            if (entity.hops().isEmpty()) {
                return new Bound.Field(entity.variable(), entity.hops(), entity.entity().requiredId());
            }
            List<Attribute.ToOne> hops = entity.hops();
            Attribute.ToOne last = hops.get(hops.size() - 1);
            return new Bound.Field(entity.variable(), hops.subList(0, hops.size() - 1),
                    ForeignKeys.asScalar(last, entity.entity().requiredId()));
        }
        if (bound instanceof Bound.AuthSelf) {
            return new Bound.AuthValue(new AuthMember("id", false));
        }
        return bound;
    }

    /**
     * {@code currentOperation()} compared with a name no operation has is a mistake
     * ({@code 'craete'}), not a rule that never holds.
     */
    private static void requireKnownOperationName(Expr side, Expr other) {
        if (!(side instanceof Expr.Call call && call.function().equals("currentOperation"))) {
            return;
        }
        List<Expr> names = other instanceof Expr.ListLiteral list ? list.items() : List.of(other);
        for (Expr name : names) {
            if (name instanceof Expr.Literal literal && literal.value() instanceof String text
                    && !CurrentNames.OPERATIONS.contains(text)) {
                throw error(name, "'" + text + "' is no operation; currentOperation() is one of "
                        + String.join(", ", CurrentNames.OPERATIONS.stream().map(op -> "'" + op + "'").toList()));
            }
        }
    }

    private String currentModel(Expr.Call call) {
        String name = scopes.get(0).name();
        if (call.arguments().isEmpty()) {
            return name;
        }
        Expr argument = call.arguments().get(0);
        if (!(argument instanceof Expr.Literal literal) || !(literal.value() instanceof String casing)
                || CurrentNames.cased(name, casing) == null) {
            throw error(argument, "currentModel() takes one of 'upper', 'lower', 'capitalize', 'uncapitalize'");
        }
        return Objects.requireNonNull(CurrentNames.cased(name, casing));
    }

    private Bound quantified(Expr.Quantified quantified) {
        Bound collection = bind(quantified.collection());
        if (!(collection instanceof Bound.ToManyPath toMany)) {
            throw error(quantified, "'" + quantified.quantifier().symbol()
                    + " ]' needs a to-many relation on its left, but this is " + collection.type().describe());
        }
        EntityModel element = model.entity(toMany.relation().targetEntity());
        String binding = quantified.binding();
        if (binding != null) {
            requireUnshadowed(quantified, binding, element);
        }
        scopes.add(element);
        bindings.add(binding);
        try {
            int elementVariable = scopes.size() - 1;
            Bound condition = condition(quantified.condition());
            return new Bound.Quantified(quantified.quantifier(), toMany.variable(), toMany.hops(), toMany.relation(),
                    elementVariable, condition);
        }
        finally {
            dropScope(scopes.size() - 1);
        }
    }

    /**
     * A binding may hide nothing: no attribute of the element or of an enclosing row, no
     * enclosing binding.
     */
    private void requireUnshadowed(Expr.Quantified quantified, String binding, EntityModel element) {
        Expr.Name at = new Expr.Name(binding, quantified.bindingPosition());
        if (bindings.contains(binding)) {
            throw error(at, "'" + binding + "' already names the element of an enclosing collection predicate;"
                    + " choose another name");
        }
        List<EntityModel> seen = new ArrayList<>(scopes);
        seen.add(element);
        for (EntityModel scope : seen) {
            if (scope.attribute(binding) != null) {
                throw error(at, "the binding '" + binding + "' would hide the attribute '" + binding + "' of "
                        + scope.name() + "; choose another name");
            }
        }
    }

    private Bound call(Expr.Call call) {
        String function = call.function();
        List<Expr> arguments = call.arguments();
        switch (function) {
            case "auth":
                arity(call, 0, 0);
                return new Bound.AuthSelf();
            case "now":
                arity(call, 0, 0);
                return new Bound.Now();
            case "before":
                arity(call, 0, 0);
                if (operation != Operation.POST_UPDATE) {
                    throw error(call, "before() is only allowed in POST_UPDATE rules");
                }
                return new Bound.BeforeSelf();
            case "has":
                arity(call, 2, 2);
                return new Bound.ListFunction(Bound.ListFunctionKind.HAS, listArgument(arguments.get(0)),
                        scalarArgument(arguments.get(1)));
            case "hasSome":
            case "hasEvery":
                arity(call, 2, 2);
                return new Bound.ListFunction(
                        function.equals("hasSome") ? Bound.ListFunctionKind.HAS_SOME : Bound.ListFunctionKind.HAS_EVERY,
                        listArgument(arguments.get(0)), listArgument(arguments.get(1)));
            case "isEmpty":
                arity(call, 1, 1);
                return isEmpty(arguments.get(0));
            case "contains":
            case "startsWith":
            case "endsWith":
                arity(call, 2, 3);
                return stringFunction(call);
            case "check":
                arity(call, 1, 2);
                return check(call);
            case "currentOperation":
                arity(call, 0, 0);
                return new Bound.Const(CurrentNames.operation(operation), Type.STRING);
            case "currentModel":
                arity(call, 0, 1);
                return new Bound.Const(currentModel(call), Type.STRING);
            default:
                throw error(call, "unknown function '" + function + "'; the functions are: auth, before, check,"
                        + " contains, currentModel, currentOperation, endsWith, has, hasEvery, hasSome, isEmpty, now,"
                        + " startsWith");
        }
    }

    private Bound isEmpty(Expr argument) {
        Bound bound = bind(argument);
        if (bound instanceof Bound.ToManyPath toMany) {
            int elementVariable = scopes.size();
            return new Bound.Quantified(dev.rowguard.policy.internal.syntax.Quantifier.NONE, toMany.variable(),
                    toMany.hops(), toMany.relation(), elementVariable, Bound.Const.TRUE);
        }
        if (!isList(bound)) {
            throw error(argument,
                    "isEmpty() needs a list or a to-many relation, but this is " + bound.type().describe());
        }
        return new Bound.ListFunction(Bound.ListFunctionKind.IS_EMPTY, bound, null);
    }

    private Bound stringFunction(Expr.Call call) {
        Bound text = bind(call.arguments().get(0));
        Bound search = bind(call.arguments().get(1));
        requireString(call.arguments().get(0), text);
        requireString(call.arguments().get(1), search);
        boolean ignoreCase = false;
        if (call.arguments().size() == 3) {
            if (!(call.arguments().get(2) instanceof Expr.Literal literal)
                    || !(literal.value() instanceof Boolean flag)) {
                throw error(call.arguments().get(2),
                        "the third argument of " + call.function() + "() is the literal true or false (ignore case)");
            }
            ignoreCase = flag;
        }
        Bound.StringFunctionKind kind = switch (call.function()) {
            case "contains" -> Bound.StringFunctionKind.CONTAINS;
            case "startsWith" -> Bound.StringFunctionKind.STARTS_WITH;
            default -> Bound.StringFunctionKind.ENDS_WITH;
        };
        return new Bound.StringFunction(kind, text, search, ignoreCase);
    }

    private Bound check(Expr.Call call) {
        Bound target = bind(call.arguments().get(0));
        if (!(target instanceof Bound.EntityPath entity) || (entity.hops().isEmpty() && !isLifted(entity.variable()))) {
            throw error(call.arguments().get(0),
                    "check() needs a to-one relation, e.g. check(list) or check(list, 'read')");
        }
        Operation checked = operation == Operation.POST_UPDATE ? Operation.UPDATE : operation;
        if (call.arguments().size() == 2) {
            Expr opExpr = call.arguments().get(1);
            if (!(opExpr instanceof Expr.Literal literal) || !(literal.value() instanceof String name)) {
                throw error(opExpr, "the operation of check() is a string: 'create', 'read', 'update' or 'delete'");
            }
            try {
                checked = Operation.valueOf(name.toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException ex) {
                throw error(opExpr,
                        "unknown operation '" + name + "'; expected 'create', 'read', 'update' or 'delete'");
            }
            if (checked == Operation.ALL || checked == Operation.POST_UPDATE) {
                throw error(opExpr, "check() takes 'create', 'read', 'update' or 'delete'");
            }
        }
        return new Bound.Check(entity.variable(), entity.hops(), entity.entity().name(), checked);
    }

    private Bound listArgument(Expr argument) {
        Bound bound = bind(argument);
        if (!isList(bound)) {
            throw error(argument,
                    "expected a list, e.g. auth().roles or ['a', 'b'], but this is " + bound.type().describe());
        }
        return bound;
    }

    private Bound scalarArgument(Expr argument) {
        Bound bound = bind(argument);
        requireScalar(argument, bound);
        return bound;
    }

    private void requireScalar(Expr expr, Bound bound) {
        Type.Kind kind = bound.type().kind();
        if (kind != Type.Kind.SCALAR && kind != Type.Kind.ANY) {
            throw error(expr, "expected a single value, but this is " + bound.type().describe());
        }
    }

    private void requireString(Expr expr, Bound bound) {
        if (!bound.type().is(ValueKind.STRING) && bound.type().kind() != Type.Kind.ANY) {
            throw error(expr, "expected a string, but this is " + bound.type().describe());
        }
    }

    private static boolean isList(Bound bound) {
        return bound.type().kind() == Type.Kind.LIST || bound.type().kind() == Type.Kind.ANY;
    }

    private void rejectCollections(Expr.Binary binary, Bound operand) {
        Type.Kind kind = operand.type().kind();
        if (kind == Type.Kind.TO_MANY) {
            throw error(binary, "a to-many relation cannot be compared; use a collection predicate such as "
                    + "relation?[condition], or isEmpty(relation)");
        }
        if (kind == Type.Kind.LIST) {
            throw error(binary, "a list cannot be compared with " + binary.operator().symbol()
                    + "; use has(), hasSome(), hasEvery() or 'in'");
        }
        if (kind == Type.Kind.AUTH) {
            throw error(binary,
                    "auth() can only be compared with null or with the @AuthEntity; use a member such as auth().id");
        }
        if (kind == Type.Kind.BEFORE) {
            throw error(binary, "before() is not a value; use a member such as before().ownerId");
        }
    }

    private void checkComparable(Expr.Binary binary, Type left, Type right) {
        if (left.kind() == Type.Kind.ANY || right.kind() == Type.Kind.ANY) {
            return;
        }
        ValueKind a = left.scalar();
        ValueKind b = right.scalar();
        if (binary.operator().isOrdering()) {
            for (ValueKind kind : new ValueKind[] { a, b }) {
                if (kind == ValueKind.BOOLEAN || kind == ValueKind.ENUM || kind == ValueKind.UUID) {
                    throw error(binary, "'" + binary.operator().symbol() + "' orders numbers, strings and dates, not "
                            + (kind == ValueKind.ENUM ? "enum" : kind.name().toLowerCase()) + "s");
                }
            }
        }
        if (a == b && a != ValueKind.ENUM) {
            return;
        }
        if (a == ValueKind.ENUM || b == ValueKind.ENUM) {
            Type enumType = a == ValueKind.ENUM ? left : right;
            Type other = a == ValueKind.ENUM ? right : left;
            if (other.is(ValueKind.ENUM) && other.enumConstants().equals(enumType.enumConstants())) {
                return;
            }
            if (other.is(ValueKind.STRING)) {
                String constant = literalString(binary);
                if (constant != null && !enumType.enumConstants().contains(constant)) {
                    throw error(binary,
                            "'" + constant + "' is not one of the enum's constants " + enumType.enumConstants());
                }
                return;
            }
        }
        if ((a == ValueKind.UUID && b == ValueKind.STRING) || (a == ValueKind.STRING && b == ValueKind.UUID)) {
            return;
        }
        throw error(binary, "cannot compare " + left.describe() + " with " + right.describe());
    }

    private static @Nullable String literalString(Expr.Binary binary) {
        if (binary.right() instanceof Expr.Literal literal && literal.value() instanceof String text) {
            return text;
        }
        if (binary.left() instanceof Expr.Literal literal && literal.value() instanceof String text) {
            return text;
        }
        return null;
    }

    private static Type typeOfLiteral(Object value) {
        if (value instanceof Boolean) {
            return Type.BOOLEAN;
        }
        return value instanceof BigDecimal ? Type.NUMBER : Type.STRING;
    }

    private static boolean isEntityLike(Bound bound) {
        return bound instanceof Bound.EntityPath || bound instanceof Bound.AuthSelf
                || (bound instanceof Bound.BeforeValue before && before.type().kind() == Type.Kind.ENTITY);
    }

    private void arity(Expr.Call call, int min, int max) {
        int count = call.arguments().size();
        if (count < min || count > max) {
            String expected = min == max ? String.valueOf(min) : min + " to " + max;
            throw error(call,
                    call.function() + "() takes " + expected + " argument" + (max == 1 ? "" : "s") + ", not " + count);
        }
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return List.copyOf(copy);
    }

    private static PolicySyntaxException error(Expr at, String message) {
        return new PolicySyntaxException(message, at.position());
    }

}

package dev.rowguard.hibernate.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.rowguard.context.Caller;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.FieldRules;
import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.bind.BoundRewriter;
import dev.rowguard.policy.internal.eval.Values;
import dev.rowguard.policy.internal.model.EntityModel;
import dev.rowguard.policy.internal.sql.SqlLiterals;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.JoinedSubclassEntityPersister;
import org.hibernate.persister.entity.SingleTableEntityPersister;
import org.hibernate.query.spi.QueryParameterBinding;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.spi.QueryParameterImplementor;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.NodeBuilder;
import org.hibernate.query.sqm.tree.SqmDeleteOrUpdateStatement;
import org.hibernate.query.sqm.tree.SqmDmlStatement;
import org.hibernate.query.sqm.tree.SqmTypedNode;
import org.hibernate.query.sqm.tree.from.SqmRoot;
import org.hibernate.query.sqm.tree.predicate.SqmPredicate;
import org.hibernate.query.sqm.tree.domain.SqmPath;
import org.hibernate.query.sqm.tree.expression.SqmEnumLiteral;
import org.hibernate.query.sqm.tree.expression.SqmExpression;
import org.hibernate.query.sqm.tree.expression.SqmJpaCriteriaParameterWrapper;
import org.hibernate.query.sqm.tree.expression.SqmLiteral;
import org.hibernate.query.sqm.tree.expression.SqmLiteralNull;
import org.hibernate.query.sqm.tree.expression.SqmParameter;
import org.hibernate.query.sqm.tree.expression.ValueBindJpaCriteriaParameter;
import org.hibernate.query.sqm.tree.update.SqmAssignment;
import org.hibernate.query.sqm.tree.update.SqmUpdateStatement;
import org.jspecify.annotations.Nullable;

/**
 * What a bulk {@code update} or {@code delete} of a caller gets appended to its
 * {@code WHERE}: for every entity type the statement reaches, the caller's rule for the
 * operation (the read rule is there already, as Hibernate applies the read filters), as
 * PostgreSQL's row-level security applies {@code USING}. The statement then changes
 * exactly the rows the caller may change, and its count says how many. An update's
 * {@code POST_UPDATE} rule is appended with the values the {@code SET} clause assigns in
 * place of those attributes; where it cannot be (an assigned relation the rule walks, a
 * value computed from the row, {@code before()}), the statement is refused as before.
 */
final class BulkRestriction {

    private static final String PARAMETER_PREFIX = "rg_bulk";

    private static final Pattern PARAMETER = Pattern.compile(":" + PARAMETER_PREFIX + "\\d+");

    /** An assigned value Rowguard cannot know before the statement runs. */
    private static final Object UNKNOWN = new Object();

    /**
     * The rule of each reached entity, still to be compiled for the statement's alias.
     */
    private final Map<String, Bound> rules;

    private final PolicyRuntime runtime;

    private final Caller caller;

    private final @Nullable SingleTableEntityPersister singleTable;

    private final Map<String, EntityMappingType> types;

    private final SessionFactoryImplementor sessionFactory;

    private BulkRestriction(Map<String, Bound> rules, Map<String, EntityMappingType> types, PolicyRuntime runtime,
            Caller caller, @Nullable SingleTableEntityPersister singleTable, SessionFactoryImplementor sessionFactory) {
        this.rules = rules;
        this.types = types;
        this.runtime = runtime;
        this.caller = caller;
        this.singleTable = singleTable;
        this.sessionFactory = sessionFactory;
    }

    /**
     * The restriction for the caller, or null when every reached entity's rule holds for
     * every row. Refuses the statement where the rules cannot be appended.
     */
    static @Nullable BulkRestriction of(SqmDeleteOrUpdateStatement<?> statement,
            Map<String, EntityMappingType> reachedTypes, PolicyRuntime runtime, Caller caller,
            SessionFactoryImplementor sessionFactory, DomainParameterXref xref, QueryParameterBindings bindings,
            boolean perType) {
        List<String> reached = List.copyOf(reachedTypes.keySet());
        List<Operation> operations = BulkMutationGuard.operationsOf(statement);
        Map<String, Bound> rules = new LinkedHashMap<>();
        Map<String, @Nullable Object> assigned = statement instanceof SqmUpdateStatement<?> update
                ? assignments(update, xref, bindings) : Map.of();
        for (String entity : reached) {
            List<Bound> parts = new ArrayList<>();
            for (Operation operation : operations) {
                if (runtime.allowsRegardlessOfRow(entity, operation, caller.principal())) {
                    continue;
                }
                Bound rule = runtime.policies().rule(entity, operation);
                if (operation == Operation.POST_UPDATE) {
                    rule = afterAssignments(rule, assigned);
                    if (rule == null) {
                        throw BulkMutationGuard.refused(statement, entity, operation, runtime, caller,
                                "its POST_UPDATE rule reads what the SET clause changes in a way"
                                        + " Rowguard cannot substitute (a computed value, a relation it walks,"
                                        + " before())");
                    }
                }
                parts.add(rule);
            }
            if (statement instanceof SqmUpdateStatement<?> update) {
                parts.addAll(fieldRules(entity, update, assigned, runtime, caller));
            }
            if (!parts.isEmpty()) {
                rules.put(entity, parts.size() == 1 ? parts.get(0) : new Bound.And(parts));
            }
        }
        if (rules.isEmpty()) {
            return null;
        }
        EntityMappingType target = sessionFactory.getMappingMetamodel()
            .getEntityDescriptor(statement.getTarget().getEntityName());
        SingleTableEntityPersister singleTable = target instanceof SingleTableEntityPersister persister
                && !persister.getSubMappingTypes().isEmpty() ? persister : null;
        if (!perType && reached.size() > 1 && singleTable == null && !sameEverywhere(reached, rules)) {
            throw BulkMutationGuard.refused(statement, reached.get(1), operations.get(0), runtime, caller,
                    "the entities it reaches have different rules and are not stored in one table");
        }
        return new BulkRestriction(reachedRules(reached, rules), reachedTypes, runtime, caller, singleTable,
                sessionFactory);
    }

    /**
     * The rules of the fields an update touches, as the entity's write checks apply them:
     * each assigned field's UPDATE rule, and the READ rule of each field a value names
     * (found in its text, so a mere mention counts too), so that no hidden value is
     * copied elsewhere or lost by arithmetic on the null it reads as. Rules that hold for
     * the caller on every row are left out.
     */
    private static List<Bound> fieldRules(String entity, SqmUpdateStatement<?> update,
            Map<String, @Nullable Object> assigned, PolicyRuntime runtime, Caller caller) {
        FieldRules fieldRules = runtime.policies().fieldRules();
        List<Bound> rules = new ArrayList<>();
        for (String field : fieldRules.fields(entity, Operation.UPDATE)) {
            if (assigned.containsKey(field)) {
                rules.add(fieldRules.rule(entity, field, Operation.UPDATE));
            }
        }
        StringBuilder values = new StringBuilder();
        for (SqmAssignment<?> assignment : update.getSetClause().getAssignments()) {
            values.append(assignment.getValue().toHqlString()).append('\n');
        }
        for (String field : fieldRules.fields(entity, Operation.READ)) {
            if (Pattern.compile("(?<![A-Za-z0-9_$])" + Pattern.quote(field) + "(?![A-Za-z0-9_$])")
                .matcher(values)
                .find()) {
                rules.add(fieldRules.rule(entity, field, Operation.READ));
            }
        }
        return rules.stream()
            .filter(rule -> !runtime.compiler().compile(rule, caller.principal(), null, "rg_bulk", null).alwaysTrue())
            .toList();
    }

    /** Every reached entity with its rule; TRUE for those whose rules always hold. */
    private static Map<String, Bound> reachedRules(List<String> reached, Map<String, Bound> rules) {
        Map<String, Bound> all = new LinkedHashMap<>();
        for (String entity : reached) {
            all.put(entity, rules.getOrDefault(entity, Bound.Const.TRUE));
        }
        return all;
    }

    private static boolean sameEverywhere(List<String> reached, Map<String, Bound> rules) {
        Bound first = rules.get(reached.get(0));
        return reached.stream().allMatch(entity -> Objects.equals(rules.get(entity), first));
    }

    /**
     * The SQL condition for the statement's target table, {@code alias} as the statement
     * names it.
     */
    String sql(String alias) {
        List<String> distinct = new ArrayList<>();
        Map<String, String> byEntity = new LinkedHashMap<>();
        for (Map.Entry<String, Bound> rule : rules.entrySet()) {
            String condition = condition(rule.getValue(), alias);
            byEntity.put(rule.getKey(), condition);
            if (!distinct.contains(condition)) {
                distinct.add(condition);
            }
        }
        if (distinct.size() == 1 || singleTable == null) {
            return distinct.get(0);
        }
        List<String> alternatives = new ArrayList<>();
        String discriminator = alias + "." + singleTable.getDiscriminatorColumnName();
        for (Map.Entry<String, String> condition : byEntity.entrySet()) {
            AbstractEntityPersister persister = (AbstractEntityPersister) Objects
                .requireNonNull(types.get(condition.getKey()));
            if (!persister.isAbstract()) {
                alternatives.add("(" + discriminator + " = " + persister.getDiscriminatorSQLValue() + " AND "
                        + condition.getValue() + ")");
            }
        }
        return alternatives.isEmpty() ? "FALSE" : "(" + String.join(" OR ", alternatives) + ")";
    }

    /**
     * The restriction as a predicate of the statement itself, for a statement Hibernate
     * runs over several tables (a JOINED or TABLE_PER_CLASS hierarchy, a secondary
     * table), whose SQL Rowguard cannot reach: for every reached entity type whose rule
     * does not always hold, its rows must be among the rows of that type the rule allows,
     * read from where they are stored ({@link StoredRowSource}).
     */
    @Nullable SqmPredicate predicate(SqmDeleteOrUpdateStatement<?> statement, SqmDmlStatement<?> original) {
        List<String> refusals = new ArrayList<>();
        for (Map.Entry<String, Bound> rule : rules.entrySet()) {
            if (Bound.Const.TRUE.equals(rule.getValue())) {
                continue;
            }
            EntityModel model = runtime.policies().model().entity(rule.getKey());
            String condition = condition(rule.getValue(), "rg_row");
            if (condition.indexOf('?') >= 0) {
                throw BulkMutationGuard.refused(original, rule.getKey(),
                        BulkMutationGuard.operationsOf(original).get(0), runtime, caller,
                        "its rule holds a '?', which would be taken for the statement's id");
            }
            String id = "rg_row." + model.requiredId().column();
            refusals.add("? NOT IN (SELECT " + id + " FROM "
                    + StoredRowSource.of(runtime.policies().model(), model, sessionFactory) + " rg_row WHERE "
                    + condition + " IS NOT TRUE" + exactly(Objects.requireNonNull(types.get(rule.getKey())), id) + ")");
        }
        if (refusals.isEmpty()) {
            return null;
        }
        String pattern = "(" + String.join(" AND ", refusals) + ")";
        BulkRestrictionFunction.issue(pattern);
        NodeBuilder nodes = statement.nodeBuilder();
        SqmRoot<?> root = statement.getTarget();
        SqmPath<?> rootId = root.get(runtime.policies().model().entity(rootName(root)).requiredId().name());
        List<SqmTypedNode<?>> arguments = new ArrayList<>();
        arguments.add(nodes.literal(pattern));
        refusals.forEach(refusal -> arguments.add(rootId));
        SqmExpression<Boolean> restriction = sessionFactory.getQueryEngine()
            .getSqmFunctionRegistry()
            .findFunctionDescriptor(BulkRestrictionFunction.NAME)
            .generateSqmExpression(arguments, nodes.getBooleanType(), sessionFactory.getQueryEngine());
        return nodes.isTrue(restriction);
    }

    /**
     * Rows of exactly the type: in a SINGLE_TABLE hierarchy (with a secondary table)
     * those of its discriminator value; in a JOINED hierarchy, not those also in a
     * subclass's table (a subclass has rules of its own); each TABLE_PER_CLASS table
     * holds its own type's rows only.
     */
    private static String exactly(EntityMappingType type, String id) {
        if (type instanceof SingleTableEntityPersister single && !single.getSubMappingTypes().isEmpty()
                || type instanceof SingleTableEntityPersister child && child.getSuperMappingType() != null) {
            SingleTableEntityPersister persister = (SingleTableEntityPersister) type;
            return " AND rg_row." + persister.getDiscriminatorColumnName() + " = "
                    + persister.getDiscriminatorSQLValue();
        }
        if (!(type instanceof JoinedSubclassEntityPersister)) {
            return "";
        }
        StringBuilder sql = new StringBuilder();
        for (EntityMappingType subclass : type.getSubMappingTypes()) {
            if (subclass instanceof JoinedSubclassEntityPersister joined) {
                int own = ownTable(joined);
                sql.append(" AND NOT EXISTS (SELECT 1 FROM ")
                    .append(joined.getTableName(own))
                    .append(" rg_sub WHERE rg_sub.")
                    .append(joined.getKeyColumns(own)[0])
                    .append(" = ")
                    .append(id)
                    .append(')');
            }
        }
        return sql.toString();
    }

    /**
     * The subclass's own table: the last of its hierarchy's tables, which come before its
     * secondary tables.
     */
    private static int ownTable(JoinedSubclassEntityPersister joined) {
        int own = 0;
        EntityMappingType current = joined;
        while (current.getSuperMappingType() != null) {
            own++;
            current = current.getSuperMappingType();
        }
        return own;
    }

    private String rootName(SqmRoot<?> root) {
        return Objects.requireNonNull(runtime.jpaName(root.getEntityName()));
    }

    /**
     * The caller's rule as SQL on the row {@code alias} names, its values as literals.
     */
    private String condition(Bound rule, String alias) {
        return SqlLiterals.inlined(runtime.compiler().compile(rule, caller.principal(), null, alias, PARAMETER_PREFIX),
                PARAMETER);
    }

    /** The attributes the SET clause assigns a known value, by name. */
    private static Map<String, @Nullable Object> assignments(SqmUpdateStatement<?> update, DomainParameterXref xref,
            QueryParameterBindings bindings) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        for (SqmAssignment<?> assignment : update.getSetClause().getAssignments()) {
            SqmPath<?> path = assignment.getTargetPath();
            if (path.getLhs() == update.getTarget()) {
                values.put(path.getReferencedPathSource().getPathName(), known(assignment.getValue(), xref, bindings));
                continue;
            }
            // set p.owner.id = ..., set treat(a as Dog).x = ...: the attribute below the
            // root changes in a way Rowguard does not substitute
            SqmPath<?> top = path;
            while (top.getLhs() != null && top.getLhs() != update.getTarget()) {
                top = top.getLhs();
            }
            values.put(top.getReferencedPathSource().getPathName(), UNKNOWN);
        }
        return values;
    }

    private static @Nullable Object known(SqmExpression<?> value, DomainParameterXref xref,
            QueryParameterBindings bindings) {
        if (value instanceof SqmLiteralNull<?>) {
            return null;
        }
        if (value instanceof SqmEnumLiteral<?> constant) {
            return constant.getEnumValue();
        }
        if (value instanceof SqmLiteral<?> literal) {
            return literal.getLiteralValue();
        }
        SqmExpression<?> parameter = value instanceof SqmJpaCriteriaParameterWrapper<?> wrapper
                ? wrapper.getJpaCriteriaParameter() : value;
        if (parameter instanceof ValueBindJpaCriteriaParameter<?> criteriaValue) {
            return criteriaValue.getValue();
        }
        if (parameter instanceof SqmParameter<?> sqmParameter) {
            QueryParameterImplementor<?> queryParameter = xref.getQueryParameter(sqmParameter);
            if (queryParameter == null) {
                return UNKNOWN;
            }
            QueryParameterBinding<?> binding = bindings.getBinding(queryParameter);
            return binding.isMultiValued() ? UNKNOWN : binding.getBindValue();
        }
        return UNKNOWN;
    }

    /**
     * The rule over the row as the statement leaves it: each assigned column replaced by
     * its value; null where the rule reads an assigned attribute otherwise.
     */
    private static @Nullable Bound afterAssignments(Bound rule, Map<String, @Nullable Object> assigned) {
        if (assigned.isEmpty()) {
            return rule;
        }
        boolean[] unsubstitutable = { false };
        Bound substituted = new BoundRewriter() {
            @Override
            public Bound rewrite(Bound node) {
                if (node instanceof Bound.Field field && field.variable() == 0) {
                    String first = field.hops().isEmpty() ? field.attribute().name() : field.hops().get(0).name();
                    if (assigned.containsKey(first)) {
                        Object value = assigned.get(first);
                        if (!field.hops().isEmpty() || value == UNKNOWN) {
                            unsubstitutable[0] = true;
                            return node;
                        }
                        return new Bound.Const(Values.normalize(value), field.type());
                    }
                    return node;
                }
                if (node instanceof Bound.Quantified quantified && quantified.variable() == 0
                        && !quantified.hops().isEmpty() && assigned.containsKey(quantified.hops().get(0).name())) {
                    unsubstitutable[0] = true;
                }
                if (node instanceof Bound.Check check && check.variable() == 0
                        && (check.hops().isEmpty() || assigned.containsKey(check.hops().get(0).name()))) {
                    unsubstitutable[0] = true;
                }
                if (node instanceof Bound.BeforeValue) {
                    unsubstitutable[0] = true;
                }
                return rewriteChildren(node);
            }
        }.rewrite(rule);
        return unsubstitutable[0] ? null : substituted;
    }

}

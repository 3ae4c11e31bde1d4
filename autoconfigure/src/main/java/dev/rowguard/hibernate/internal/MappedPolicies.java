package dev.rowguard.hibernate.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.rowguard.policy.Operation;
import dev.rowguard.postgres.internal.RlsMigration;

import dev.rowguard.policy.internal.HiddenReferences;
import dev.rowguard.policy.internal.PolicySet;
import dev.rowguard.policy.internal.RuleDeclaration;
import dev.rowguard.policy.internal.model.DomainModel;

import org.hibernate.mapping.JoinedSubclass;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Table;

/**
 * The policies of Hibernate's mapped entities, as start-up binds them: the domain model,
 * the annotations, the unannotated default and the hidden-reference denies. Shared by the
 * mapping contributor and by the offline row-level security generator, so both see the
 * same rules.
 */
public final class MappedPolicies {

    private MappedPolicies() {
    }

    /**
     * @param bindings the entity bindings by entity name, in Hibernate's order (the
     * hidden-reference denies left out to avoid cycles depend on it)
     * @throws dev.rowguard.policy.PolicyDefinitionException with start-up's message when
     * a rule is wrong
     */
    public static PolicySet read(Map<String, PersistentClass> bindings, Set<String> authAttributes,
            boolean allowUnannotated, boolean hideRowsWithHiddenReferences) {
        DomainModel model = new MappingModelReader(bindings).read(authAttributes);
        Map<String, List<RuleDeclaration>> declarations = AnnotationRules.read(bindings.values());
        PolicySet declared = PolicySet.build(model, declarations, allowUnannotated);
        FieldRuleTargets.resolve(bindings.values(), declared);
        return hideRowsWithHiddenReferences ? declared.with(HiddenReferences.of(declared)) : declared;
    }

    /**
     * The columns of each table that holds a field with read rules, in the table's order,
     * each masked by the rule of the field mapped to it: what the generated {@code
     *
    <table>
     * _visible} view shows.
     */
    public static Map<String, List<RlsMigration.ViewColumn>> visibleColumns(Iterable<PersistentClass> bindings,
            PolicySet policies) {
        Map<String, Map<String, RlsMigration.ViewColumn>> byTable = new LinkedHashMap<>();
        for (FieldRuleTargets.Target target : FieldRuleTargets.resolve(bindings, policies)) {
            if (!policies.fieldRules().fields(target.entity(), Operation.READ).contains(target.field())) {
                continue;
            }
            // a TABLE_PER_CLASS root's field is stored in each of its subclasses' tables
            List<Table> tables = target.table().isAbstractUnionTable() ? target.binding()
                .getSubclassClosure()
                .stream()
                .map(PersistentClass::getTable)
                .filter(table -> !table.isAbstractUnionTable())
                .toList() : List.of(target.table());
            for (Table stored : tables) {
                Map<String, RlsMigration.ViewColumn> columns = byTable.computeIfAbsent(SqlIdentifiers.of(stored),
                        table -> {
                            Map<String, RlsMigration.ViewColumn> all = new LinkedHashMap<>();
                            stored.getColumns()
                                .forEach(column -> all.put(SqlIdentifiers.of(column),
                                        new RlsMigration.ViewColumn(SqlIdentifiers.of(column), null, null)));
                            return all;
                        });
                String column = SqlIdentifiers.of(target.column());
                columns.put(column, new RlsMigration.ViewColumn(column, target.entity(), target.field()));
            }
        }
        Map<String, List<RlsMigration.ViewColumn>> visible = new TreeMap<>();
        byTable.forEach((table, columns) -> visible.put(table, List.copyOf(columns.values())));
        return visible;
    }

    /**
     * Entities whose own table holds only part of their row (subclasses of a
     * {@code JOINED} hierarchy) or none (the abstract root of a {@code TABLE_PER_CLASS}
     * one), with the reason: a table policy cannot read the columns stored in the
     * parent's table.
     */
    public static Map<String, String> partialTables(Iterable<PersistentClass> bindings) {
        Map<String, String> partial = new LinkedHashMap<>();
        for (PersistentClass binding : bindings) {
            if (binding.getTable().isAbstractUnionTable()) {
                partial.put(binding.getJpaEntityName(), "it is the abstract root of a TABLE_PER_CLASS hierarchy and has"
                        + " no table of its own; its rows are protected in the tables of its subclasses");
            }
            else if (binding instanceof JoinedSubclass) {
                partial.put(binding.getJpaEntityName(), "its table " + binding.getTable().getQuotedName()
                        + " (a JOINED subclass) holds only part of the row, so it gets no policies of its own; its rows"
                        + " are protected in the table of " + binding.getRootClass().getJpaEntityName()
                        + ", which every query of it joins");
            }
        }
        return partial;
    }

}

package dev.rowguard.hibernate.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.rowguard.policy.Operation;
import dev.rowguard.policy.PolicyDefinitionException;
import dev.rowguard.policy.internal.PolicySet;
import dev.rowguard.policy.internal.RuleDeclaration;

import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.Formula;
import org.hibernate.mapping.IndexedCollection;
import org.hibernate.mapping.JoinedSubclass;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.ToOne;
import org.jspecify.annotations.Nullable;

/**
 * The mapped column of every field that has rules, checked at start-up: a field rule
 * stands on a basic attribute stored in one column of the table the entity's row rules
 * read (as ZenStack's, not on a relation, an embedded value, the id or the version), and
 * no formula of the entity may read that column around its rule.
 */
final class FieldRuleTargets {

    /** One field with rules, where the entity that declares it maps it. */
    record Target(PersistentClass binding, String entity, String field, Column column, Table table) {
    }

    private FieldRuleTargets() {
    }

    /**
     * @throws PolicyDefinitionException naming each entity, field and rule that cannot
     * stand where it is
     */
    static List<Target> resolve(Iterable<PersistentClass> bindings, PolicySet policies) {
        List<Target> targets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (PersistentClass binding : bindings) {
            problems.addAll(rulesInEmbeddables(binding));
        }
        for (PersistentClass binding : bindings) {
            String entity = binding.getJpaEntityName();
            for (String field : policies.fieldRules().fields(entity)) {
                String problem = problem(binding, field, targets,
                        policies.fieldRules().fields(entity, Operation.READ).contains(field));
                if (problem != null) {
                    problems.add("Invalid field rule on entity " + entity + ", field " + field + ":\n  "
                            + policies.fieldRules()
                                .declarations(entity, field)
                                .stream()
                                .map(RuleDeclaration::describe)
                                .collect(Collectors.joining("\n  "))
                            + "\n  " + problem);
                }
            }
        }
        problems.addAll(copiesAsMapKeys(bindings, targets, policies));
        problems.addAll(referencesByHiddenFields(bindings, policies));
        if (!problems.isEmpty()) {
            throw new PolicyDefinitionException(problems);
        }
        return targets;
    }

    /**
     * A relation that joins on a hidden field instead of the id
     * ({@code @JoinColumn(referencedColumnName = ...)}, {@code property-ref}) carries its
     * value as the foreign key, readable past the field's read rule.
     */
    private static List<String> referencesByHiddenFields(Iterable<PersistentClass> bindings, PolicySet policies) {
        List<String> problems = new ArrayList<>();
        Map<String, String> jpaNames = new java.util.HashMap<>();
        bindings.forEach(binding -> jpaNames.put(binding.getEntityName(), binding.getJpaEntityName()));
        for (PersistentClass binding : bindings) {
            for (Property property : binding.getProperties()) {
                String target = null;
                String referenced = null;
                if (property.getValue() instanceof ToOne toOne) {
                    target = toOne.getReferencedEntityName();
                    referenced = toOne.getReferencedPropertyName();
                }
                else if (property.getValue() instanceof org.hibernate.mapping.Collection collection
                        && collection.getReferencedPropertyName() != null) {
                    target = binding.getEntityName();
                    referenced = collection.getReferencedPropertyName();
                }
                String entity = target == null ? null : jpaNames.get(target);
                if (entity != null && referenced != null
                        && policies.fieldRules().fields(entity, Operation.READ).contains(referenced)) {
                    problems.add("Invalid field rule on entity " + entity + ", field " + referenced + ":\n  "
                            + binding.getJpaEntityName() + "." + property.getName() + " joins on it instead of the"
                            + " id, which carries its value past the field's read rule; join on the id");
                }
            }
        }
        return problems;
    }

    /**
     * A map keyed by an attribute of its elements ({@code @MapKey(name = "salary")})
     * reads the key through a copy of the column Hibernate makes before Rowguard sees the
     * mapping, so the copy would carry the stored value past the field's read rule.
     */
    private static List<String> copiesAsMapKeys(Iterable<PersistentClass> bindings, List<Target> targets,
            PolicySet policies) {
        List<String> problems = new ArrayList<>();
        for (PersistentClass binding : bindings) {
            for (Property property : binding.getProperties()) {
                if (!(property.getValue() instanceof IndexedCollection map)) {
                    continue;
                }
                for (Selectable key : map.getIndex().getSelectables()) {
                    for (Target target : targets) {
                        if (key instanceof Column column && column != target.column()
                                && column.getName().equalsIgnoreCase(target.column().getName())
                                && map.getIndex().getTable() == target.table()
                                && policies.fieldRules()
                                    .fields(target.entity(), Operation.READ)
                                    .contains(target.field())) {
                            problems.add("Invalid field rule on entity " + target.entity() + ", field " + target.field()
                                    + ":\n  the map " + map.getRole() + " is keyed by it (@MapKey),"
                                    + " which Hibernate reads past the field's read rule; key the map by a readable"
                                    + " attribute");
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static @Nullable String problem(PersistentClass binding, String field, List<Target> targets,
            boolean hidden) {
        Property identifier = binding.getIdentifierProperty();
        if (identifier != null && identifier.getName().equals(field)) {
            return "the id cannot be hidden or frozen by a field rule; put the rule on the entity";
        }
        Property declared = binding.getProperties()
            .stream()
            .filter(property -> property.getName().equals(field))
            .findFirst()
            .orElse(null);
        if (declared == null) {
            boolean inherited = binding.getPropertyClosure()
                .stream()
                .anyMatch(property -> property.getName().equals(field));
            // an inherited field is masked where the class declaring it is mapped
            return inherited ? null : "the entity maps no attribute named " + field
                    + " (a field rule stands on a mapped field of the entity or a @MappedSuperclass)";
        }
        if (binding.getVersion() == declared) {
            return "the version is Hibernate's optimistic lock and must be read as stored; it cannot have field rules";
        }
        if (!(declared.getValue() instanceof BasicValue value)) {
            return "field rules stand on basic attributes, not on relations, embedded values or collections (as"
                    + " ZenStack's); put the rule on the entity, or on the fields of the related entity";
        }
        List<Selectable> selectables = value.getSelectables();
        if (selectables.size() != 1 || !(selectables.get(0) instanceof Column column)) {
            return "the attribute is not stored in one column (a @Formula or several columns)";
        }
        Table rowTable = binding instanceof JoinedSubclass ? binding.getRootClass().getTable() : binding.getTable();
        if (value.getTable() != rowTable) {
            return "its column is in table " + value.getTable().getName() + ", not in " + rowTable.getName()
                    + ", where the entity's rows and their rules are read (a @SecondaryTable or a JOINED"
                    + " subclass's own table); move the field to " + rowTable.getName()
                    + " or map the hierarchy with SINGLE_TABLE";
        }
        String formulas = formulasReading(binding, column);
        if (formulas != null) {
            return "the formula of " + formulas + " reads column " + column.getName()
                    + ", which would show its value to callers who may not read it; compute it from readable fields";
        }
        String others = otherMappingsOf(binding, declared, column);
        if (others != null) {
            return "column " + column.getName() + " is mapped by " + others + " too, which would read it past the rule;"
                    + " map the column once";
        }
        if (hidden && binding.getMappedClass() != null
                && declared.getGetter(binding.getMappedClass()).getReturnTypeClass().isPrimitive()) {
            return "a primitive cannot hold the null a hidden field reads as; declare it with its wrapper type";
        }
        if (hidden && declared.getValueGeneratorCreator() != null) {
            return "a value the database generates is read back as stored (RETURNING), past a read rule; hide it"
                    + " with a rule on the entity, or do not generate it";
        }
        targets.add(new Target(binding, binding.getJpaEntityName(), field, column, rowTable));
        return null;
    }

    private static @Nullable String formulasReading(PersistentClass binding, Column column) {
        Pattern name = Pattern
            .compile("(?i)(?<![A-Za-z0-9_$])" + Pattern.quote(column.getName()) + "(?![A-Za-z0-9_$])");
        Set<String> reading = new LinkedHashSet<>();
        for (Property property : allProperties(binding)) {
            for (Selectable selectable : property.getValue().getSelectables()) {
                if (selectable instanceof Formula formula && name.matcher(formula.getFormula()).find()) {
                    reading.add(property.getName());
                }
            }
        }
        return reading.isEmpty() ? null : String.join(", ", reading);
    }

    /**
     * Every other attribute of the hierarchy (ids and versions too) mapped to the column.
     */
    private static @Nullable String otherMappingsOf(PersistentClass binding, Property declared, Column column) {
        Set<String> others = new LinkedHashSet<>();
        List<Property> properties = allProperties(binding);
        PersistentClass root = binding.getRootClass();
        if (root.getIdentifierProperty() != null) {
            properties.add(root.getIdentifierProperty());
        }
        for (Property property : properties) {
            if (property == declared) {
                continue;
            }
            for (Selectable selectable : property.getValue().getSelectables()) {
                if (selectable instanceof Column other && other != column
                        && other.getName().equalsIgnoreCase(column.getName())
                        && property.getValue().getTable() == declared.getValue().getTable()) {
                    others.add(property.getName());
                }
            }
        }
        if (root.getDiscriminator() != null && root.getDiscriminator()
            .getSelectables()
            .stream()
            .anyMatch(selectable -> selectable instanceof Column other
                    && other.getName().equalsIgnoreCase(column.getName()))) {
            others.add("the discriminator");
        }
        return others.isEmpty() ? null : String.join(", ", others);
    }

    /**
     * Rules on the fields of an embeddable are not read (a field rule stands on a column
     * of the entity's own attributes): refused rather than ignored.
     */
    private static List<String> rulesInEmbeddables(PersistentClass binding) {
        List<String> problems = new ArrayList<>();
        for (Property property : binding.getProperties()) {
            if (property.getValue() instanceof Component component && component.getComponentClass() != null) {
                for (java.lang.reflect.Field field : component.getComponentClass().getDeclaredFields()) {
                    if (field.getAnnotationsByType(dev.rowguard.policy.Allow.class).length > 0
                            || field.getAnnotationsByType(dev.rowguard.policy.Deny.class).length > 0) {
                        problems.add("Invalid field rule on entity " + binding.getJpaEntityName() + ", field "
                                + property.getName() + "." + field.getName() + ":\n  @Allow / @Deny on a field of the"
                                + " embeddable " + component.getComponentClass().getSimpleName() + " are not read;"
                                + " field rules stand on the entity's own basic fields");
                    }
                }
            }
        }
        return problems;
    }

    private static List<Property> allProperties(PersistentClass binding) {
        List<Property> properties = new ArrayList<>(binding.getRootClass().getPropertyClosure());
        for (PersistentClass subclass : binding.getRootClass().getSubclassClosure()) {
            properties.addAll(subclass.getProperties());
        }
        return properties;
    }

}

package dev.rowguard.hibernate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.rowguard.hibernate.internal.MappingPath.Kind;
import dev.rowguard.policy.PolicyDefinitionException;

import org.hibernate.mapping.Any;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.DependantValue;
import org.hibernate.mapping.IndexedCollection;
import org.hibernate.mapping.Join;
import org.hibernate.mapping.ManyToOne;
import org.hibernate.mapping.OneToMany;
import org.hibernate.mapping.OneToOne;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.ToOne;
import org.hibernate.mapping.Value;
import org.jspecify.annotations.Nullable;

/**
 * Walks Hibernate's mapping model at start-up and classifies every path that can reach a
 * row of a protected entity: through each entity's attributes, its secondary and join
 * tables, its composite id, embeddables at any depth, collections with their elements and
 * map keys, {@code @Any} and {@code @ManyToAny}, and the entity's own loader. A path is
 * filtered (reads carry the target's read rule), checked (writes through it are checked),
 * or refused: start-up fails naming it. A kind of mapping the walk does not know is
 * refused too, so coverage is a property of the model, not of the paths somebody thought
 * of.
 */
final class MappingCoverage {

    private enum Place {

        ENTITY, JOIN_TABLE, EMBEDDABLE, ID, ELEMENT, MAP_KEY

    }

    private final Predicate<String> isProtected;

    private final Function<String, String> jpaName;

    private final boolean hideRow;

    private final List<MappingPath> paths = new ArrayList<>();

    /**
     * @param isProtected whether an entity (by Hibernate entity name) has a read rule
     * that does not hold for every caller
     * @param jpaName the JPA name of an entity name
     * @param hideRow whether rows referencing hidden rows are hidden (hidden-references:
     * hide-row)
     */
    private MappingCoverage(Predicate<String> isProtected, Function<String, String> jpaName, boolean hideRow) {
        this.isProtected = isProtected;
        this.jpaName = jpaName;
        this.hideRow = hideRow;
    }

    /** Every path to a protected row in the mapping, classified. */
    static List<MappingPath> classify(Iterable<PersistentClass> bindings, Predicate<String> isProtected,
            Function<String, String> jpaName, boolean hideRow) {
        MappingCoverage coverage = new MappingCoverage(isProtected, jpaName, hideRow);
        for (PersistentClass binding : bindings) {
            coverage.entity(binding);
        }
        return List.copyOf(coverage.paths);
    }

    /**
     * Classifies the mapping and fails start-up on any refused path.
     * @throws PolicyDefinitionException naming every refused path, why, and what to map
     * instead
     */
    static List<MappingPath> check(Iterable<PersistentClass> bindings, Predicate<String> isProtected,
            Function<String, String> jpaName, boolean hideRow) {
        List<MappingPath> paths = classify(bindings, isProtected, jpaName, hideRow);
        List<String> problems = paths.stream().filter(path -> path.kind().refused()).map(MappingPath::problem).toList();
        if (!problems.isEmpty()) {
            throw new PolicyDefinitionException(problems);
        }
        return paths;
    }

    private void entity(PersistentClass binding) {
        String entity = binding.getJpaEntityName();
        if (binding.getLoaderName() != null && isProtected.test(binding.getEntityName())) {
            paths.add(new MappingPath(entity, "(load by id)", Kind.CUSTOM_LOADER, entity));
        }
        if (binding.getIdentifierProperty() == null) {
            paths.add(new MappingPath(entity, "(id)", Kind.ID_WITHOUT_ATTRIBUTE, entity));
        }
        if (binding.getSuperclass() == null && binding.getIdentifier() instanceof Component id) {
            component(entity,
                    binding.getIdentifierProperty() == null ? "(id)" : binding.getIdentifierProperty().getName(), id,
                    Place.ID);
        }
        for (Property property : binding.getProperties()) {
            if (property.getValue() == binding.getIdentifierMapper()) {
                // the attributes of an @IdClass, which Hibernate keeps as a synthetic
                // embeddable property
                component(entity, "(id)", binding.getIdentifierMapper(), Place.ID);
            }
            else {
                value(entity, property.getName(), property.getValue(), Place.ENTITY);
            }
        }
        for (Join join : binding.getJoins()) {
            for (Property property : join.getProperties()) {
                value(entity, property.getName(), property.getValue(), Place.JOIN_TABLE);
            }
        }
    }

    private void value(String entity, String path, Value value, Place place) {
        if (value instanceof ToOne toOne) {
            toOne(entity, path, toOne, place);
        }
        else if (value instanceof Any any) {
            any(entity, path, any, Kind.ANY);
        }
        else if (value instanceof Component component) {
            component(entity, path, component,
                    place == Place.ENTITY || place == Place.JOIN_TABLE ? Place.EMBEDDABLE : place);
        }
        else if (value instanceof Collection collection) {
            collection(entity, path, collection);
        }
        else if (!(value instanceof BasicValue || value instanceof DependantValue)) {
            paths.add(new MappingPath(entity, path, Kind.UNKNOWN, value.getClass().getName()));
        }
    }

    private void component(String entity, String path, Component component, Place place) {
        for (Property property : component.getProperties()) {
            value(entity, path + "." + property.getName(), property.getValue(), place);
        }
    }

    private void toOne(String entity, String path, ToOne toOne, Place place) {
        String target = toOne.getReferencedEntityName();
        if (!isProtected.test(target)) {
            return;
        }
        paths.add(new MappingPath(entity, path, toOneKind(toOne, place), jpaName.apply(target)));
    }

    private Kind toOneKind(ToOne toOne, Place place) {
        return switch (place) {
            case EMBEDDABLE -> Kind.TO_ONE_IN_EMBEDDABLE;
            case ELEMENT -> Kind.TO_ONE_IN_ELEMENT_COLLECTION;
            case ID -> Kind.TO_ONE_IN_ID;
            case MAP_KEY -> Kind.TO_ONE_IN_MAP_KEY;
            case JOIN_TABLE -> Kind.TO_ONE_THROUGH_JOIN_TABLE;
            case ENTITY -> entityToOneKind(toOne);
        };
    }

    private Kind entityToOneKind(ToOne toOne) {
        if (toOne.getSelectables().stream().anyMatch(Selectable::isFormula)) {
            return Kind.TO_ONE_ON_FORMULA;
        }
        if (toOne instanceof OneToOne oneToOne) {
            return oneToOne.getMappedByProperty() != null || oneToOne.isReferenceToPrimaryKey() ? Kind.SHARED_KEY_TO_ONE
                    : Kind.TO_ONE_ON_NON_KEY_COLUMN;
        }
        if (toOne.getReferencedPropertyName() != null || !toOne.isReferenceToPrimaryKey()) {
            return Kind.TO_ONE_ON_NON_KEY_COLUMN;
        }
        if (toOne.getColumnSpan() != 1) {
            return Kind.TO_ONE_ON_SEVERAL_COLUMNS;
        }
        if (toOne instanceof ManyToOne manyToOne && manyToOne.isIgnoreNotFound() && !hideRow) {
            return Kind.TO_ONE_IGNORING_MISSING_ROWS;
        }
        return Kind.TO_ONE;
    }

    private void any(String entity, String path, Any any, Kind kind) {
        List<String> targets = any.getMetaValues() == null || any.getMetaValues().isEmpty() ? null
                : any.getMetaValues().values().stream().filter(isProtected).map(jpaName).toList();
        if (targets == null) {
            paths.add(new MappingPath(entity, path, kind, "any protected entity"));
        }
        else if (!targets.isEmpty()) {
            paths.add(new MappingPath(entity, path, kind, String.join(", ", targets)));
        }
    }

    private void collection(String entity, String path, Collection collection) {
        Value element = collection.getElement();
        String elementEntity = element instanceof OneToMany oneToMany ? oneToMany.getReferencedEntityName()
                : element instanceof ManyToOne manyToOne ? manyToOne.getReferencedEntityName() : null;
        boolean protectedElements = elementEntity != null && isProtected.test(elementEntity);
        if (protectedElements) {
            String target = jpaName.apply(elementEntity);
            paths.add(new MappingPath(entity, path, element instanceof OneToMany ? Kind.ONE_TO_MANY : Kind.MANY_TO_MANY,
                    target));
            if (collection.getLoaderName() != null) {
                paths.add(new MappingPath(entity, path, Kind.CUSTOM_COLLECTION_LOADER, target));
            }
            if (collection instanceof org.hibernate.mapping.List) {
                paths.add(new MappingPath(entity, path, Kind.ORDERED_LIST, target));
            }
        }
        else if (element instanceof Any any) {
            any(entity, path, any, Kind.MANY_TO_ANY);
        }
        else if (element instanceof Component component) {
            component(entity, path, component, Place.ELEMENT);
        }
        else if (!(element instanceof BasicValue || elementEntity != null)) {
            paths.add(new MappingPath(entity, path, Kind.UNKNOWN, element.getClass().getName()));
        }
        if (collection instanceof IndexedCollection indexed && !(collection instanceof org.hibernate.mapping.List)) {
            mapKey(entity, path + ".key", indexed, protectedElements ? jpaName.apply(elementEntity) : null);
        }
    }

    private void mapKey(String entity, String path, IndexedCollection map, @Nullable String protectedElement) {
        Value index = map.getIndex();
        if (map.hasMapKeyProperty()) {
            if (protectedElement != null) {
                paths.add(new MappingPath(entity, path, Kind.MAP_KEY_OF_ELEMENT, protectedElement));
            }
            return;
        }
        if (index instanceof ManyToOne key) {
            if (isProtected.test(key.getReferencedEntityName())) {
                paths.add(new MappingPath(entity, path, Kind.ENTITY_MAP_KEY,
                        jpaName.apply(key.getReferencedEntityName())));
            }
        }
        else if (index instanceof Any any) {
            any(entity, path, any, Kind.ANY);
        }
        else if (index instanceof Component component) {
            component(entity, path, component, Place.MAP_KEY);
        }
        else if (!(index instanceof BasicValue || index instanceof DependantValue)) {
            paths.add(new MappingPath(entity, path, Kind.UNKNOWN, index.getClass().getName()));
        }
    }

}

package dev.rowguard.hibernate.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EnumType;

import dev.rowguard.policy.AuthEntity;
import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.model.EntityModel;
import dev.rowguard.policy.internal.model.ValueKind;

import org.hibernate.MappingException;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.ManyToOne;
import org.hibernate.mapping.OneToMany;
import org.hibernate.mapping.OneToOne;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.ToOne;
import org.hibernate.mapping.Value;
import org.jspecify.annotations.Nullable;

/**
 * Reads Hibernate's boot-time mapping into the model policies are checked against:
 * tables, columns, to-one and to-many relations. Attributes policies cannot use
 * (embeddables, binary, JSON, columns of a {@code @SecondaryTable}, to-ones through a
 * {@code @JoinTable}...) are left out, so a policy naming them gets a clear "unknown
 * attribute".
 */
final class MappingModelReader {

    private final Map<String, PersistentClass> bindings;

    private final Map<String, String> jpaNameOfEntityName = new LinkedHashMap<>();

    MappingModelReader(Map<String, PersistentClass> bindings) {
        this.bindings = bindings;
        bindings.values()
            .forEach(binding -> jpaNameOfEntityName.put(binding.getEntityName(), binding.getJpaEntityName()));
    }

    DomainModel read(Set<String> authAttributes) {
        List<EntityModel> entities = new ArrayList<>();
        for (PersistentClass binding : bindings.values()) {
            if (binding.getIdentifierProperty() != null && binding.getMappedClass() != null) {
                try {
                    entities.add(entity(binding));
                }
                catch (RuntimeException ex) {
                    throw UnhandledMapping.of(binding.getJpaEntityName(), ex);
                }
            }
        }
        return new DomainModel(entities, authAttributes);
    }

    private EntityModel entity(PersistentClass binding) {
        Class<?> type = binding.getMappedClass();
        Property idProperty = binding.getIdentifierProperty();
        Attribute.Scalar id = scalar(type, idProperty, false);
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        if (id != null) {
            attributes.put(id.name(), id);
        }
        Set<Property> inOtherTables = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        binding.getJoinClosure().forEach(join -> inOtherTables.addAll(join.getProperties()));
        for (Property property : binding.getPropertyClosure()) {
            if (inOtherTables.contains(property)) {
                // a @SecondaryTable column, or a to-one mapped through a @JoinTable: the
                // rules' SQL
                // reads the entity's own table only
                continue;
            }
            Attribute attribute = attribute(type, property);
            if (attribute != null) {
                attributes.put(attribute.name(), attribute);
            }
        }
        return new EntityModel(binding.getJpaEntityName(), tableName(binding.getTable()), id, attributes,
                type.isAnnotationPresent(AuthEntity.class));
    }

    private @Nullable Attribute attribute(Class<?> owner, Property property) {
        Value value = property.getValue();
        if (value instanceof OneToOne oneToOne && oneToOne.getMappedByProperty() != null
                && oneToOne.getColumnSpan() == 0) {
            return inverseToOne(property, oneToOne);
        }
        if (value instanceof ManyToOne || (value instanceof ToOne toOne && toOne.getColumnSpan() == 1)) {
            ToOne toOne = (ToOne) value;
            String column = singleColumn(toOne);
            if (column == null) {
                return null;
            }
            return new Attribute.ToOne(property.getName(), jpaName(toOne.getReferencedEntityName()), column,
                    toOne.isNullable());
        }
        if (value instanceof Collection collection) {
            return toMany(property, collection);
        }
        if (value instanceof Component) {
            return null;
        }
        return scalar(owner, property, property.isOptional());
    }

    /**
     * The inverse side of a one-to-one: the owning side's foreign-key column, in the
     * target's table.
     */
    private Attribute.@Nullable InverseToOne inverseToOne(Property property, OneToOne oneToOne) {
        PersistentClass target = bindings.get(oneToOne.getReferencedEntityName());
        String mappedBy = oneToOne.getMappedByProperty();
        if (target == null || mappedBy == null || target.getTable() == null) {
            return null;
        }
        Property owning;
        try {
            owning = target.getRecursiveProperty(mappedBy);
        }
        catch (MappingException ex) {
            return null;
        }
        String column = owning.getValue() instanceof ToOne toOne ? singleColumn(toOne) : null;
        return column == null ? null
                : new Attribute.InverseToOne(property.getName(), jpaName(target.getEntityName()), column);
    }

    private @Nullable Attribute toMany(Property property, Collection collection) {
        String keyColumn = singleColumn(collection.getKey());
        if (keyColumn == null) {
            return null;
        }
        if (collection.getElement() instanceof OneToMany oneToMany) {
            return new Attribute.ToMany(property.getName(), jpaName(oneToMany.getReferencedEntityName()), keyColumn,
                    null);
        }
        if (collection.getElement() instanceof ManyToOne element) {
            String targetColumn = singleColumn(element);
            return targetColumn == null ? null : new Attribute.ToMany(property.getName(),
                    jpaName(element.getReferencedEntityName()), null,
                    new Attribute.JoinTable(tableName(collection.getCollectionTable()), keyColumn, targetColumn));
        }
        return null;
    }

    /**
     * The attribute's Java type as Hibernate accesses it (field or property access,
     * annotations or {@code orm.xml}), and an enum's storage as Hibernate bound it. An
     * attribute stored through an {@code AttributeConverter} is left out: its column
     * holds the converter's values, which a rule written against the attribute cannot
     * compare.
     */
    private static Attribute.@Nullable Scalar scalar(Class<?> owner, Property property, boolean nullable) {
        String column = singleColumn(property.getValue());
        Class<?> javaType = javaType(owner, property);
        if (column == null || javaType == null || (property.getValue() instanceof BasicValue basic
                && basic.getJpaAttributeConverterDescriptor() != null)) {
            return null;
        }
        if (javaType.isEnum()) {
            EnumType style = (property.getValue() instanceof BasicValue basic) ? basic.getEnumerationStyle() : null;
            boolean ordinal = style == null || style == EnumType.ORDINAL;
            List<String> constants = Arrays.stream(javaType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            return new Attribute.Scalar(property.getName(), column, ValueKind.ENUM, javaType, constants, ordinal,
                    nullable);
        }
        ValueKind kind = kindOf(javaType);
        return kind == null ? null : Attribute.Scalar.of(property.getName(), column, kind, boxed(javaType), nullable);
    }

    private static @Nullable Class<?> javaType(Class<?> owner, Property property) {
        try {
            return property.getGetter(owner).getReturnTypeClass();
        }
        catch (MappingException ex) {
            return null;
        }
    }

    private static @Nullable ValueKind kindOf(Class<?> type) {
        Class<?> boxed = boxed(type);
        if (boxed == String.class || boxed == Character.class) {
            return ValueKind.STRING;
        }
        if (Number.class.isAssignableFrom(boxed) || boxed == BigDecimal.class || boxed == BigInteger.class) {
            return ValueKind.NUMBER;
        }
        if (boxed == Boolean.class) {
            return ValueKind.BOOLEAN;
        }
        if (boxed == UUID.class) {
            return ValueKind.UUID;
        }
        if (Temporal.class.isAssignableFrom(boxed) || java.util.Date.class.isAssignableFrom(boxed)) {
            return ValueKind.TEMPORAL;
        }
        return null;
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            case "char" -> Character.class;
            default -> type;
        };
    }

    private static @Nullable String singleColumn(Value value) {
        List<Selectable> selectables = value.getSelectables();
        if (selectables.size() != 1 || !(selectables.get(0) instanceof Column column)) {
            return null;
        }
        return SqlIdentifiers.of(column);
    }

    private static String tableName(Table table) {
        return SqlIdentifiers.of(table);
    }

    private String jpaName(String entityName) {
        return jpaNameOfEntityName.getOrDefault(entityName, entityName);
    }

}

package dev.rowguard.policy.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.model.DomainModel;
import dev.rowguard.policy.internal.model.EntityModel;
import dev.rowguard.policy.internal.model.ValueKind;

/**
 * Builds domain models for tests without JPA:
 * {@code entity("Todo", "todo").id(...).toOne(...)}.
 */
public final class ModelBuilder {

    private final List<EntityModel> entities = new ArrayList<>();

    private final Set<String> authAttributes;

    public ModelBuilder(String... authAttributes) {
        this.authAttributes = Set.of(authAttributes);
    }

    public Entity entity(String name, String table) {
        return new Entity(name, table);
    }

    public DomainModel build() {
        return new DomainModel(entities, authAttributes);
    }

    public final class Entity {

        private final String name;

        private final String table;

        private final Map<String, Attribute> attributes = new LinkedHashMap<>();

        private Attribute.Scalar id;

        private boolean authEntity;

        private Entity(String name, String table) {
            this.name = name;
            this.table = table;
        }

        public Entity id(ValueKind kind, Class<?> javaType) {
            id = Attribute.Scalar.of("id", "id", kind, javaType, false);
            attributes.put("id", id);
            return this;
        }

        public Entity scalar(String attribute, String column, ValueKind kind, Class<?> javaType, boolean nullable) {
            attributes.put(attribute, Attribute.Scalar.of(attribute, column, kind, javaType, nullable));
            return this;
        }

        public Entity enumeration(String attribute, String column, boolean nullable, String... constants) {
            attributes.put(attribute, new Attribute.Scalar(attribute, column, ValueKind.ENUM, String.class,
                    List.of(constants), false, nullable));
            return this;
        }

        public Entity toOne(String attribute, String target, String foreignKey, boolean optional) {
            attributes.put(attribute, new Attribute.ToOne(attribute, target, foreignKey, optional));
            return this;
        }

        public Entity inverseToOne(String attribute, String target, String targetForeignKey) {
            attributes.put(attribute, new Attribute.InverseToOne(attribute, target, targetForeignKey));
            return this;
        }

        public Entity toMany(String attribute, String target, String targetForeignKey) {
            attributes.put(attribute, new Attribute.ToMany(attribute, target, targetForeignKey, null));
            return this;
        }

        public Entity manyToMany(String attribute, String target, String joinTable, String ownerColumn,
                String targetColumn) {
            attributes.put(attribute, new Attribute.ToMany(attribute, target, null,
                    new Attribute.JoinTable(joinTable, ownerColumn, targetColumn)));
            return this;
        }

        public Entity authEntity() {
            this.authEntity = true;
            return this;
        }

        public ModelBuilder done() {
            entities.add(new EntityModel(name, table, id, attributes, authEntity));
            return ModelBuilder.this;
        }

    }

}

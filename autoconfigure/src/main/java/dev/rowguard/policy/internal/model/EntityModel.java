package dev.rowguard.policy.internal.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What policies need to know of one entity: its table, id and attributes.
 *
 * @param name the JPA entity name
 * @param table the table name as it must appear in SQL
 * @param authEntity whether its id is {@code auth().id} ({@code @AuthEntity})
 */
public record EntityModel(String name, String table, Attribute.Scalar id, Map<String, Attribute> attributes,
        boolean authEntity) {

    public EntityModel {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public Attribute attribute(String attributeName) {
        return attributes.get(attributeName);
    }
}

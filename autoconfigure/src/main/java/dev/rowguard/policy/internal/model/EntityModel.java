package dev.rowguard.policy.internal.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What policies need to know of one entity: its table, id and attributes.
 *
 * @param name the JPA entity name
 * @param table the table name as it must appear in SQL
 * @param id the id attribute; null when the id is not one column of a type policies know
 * (an {@code @EmbeddedId}, for one)
 * @param authEntity whether its id is {@code auth().id} ({@code @AuthEntity})
 */
public record EntityModel(String name, String table, Attribute.@Nullable Scalar id, Map<String, Attribute> attributes,
        boolean authEntity) {

    public EntityModel {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public @Nullable Attribute attribute(String attributeName) {
        return attributes.get(attributeName);
    }

    /** The {@link #id} where it must be there: fails for an entity without one. */
    public Attribute.Scalar requiredId() {
        return Objects.requireNonNull(id, () -> "Rowguard reads no single-column id of entity " + name);
    }
}

package dev.rowguard.policy.internal.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * All entities policies may reach, plus the {@code auth()} attributes the application
 * declared.
 */
public final class DomainModel {

    private final Map<String, EntityModel> entities = new LinkedHashMap<>();

    private final Set<String> authAttributes;

    public DomainModel(Collection<EntityModel> entities, Set<String> authAttributes) {
        entities.forEach(entity -> this.entities.put(entity.name(), entity));
        this.authAttributes = Set.copyOf(authAttributes);
    }

    public EntityModel entity(String name) {
        EntityModel entity = entities.get(name);
        if (entity == null) {
            throw new IllegalArgumentException("Unknown entity " + name);
        }
        return entity;
    }

    public Collection<EntityModel> entities() {
        return entities.values();
    }

    public Set<String> authAttributes() {
        return authAttributes;
    }

    /** The entity marked {@code @AuthEntity}, or null. */
    public @Nullable EntityModel authEntity() {
        return entities.values().stream().filter(EntityModel::authEntity).findFirst().orElse(null);
    }

}

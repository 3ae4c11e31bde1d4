package dev.rowguard.autoconfigure.jpa;

import java.io.Serializable;
import java.util.Locale;

import dev.rowguard.hibernate.internal.CurrentOrOwnEntityManager;
import dev.rowguard.policy.Operation;
import dev.rowguard.policy.PermissionPlan;
import dev.rowguard.policy.Permissions;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.core.Authentication;

/**
 * Spring Security's {@code hasPermission} answered by the policies, for the current
 * caller: {@code hasPermission(#post, 'UPDATE')} asks {@link Permissions#can};
 * {@code hasPermission(#id, 'Post', 'DELETE')} loads the row through the read rules first
 * (a row hidden from the caller answers false); {@code hasPermission(null, 'Post',
 * 'CREATE')} is true unless the caller may never create one. The permission is an
 * operation name, in any case.
 */
final class PolicyPermissionEvaluator implements PermissionEvaluator {

    private final Permissions permissions;

    private final EntityManagerFactory entityManagerFactory;

    PolicyPermissionEvaluator(Permissions permissions, EntityManagerFactory entityManagerFactory) {
        this.permissions = permissions;
        this.entityManagerFactory = entityManagerFactory;
    }

    @Override
    public boolean hasPermission(Authentication authentication, @Nullable Object target, Object permission) {
        Operation operation = operation(permission);
        return target != null && operation != null && permissions.can(operation, target);
    }

    @Override
    public boolean hasPermission(Authentication authentication, @Nullable Serializable targetId, String targetType,
            Object permission) {
        Operation operation = operation(permission);
        Class<?> type = entityClass(targetType);
        if (operation == null || type == null) {
            return false;
        }
        if (targetId == null) {
            return permissions.check(type, operation).kind() != PermissionPlan.Kind.NEVER;
        }
        return CurrentOrOwnEntityManager.apply(entityManagerFactory, entityManager -> {
            Object row = entityManager.find(type, targetId);
            return row != null && permissions.can(operation, row);
        });
    }

    private @Nullable Class<?> entityClass(String name) {
        for (EntityType<?> entity : entityManagerFactory.getMetamodel().getEntities()) {
            if (entity.getName().equals(name) || entity.getJavaType().getName().equals(name)) {
                return entity.getJavaType();
            }
        }
        return null;
    }

    private static @Nullable Operation operation(Object permission) {
        try {
            Operation operation = Operation.valueOf(permission.toString().trim().toUpperCase(Locale.ROOT));
            return operation == Operation.ALL || operation == Operation.POST_UPDATE ? null : operation;
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

}

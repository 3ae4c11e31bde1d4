package dev.rowguard.autoconfigure.jpa;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.core.Authentication;

/**
 * The application's permission evaluator, looked up at the first check rather than when
 * method security is set up (which happens before the persistence unit exists); denies
 * when there is none.
 */
final class LazyPermissionEvaluator implements PermissionEvaluator {

    private final ObjectProvider<PermissionEvaluator> evaluator;

    LazyPermissionEvaluator(ObjectProvider<PermissionEvaluator> evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public boolean hasPermission(Authentication authentication, @Nullable Object target, Object permission) {
        PermissionEvaluator delegate = evaluator.getIfUnique();
        return delegate != null && delegate.hasPermission(authentication, target, permission);
    }

    @Override
    public boolean hasPermission(Authentication authentication, Serializable targetId, String targetType,
            Object permission) {
        PermissionEvaluator delegate = evaluator.getIfUnique();
        return delegate != null && delegate.hasPermission(authentication, targetId, targetType, permission);
    }

}

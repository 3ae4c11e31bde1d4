package dev.rowguard.autoconfigure.jpa;

import dev.rowguard.hibernate.internal.PolicyPermissions;
import dev.rowguard.policy.Permissions;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.config.core.GrantedAuthorityDefaults;

/**
 * {@link Permissions}, to ask the policies before doing, and, when Spring Security is
 * present, a {@link PermissionEvaluator} backed by it, so that
 * {@code @PreAuthorize("hasPermission(#post, 'UPDATE')")} decides with the same rules.
 */
@AutoConfiguration(after = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({ SessionFactory.class, EntityManagerFactory.class })
@ConditionalOnSingleCandidate(EntityManagerFactory.class)
public final class RowguardPermissionsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Permissions rowguardPermissions(EntityManagerFactory entityManagerFactory) {
        return new PolicyPermissions(entityManagerFactory);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(PermissionEvaluator.class)
    static class PermissionEvaluatorConfiguration {

        @Bean
        @ConditionalOnMissingBean(PermissionEvaluator.class)
        PermissionEvaluator rowguardPermissionEvaluator(Permissions permissions,
                EntityManagerFactory entityManagerFactory) {
            return new PolicyPermissionEvaluator(permissions, entityManagerFactory);
        }

        /**
         * Method security uses a permission evaluator only through its expression
         * handler; this one is Spring Security's default with the application's
         * permission evaluator, role prefix and role hierarchy. Static and lazy: it is
         * needed while the method interceptors are created, before the JPA beans.
         */
        @Bean
        @ConditionalOnMissingBean(MethodSecurityExpressionHandler.class)
        @ConditionalOnClass(name = "org.aopalliance.intercept.MethodInvocation")
        static MethodSecurityExpressionHandler rowguardMethodSecurityExpressionHandler(
                ObjectProvider<PermissionEvaluator> permissionEvaluator,
                ObjectProvider<GrantedAuthorityDefaults> authorityDefaults,
                ObjectProvider<RoleHierarchy> roleHierarchy) {
            DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
            handler.setPermissionEvaluator(new LazyPermissionEvaluator(permissionEvaluator));
            authorityDefaults.ifAvailable(defaults -> handler.setDefaultRolePrefix(defaults.getRolePrefix()));
            roleHierarchy.ifAvailable(handler::setRoleHierarchy);
            return handler;
        }

    }

}

package dev.rowguard.autoconfigure.web;

import java.util.List;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Answers denied writes with 403 problem details in servlet web applications, and gives
 * controllers the caller as an {@code AuthPrincipal} parameter.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
public final class RowguardWebMvcAutoConfiguration {

    /**
     * Ahead of Spring Security's resolver, which answers null for principals of other
     * types.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebMvcConfigurer rowguardAuthPrincipalArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(0, new AuthPrincipalArgumentResolver());
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    PolicyViolationProblemHandler rowguardPolicyViolationProblemHandler() {
        return new PolicyViolationProblemHandler();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnClass(name = "org.springframework.orm.ObjectOptimisticLockingFailureException")
    HiddenRowProblemHandler rowguardHiddenRowProblemHandler(
            ObjectProvider<EntityManagerFactory> entityManagerFactories) {
        return new HiddenRowProblemHandler(entityManagerFactories);
    }

}

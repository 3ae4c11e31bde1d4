package dev.rowguard.autoconfigure.web;

import java.util.List;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.web.PageableHandlerMethodArgumentResolver;
import org.springframework.data.web.SortHandlerMethodArgumentResolver;
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
@EnableConfigurationProperties(RowguardWebProperties.class)
public final class RowguardWebMvcAutoConfiguration {

    @Bean
    static AuthPrincipalArgumentFirst rowguardAuthPrincipalArgument() {
        return new AuthPrincipalArgumentFirst();
    }

    /** Spring Data's paging and sorting parameters: a bad sort is a 400, not a 500. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(PageableHandlerMethodArgumentResolver.class)
    static class SortParameters {

        @Bean
        @ConditionalOnMissingBean
        SortParameterProblemHandler rowguardSortParameterProblemHandler() {
            return new SortParameterProblemHandler();
        }

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        WebMvcConfigurer rowguardOwnAttributeSorts(RowguardWebProperties properties,
                ObjectProvider<PageableHandlerMethodArgumentResolver> pageables,
                ObjectProvider<SortHandlerMethodArgumentResolver> sorts) {
            return new WebMvcConfigurer() {
                @Override
                public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                    PageableHandlerMethodArgumentResolver pageable = pageables.getIfUnique();
                    SortHandlerMethodArgumentResolver sort = sorts.getIfUnique();
                    if (properties.getSortThroughRelations() == RowguardWebProperties.SortThroughRelations.REFUSE
                            && pageable != null && sort != null) {
                        resolvers.add(0, new OwnAttributeSorts(pageable, sort));
                    }
                }
            };
        }

    }

    @Bean
    @ConditionalOnMissingBean
    PolicyViolationProblemHandler rowguardPolicyViolationProblemHandler(RowguardWebProperties properties) {
        return new PolicyViolationProblemHandler(properties.isExposeRules());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnClass(name = "org.springframework.orm.ObjectOptimisticLockingFailureException")
    HiddenRowProblemHandler rowguardHiddenRowProblemHandler(
            ObjectProvider<EntityManagerFactory> entityManagerFactories) {
        return new HiddenRowProblemHandler(entityManagerFactories);
    }

}

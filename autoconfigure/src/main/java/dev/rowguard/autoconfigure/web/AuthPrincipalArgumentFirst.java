package dev.rowguard.autoconfigure.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Puts the {@link AuthPrincipalArgumentResolver} ahead of Spring MVC's built-in
 * resolvers: an {@code AuthPrincipal} is a {@link java.security.Principal}, which Spring
 * MVC would otherwise answer from the request (an error, the request's principal being
 * the authentication), and ahead of Spring Security's {@code @AuthenticationPrincipal}
 * resolver, which answers null for authentications of other kinds. Resolvers registered
 * through {@code WebMvcConfigurer} come after the built-in ones, hence a post-processor.
 */
final class AuthPrincipalArgumentFirst implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
            List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>(adapter.getArgumentResolvers());
            resolvers.add(0, new AuthPrincipalArgumentResolver());
            adapter.setArgumentResolvers(resolvers);
        }
        return bean;
    }

}

package dev.rowguard.autoconfigure.web;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.context.CallerContext;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * A controller parameter of type {@link AuthPrincipal} ({@code @AuthenticationPrincipal}
 * or not) is the caller the policies see, whatever kind of authentication Spring Security
 * holds (Spring Security's own resolver would give null unless the principal is an
 * {@code AuthPrincipal} already); null for an anonymous caller.
 */
final class AuthPrincipalArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AuthPrincipal.class;
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
        return CallerContext.current().principal();
    }

}

package dev.rowguard.autoconfigure.web;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@code Pageable} and {@code Sort} controller parameters through Spring Data's
 * own resolvers (with the application's settings), then refuses an order by a path
 * through a relation.
 */
final class OwnAttributeSorts implements HandlerMethodArgumentResolver {

    private final HandlerMethodArgumentResolver pageables;

    private final HandlerMethodArgumentResolver sorts;

    OwnAttributeSorts(HandlerMethodArgumentResolver pageables, HandlerMethodArgumentResolver sorts) {
        this.pageables = pageables;
        this.sorts = sorts;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return pageables.supportsParameter(parameter) || sorts.supportsParameter(parameter);
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) throws Exception {
        HandlerMethodArgumentResolver delegate = pageables.supportsParameter(parameter) ? pageables : sorts;
        Object resolved = delegate.resolveArgument(parameter, mavContainer, webRequest, binderFactory);
        Sort sort = resolved instanceof Pageable pageable ? pageable.getSort()
                : resolved instanceof Sort plain ? plain : Sort.unsorted();
        for (Sort.Order order : sort) {
            if (order.getProperty().contains(".")) {
                throw new SortThroughRelationException();
            }
        }
        return resolved;
    }

}

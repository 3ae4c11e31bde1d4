package dev.rowguard.devkit.internal;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches unless {@code spring.datasource.url} names a database: an explicit URL wins
 * over the dev services' PostgreSQL. An empty value (e.g. {@code ${DATABASE_URL:}}) names
 * none.
 */
public final class NoConfiguredDataSource extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        return StringUtils.hasText(url) ? ConditionOutcome.noMatch("spring.datasource.url is set")
                : ConditionOutcome.match("no spring.datasource.url");
    }

}

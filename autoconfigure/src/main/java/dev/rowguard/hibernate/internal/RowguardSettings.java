package dev.rowguard.hibernate.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rowguard's settings as Hibernate sees them (the Spring auto-configuration passes them
 * as Hibernate properties, so that plain Hibernate bootstraps can set them too).
 */
public record RowguardSettings(boolean enabled, Set<String> authAttributes, boolean allowUnannotated, int maxShapes,
        boolean hideRowsWithHiddenReferences, boolean sessionClaims) {

    public static final String ENABLED = "rowguard.enabled";

    public static final String AUTH_ATTRIBUTES = "rowguard.auth.attribute-names";

    public static final String UNANNOTATED = "rowguard.policy.unannotated";

    public static final String MAX_SHAPES = "rowguard.policy.max-filter-shapes";

    public static final String HIDDEN_REFERENCES = "rowguard.policy.hidden-references";

    /**
     * The caller is handed to PostgreSQL, whose generated row-level security may then
     * apply too.
     */
    public static final String SESSION_CLAIMS = "rowguard.postgres.session-claims";

    static RowguardSettings from(Map<String, Object> settings) {
        boolean enabled = !"false".equals(String.valueOf(settings.getOrDefault(ENABLED, "true")));
        String attributes = String.valueOf(settings.getOrDefault(AUTH_ATTRIBUTES, ""));
        Set<String> names = Arrays.stream(attributes.split(","))
            .map(String::trim)
            .filter(name -> !name.isEmpty())
            .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        boolean allow = "allow".equalsIgnoreCase(String.valueOf(settings.getOrDefault(UNANNOTATED, "deny")));
        int maxShapes = Integer.parseInt(String.valueOf(settings.getOrDefault(MAX_SHAPES, "64")));
        boolean hide = !"unchecked"
            .equalsIgnoreCase(String.valueOf(settings.getOrDefault(HIDDEN_REFERENCES, "hide-row")));
        boolean sessionClaims = "true".equals(String.valueOf(settings.getOrDefault(SESSION_CLAIMS, "false")));
        return new RowguardSettings(enabled, names, allow, maxShapes, hide, sessionClaims);
    }
}

package dev.rowguard.autoconfigure.security;

import java.util.List;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.Environment;

/**
 * Which provider blocks the configuration contains: a block's presence turns its provider
 * on.
 */
final class ProviderBlocks {

    static final String CLERK = "rowguard.clerk";
    static final String SUPABASE = "rowguard.supabase";
    static final String OIDC = "rowguard.oidc";
    static final List<String> ALL = List.of(CLERK, SUPABASE, OIDC);

    private ProviderBlocks() {
    }

    static boolean present(Environment environment, String prefix) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(prefix);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source.getConfigurationProperty(name) != null
                    || source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }

    static boolean anyPresent(Environment environment) {
        return ALL.stream().anyMatch(prefix -> present(environment, prefix));
    }

}

package dev.rowguard.hibernate.internal;

import java.util.List;
import java.util.Map;

import org.hibernate.mapping.Collection;
import org.hibernate.mapping.PersistentClass;

/**
 * Hibernate's caches do not know who is asking: a query-cache key leaves out filter
 * parameter values, and a second-level-cache hit skips the filter. So a cached result
 * could reach a caller who may not read it. Rowguard refuses both for entities whose read
 * rule depends on the caller, and for entities with fields some callers may not read (a
 * cached state would show one caller's view of them to another).
 */
final class CacheRefusal {

    private static final String QUERY_CACHE = "hibernate.cache.use_query_cache";

    private CacheRefusal() {
    }

    static void check(Map<String, Object> settings, PersistentClass protectedEntity, List<Collection> collectionsOfIt) {
        String entity = protectedEntity.getJpaEntityName();
        if ("true".equalsIgnoreCase(String.valueOf(settings.get(QUERY_CACHE)))) {
            throw new IllegalStateException(
                    "Rowguard cannot enforce the read rule of " + entity + " with the query cache on (" + QUERY_CACHE
                            + "=true): cached results would be shared between callers. Turn the query cache off.");
        }
        if (protectedEntity.isCached()) {
            throw new IllegalStateException("Rowguard cannot enforce the read rule of " + entity + " while it is in the"
                    + " second-level cache: a cache hit skips the rule. Remove @Cache/@Cacheable from " + entity + ".");
        }
        for (Collection collection : collectionsOfIt) {
            if (collection.getCacheConcurrencyStrategy() != null) {
                throw new IllegalStateException("Rowguard cannot enforce the read rule of " + entity + " on the cached"
                        + " collection " + collection.getRole() + ": a cache hit skips the rule. Remove its @Cache.");
            }
        }
    }

}

package dev.rowguard.hibernate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.internal.FilterImpl;
import org.jspecify.annotations.Nullable;

/**
 * The filters a session reads through and the values they bind, when every enabled filter
 * is Rowguard's: Rowguard's filters take every value from the current caller, so two
 * sessions with equal states render equal SQL with equal values, and what Hibernate built
 * for one (a load plan, a translated query) serves the other.
 *
 * @param enabled the enabled filters' names, in Hibernate's (sorted) order
 * @param values what the current caller's filters bind
 */
record FilterState(List<String> enabled, PolicyRuntime.FilterValues values) {

    /**
     * The session's state, or null when no filter is enabled (Hibernate keeps what it
     * builds then), or one is not Rowguard's (an application's filter value may be
     * anything) or had a value set in the session.
     */
    static @Nullable FilterState of(LoadQueryInfluencers influencers, PolicyRuntime runtime) {
        Set<String> names = influencers.getEnabledFilterNames();
        if (names.isEmpty()) {
            return null;
        }
        List<String> enabled = new ArrayList<>(names.size());
        for (String name : names) {
            if (!runtime.ownsFilter(name) || !(influencers.getEnabledFilter(name) instanceof FilterImpl filter)
                    || !filter.getParameters().isEmpty()) {
                return null;
            }
            enabled.add(name);
        }
        return new FilterState(enabled, runtime.currentFilterValues());
    }

}

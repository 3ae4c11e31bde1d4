package dev.rowguard.hibernate.internal;

import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.graph.spi.AppliedGraph;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.sqm.SqmQuerySource;
import org.hibernate.query.sqm.sql.SqmTranslation;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.sql.ast.tree.select.SelectStatement;
import org.jspecify.annotations.Nullable;

/**
 * Translations of selects into SQL ASTs, kept per statement and per the session's
 * {@link FilterState}. Hibernate keeps no query plan for a session with an enabled
 * filter, because the plan holds the filters' values; Rowguard's filters take every value
 * from the caller, so a statement translated for one state serves every session in an
 * equal one. An HQL statement is kept by identity (Hibernate parses each string once); a
 * criteria query, a new statement each time, by its structure (Hibernate's own
 * {@code isCompatible}, what its criteria plan cache compares), and only without
 * parameters, whose binding the kept translation could not carry to the new statement's.
 * What Hibernate's own plan cache would not reuse either is translated afresh: an entity
 * graph, limits applied in memory, parameters bound to lists, a lock or fetch profile, or
 * a filter of the application's. Hibernate still renders each execution's SQL from the
 * kept AST.
 */
final class CallerTranslations {

    static final int TRANSLATIONS_KEPT = 256;

    private final RecentlyUsed<Key, SqmTranslation<SelectStatement>> translations = new RecentlyUsed<>(
            TRANSLATIONS_KEPT);

    /** The key of a select's translation, or null when it must be translated afresh. */
    static @Nullable Key key(SqmSelectStatement<?> statement, QueryOptions options, QueryParameterBindings bindings,
            LoadQueryInfluencers influencers, boolean deduplicateSelectionItems, PolicyRuntime runtime) {
        AppliedGraph graph = options.getAppliedGraph();
        boolean criteria = statement.getQuerySource() == SqmQuerySource.CRITERIA;
        if (!criteria && statement.getQuerySource() != SqmQuerySource.HQL
                || criteria && !statement.getSqmParameters().isEmpty() || !influencers.hasEnabledFilters()
                || options.isLimitInMemoryEnabled() == Boolean.TRUE || graph != null && graph.getSemantic() != null
                || influencers.getEffectiveEntityGraph().getSemantic() != null || influencers.hasEnabledFetchProfiles()
                || influencers.getTemporalIdentifier() != null || !options.getLockOptions().isEmpty()
                || bindings.hasAnyMultiValuedBindings()) {
            return null;
        }
        FilterState filters = FilterState.of(influencers, runtime);
        return filters == null ? null : new Key(statement, criteria, deduplicateSelectionItems, filters);
    }

    @Nullable SqmTranslation<SelectStatement> get(Key key) {
        return translations.get(key);
    }

    void keep(Key key, SqmTranslation<SelectStatement> translation) {
        translations.put(key, translation);
    }

    /** Number of translations kept, for tests. */
    int size() {
        return translations.size();
    }

    /**
     * A statement (HQL's by identity: they come from Hibernate's own cache; criteria by
     * structure) and state.
     */
    static final class Key {

        private final SqmSelectStatement<?> statement;

        private final boolean byStructure;

        private final boolean deduplicateSelectionItems;

        private final FilterState filters;

        private final int hash;

        Key(SqmSelectStatement<?> statement, boolean byStructure, boolean deduplicateSelectionItems,
                FilterState filters) {
            this.statement = statement;
            this.byStructure = byStructure;
            this.deduplicateSelectionItems = deduplicateSelectionItems;
            this.filters = filters;
            int statementHash = byStructure ? statement.cacheHashCode() : System.identityHashCode(statement);
            this.hash = ((statementHash * 31 + Boolean.hashCode(byStructure)) * 31
                    + Boolean.hashCode(deduplicateSelectionItems)) * 31 + filters.hashCode();
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Key that && byStructure == that.byStructure
                    && deduplicateSelectionItems == that.deduplicateSelectionItems && filters.equals(that.filters)
                    && (statement == that.statement || byStructure && statement.isCompatible(that.statement));
        }

        @Override
        public int hashCode() {
            return hash;
        }

    }

}

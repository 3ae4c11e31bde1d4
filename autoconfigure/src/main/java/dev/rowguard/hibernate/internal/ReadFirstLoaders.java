package dev.rowguard.hibernate.internal;

import java.util.List;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.loader.ast.spi.MultiNaturalIdLoadOptions;
import org.hibernate.loader.ast.spi.MultiNaturalIdLoader;
import org.hibernate.loader.ast.spi.NaturalIdLoadOptions;
import org.hibernate.loader.ast.spi.NaturalIdLoader;
import org.hibernate.metamodel.mapping.EntityMappingType;

/**
 * Hibernate's natural-id loaders, each letting the session choose its filters
 * ({@link SessionCaller#beforeRead()}) before it builds a statement: a load by natural id
 * fires no load event before its own select.
 */
final class ReadFirstLoaders {

    private ReadFirstLoaders() {
    }

    static <T> NaturalIdLoader<T> naturalIds(NaturalIdLoader<T> loader) {
        return new NaturalIds<>(loader);
    }

    static <E> MultiNaturalIdLoader<E> multiNaturalIds(MultiNaturalIdLoader<E> loader) {
        return new MultiNaturalIds<>(loader);
    }

    private record NaturalIds<T>(NaturalIdLoader<T> loader) implements NaturalIdLoader<T> {

        @Override
        @Deprecated
        public T load(Object naturalIdToLoad, NaturalIdLoadOptions options, SharedSessionContractImplementor session) {
            SessionCaller.beforeRead(session);
            return loader.load(naturalIdToLoad, options, session);
        }

        @Override
        public T load(Object naturalIdToLoad, Options options, SharedSessionContractImplementor session) {
            SessionCaller.beforeRead(session);
            return loader.load(naturalIdToLoad, options, session);
        }

        @Override
        public Object resolveNaturalIdToId(Object naturalIdValue, SharedSessionContractImplementor session) {
            SessionCaller.beforeRead(session);
            return loader.resolveNaturalIdToId(naturalIdValue, session);
        }

        @Override
        public Object resolveIdToNaturalId(Object id, SharedSessionContractImplementor session) {
            SessionCaller.beforeRead(session);
            return loader.resolveIdToNaturalId(id, session);
        }

        @Override
        public EntityMappingType getLoadable() {
            return loader.getLoadable();
        }

    }

    private record MultiNaturalIds<E>(MultiNaturalIdLoader<E> loader) implements MultiNaturalIdLoader<E> {

        @Override
        public <K> List<E> multiLoad(K[] naturalIds, MultiNaturalIdLoadOptions options,
                SharedSessionContractImplementor session) {
            SessionCaller.beforeRead(session);
            return loader.multiLoad(naturalIds, options, session);
        }

        @Override
        public EntityMappingType getLoadable() {
            return loader.getLoadable();
        }

    }

}

package dev.rowguard.hibernate.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jspecify.annotations.Nullable;

/**
 * Where Rowguard's query translator looks, after the sessions it knows, for the session
 * of a set of influencers: a session an application framework keeps on the thread (a
 * Spring transaction's or open-in-view entity manager, handed to another thread by
 * asynchronous request processing) can be read first on a thread other than the one that
 * opened it.
 */
public final class SessionLocators {

    private static final List<Function<LoadQueryInfluencers, @Nullable SharedSessionContractImplementor>> LOCATORS = new CopyOnWriteArrayList<>();

    private SessionLocators() {
    }

    /**
     * Adds a locator: the session on the current thread with these influencers, or null.
     */
    public static void add(Function<LoadQueryInfluencers, @Nullable SharedSessionContractImplementor> locator) {
        LOCATORS.add(locator);
    }

    public static void remove(Function<LoadQueryInfluencers, @Nullable SharedSessionContractImplementor> locator) {
        LOCATORS.remove(locator);
    }

    static @Nullable SharedSessionContractImplementor locate(LoadQueryInfluencers influencers) {
        for (Function<LoadQueryInfluencers, @Nullable SharedSessionContractImplementor> locator : LOCATORS) {
            SharedSessionContractImplementor session = locator.apply(influencers);
            if (session != null) {
                return session;
            }
        }
        return null;
    }

}

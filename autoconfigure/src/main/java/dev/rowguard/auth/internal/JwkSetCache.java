package dev.rowguard.auth.internal;

import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import org.jspecify.annotations.Nullable;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A provider's public keys, fetched over HTTP and cached.
 * <ul>
 * <li>Keys are kept for {@code timeToLive}, then fetched again on the next use.</li>
 * <li>A token whose key is not in the cache triggers a fetch, so a rotated key works at
 * once.</li>
 * <li>Every fetch, for whatever reason, counts against one window: at most one fetch per
 * {@code minFetchInterval}, however many unknown {@code kid}s arrive. Concurrent callers
 * wait for the fetch in flight instead of starting their own.</li>
 * <li>When a fetch fails, the keys already cached keep verifying tokens for up to
 * {@code outageTolerance} after they were fetched.</li>
 * <li>A key that is not found after a successful fetch is unknown (the token is invalid);
 * a key that cannot be looked for because the JWKS is unreachable is
 * {@link KeysUnavailableException} (the provider is unavailable).</li>
 * </ul>
 * Nimbus's {@code JWKSourceBuilder} is not used: its rate limiter lets two fetches
 * through per window, and its rate-limit and outage failures are indistinguishable from
 * each other.
 */
public final class JwkSetCache implements JWKSource<SecurityContext> {

    private static final Log logger = LogFactory.getLog(JwkSetCache.class);

    private final JwkSetLocation location;

    private final ResourceRetriever retriever;

    private final Duration timeToLive;

    private final Duration minFetchInterval;

    private final Duration outageTolerance;

    private final Clock clock;

    private final ReentrantLock fetchLock = new ReentrantLock();

    private volatile @Nullable Keys keys;

    private volatile @Nullable Instant lastAttempt;

    private volatile boolean lastAttemptFailed;

    private volatile @Nullable Instant lastFailure;

    /**
     * What the cache holds, for the actuator endpoint and health.
     *
     * @param keyIds the ids of the keys held
     * @param fetchedAt when they were fetched, or null before the first fetch
     * @param lastFailure when a fetch last failed, or null
     * @param unavailable whether the last fetch failed and no usable keys remain (tokens
     * cannot be verified)
     */
    public record Status(List<String> keyIds, @Nullable Instant fetchedAt, @Nullable Instant lastFailure,
            boolean unavailable) {
    }

    public Status status() {
        Keys current = keys;
        List<String> keyIds = current == null ? List.of()
                : current.set().getKeys().stream().map(JWK::getKeyID).filter(java.util.Objects::nonNull).toList();
        return new Status(keyIds, current == null ? null : current.fetchedAt(), lastFailure,
                lastAttemptFailed && usable(current) == null);
    }

    /**
     * The keys held now, as an identity that changes whenever they are fetched again;
     * null when they are past their time to live (the next verification fetches them).
     * What was verified with one generation holds while it is current.
     */
    @Nullable Object generation() {
        Keys current = keys;
        return current == null || current.fetchedAt().plus(timeToLive).isBefore(clock.instant()) ? null : current;
    }

    /** Where the keys are fetched from, as configured or discovered so far. */
    public String location() {
        return location.describe();
    }

    public JwkSetCache(JwkSetLocation location, ResourceRetriever retriever, Duration timeToLive,
            Duration minFetchInterval, Duration outageTolerance, Clock clock) {
        this.location = location;
        this.retriever = retriever;
        this.timeToLive = timeToLive;
        this.minFetchInterval = minFetchInterval;
        this.outageTolerance = outageTolerance;
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        Keys current = keys;
        if (current == null || current.fetchedAt().plus(timeToLive).isBefore(clock.instant())) {
            current = fetch(current);
        }
        List<JWK> matches = select(selector, current);
        if (!matches.isEmpty()) {
            return matches;
        }
        Keys fresher = fetch(current);
        if (fresher != current) {
            matches = select(selector, fresher);
            if (!matches.isEmpty()) {
                return matches;
            }
        }
        if (lastAttemptFailed || usable(fresher) == null) {
            throw new KeysUnavailableException("The signing keys cannot be fetched");
        }
        return List.of();
    }

    /** How long until another fetch may be attempted, for {@code Retry-After}. */
    public Duration minFetchInterval() {
        return minFetchInterval;
    }

    private List<JWK> select(JWKSelector selector, @Nullable Keys candidate) {
        JWKSet set = usable(candidate);
        return set == null ? List.of() : selector.select(set);
    }

    private @Nullable JWKSet usable(@Nullable Keys candidate) {
        if (candidate == null || candidate.fetchedAt().plus(outageTolerance).isBefore(clock.instant())) {
            return null;
        }
        return candidate.set();
    }

    /**
     * Fetches unless another caller already replaced {@code seen} or the window forbids
     * it; returns the keys to use, possibly the same.
     */
    private @Nullable Keys fetch(@Nullable Keys seen) {
        fetchLock.lock();
        try {
            Keys current = keys;
            if (current != seen) {
                return current;
            }
            Instant now = clock.instant();
            if (lastAttempt != null && now.isBefore(lastAttempt.plus(minFetchInterval))) {
                return current;
            }
            lastAttempt = now;
            try {
                JWKSet set = JWKSet.parse(retriever.retrieveResource(location.resolve()).getContent());
                Keys fetched = new Keys(set, now);
                keys = fetched;
                lastAttemptFailed = false;
                return fetched;
            }
            catch (IOException | ParseException | RuntimeException ex) {
                lastAttemptFailed = true;
                lastFailure = now;
                logger.warn("Could not fetch signing keys" + (current != null ? "; the cached keys stay in use" : "")
                        + ": " + ex.getMessage());
                return current;
            }
        }
        finally {
            fetchLock.unlock();
        }
    }

    private record Keys(JWKSet set, Instant fetchedAt) {
    }

}

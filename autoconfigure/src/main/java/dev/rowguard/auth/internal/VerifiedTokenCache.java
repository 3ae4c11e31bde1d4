package dev.rowguard.auth.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens one issuer's verifier accepted, so that a client sending the same
 * token with every request pays for its signature and claims once. An entry is keyed by
 * the SHA-256 of the token (the token itself is not kept as a key), serves only until the
 * token's {@code exp} (never past it, whatever the clock skew allowed at verification),
 * and only while the issuer's keys are those it was verified with: when the keys are
 * fetched again (their time to live ran out, or an unknown key id came in) every entry is
 * verified again, so a retired key stops working as it did before. At most
 * {@code capacity} entries, the least recently used dropped first; a token without
 * {@code exp} is never cached. A token the verifier refuses is refused every time.
 */
final class VerifiedTokenCache implements JwtDecoder {

    /** The generation of an issuer whose tokens are signed with a shared secret. */
    private static final Object SHARED_SECRET = new Object();

    private final JwtDecoder verifier;

    private final @Nullable JwkSetCache keys;

    private final Clock clock;

    private final Map<String, Entry> entries;

    private record Entry(Jwt jwt, Instant expiresAt, Object keys) {
    }

    /**
     * @param verifier the issuer's own verification (signature, algorithms, validators)
     * @param keys the issuer's keys, or null for a shared secret
     */
    VerifiedTokenCache(JwtDecoder verifier, @Nullable JwkSetCache keys, Clock clock, int capacity) {
        this.verifier = verifier;
        this.keys = keys;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String key = sha256(token);
        Entry cached;
        synchronized (entries) {
            cached = entries.get(key);
        }
        Object generation = generation();
        if (cached != null && cached.keys() == generation && clock.instant().isBefore(cached.expiresAt())) {
            return cached.jwt();
        }
        Jwt jwt = verifier.decode(token);
        Instant expiresAt = jwt.getExpiresAt();
        Object verifiedWith = generation();
        // kept only when the keys were current before and did not change during the
        // verification (which would then have used keys that may be gone)
        if (expiresAt != null && generation != null && generation == verifiedWith
                && clock.instant().isBefore(expiresAt)) {
            synchronized (entries) {
                entries.put(key, new Entry(jwt, expiresAt, generation));
            }
        }
        return jwt;
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private @Nullable Object generation() {
        return keys == null ? SHARED_SECRET : keys.generation();
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
        }
    }

}

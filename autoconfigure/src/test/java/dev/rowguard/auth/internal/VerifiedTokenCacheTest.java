package dev.rowguard.auth.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.rowguard.testsupport.LocalTokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The cache of verified tokens in front of a real verifier (signatures checked against a
 * JWKS served over HTTP): a token sent again is not verified again, but only until its
 * expiry and only while the issuer's keys are the ones it was verified with; a refused
 * token stays refused; the cache is bounded.
 */
class VerifiedTokenCacheTest {

    LocalTokenIssuer issuer;

    JwkSetCache keys;

    AtomicInteger verifications = new AtomicInteger();

    MutableClock clock = new MutableClock(Instant.now());

    VerifiedTokenCache cache;

    @BeforeEach
    void anIssuerItsKeysAndAVerifierThatCountsItsWork() throws Exception {
        issuer = LocalTokenIssuer.start();
        var url = URI.create(issuer.jwkSetUri()).toURL();
        keys = new JwkSetCache(() -> url, new DefaultResourceRetriever(2000, 2000), Duration.ofMinutes(5),
                Duration.ZERO, Duration.ofMinutes(5), Clock.systemUTC());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        JwtDecoder verifier = new NimbusJwtDecoder(processor);
        JwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return verifier.decode(token);
        };
        cache = new VerifiedTokenCache(counting, keys, clock, 3);
        // the keys are fetched by a first token (nothing is cached while they are
        // unknown)
        cache.decode(issuer.token("someone", Map.of()));
        verifications.set(0);
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void aTokenSentAgainIsNotVerifiedAgain() {
        String token = issuer.token("alice", Map.of());
        assertThat(cache.decode(token).getSubject()).isEqualTo("alice");
        assertThat(cache.decode(token).getSubject()).isEqualTo("alice");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void anEntryServesOnlyUntilTheTokensExpiry() {
        String token = issuer.token().subject("alice").expiresAt(Instant.now().plusSeconds(60)).sign();
        cache.decode(token);
        clock.now = clock.now.plusSeconds(61);
        cache.decode(token);
        assertThat(verifications).as("verified again past its exp (where the verifier judges it itself)").hasValue(2);
    }

    @Test
    void whenTheIssuersKeysAreFetchedAgainATokenOfARetiredKeyIsRefused() {
        JWK first = issuer.signingKey();
        String old = issuer.token("alice", Map.of());
        cache.decode(old);
        issuer.rotate(JWSAlgorithm.RS256);
        issuer.retire(first);
        // a token with a key id the cache does not know makes the keys be fetched again
        cache.decode(issuer.token("bob", Map.of()));
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> cache.decode(old));
    }

    @Test
    void nothingIsCachedWhileTheIssuersKeysAreNotYetKnown() throws Exception {
        var url = URI.create(issuer.jwkSetUri()).toURL();
        JwkSetCache fresh = new JwkSetCache(() -> url, new DefaultResourceRetriever(2000, 2000), Duration.ofMinutes(5),
                Duration.ZERO, Duration.ofMinutes(5), Clock.systemUTC());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, fresh));
        VerifiedTokenCache cold = new VerifiedTokenCache(new NimbusJwtDecoder(processor), fresh, clock, 3);
        cold.decode(issuer.token("alice", Map.of()));
        assertThat(cold.size()).isZero();
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        String token = issuer.token("alice", Map.of());
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> cache.decode(tampered));
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> cache.decode(tampered));
        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheHoldsAtMostItsCapacity() {
        for (String user : new String[] { "a", "b", "c", "d", "e" }) {
            cache.decode(issuer.token(user, Map.of()));
        }
        assertThat(cache.size()).isEqualTo(3);
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

    }

}

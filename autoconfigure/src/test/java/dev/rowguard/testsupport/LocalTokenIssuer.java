package dev.rowguard.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real token issuer on loopback: it serves its public keys as a JWKS and OpenID
 * discovery document over HTTP and signs tokens with the private half. Used by tests and
 * by the sample app's dev mode; it can rotate keys and simulate a JWKS outage.
 */
public final class LocalTokenIssuer implements AutoCloseable {

    private final HttpServer server;

    private final String issuer;

    private final List<JWK> keys = new CopyOnWriteArrayList<>();

    private final AtomicInteger jwksFetches = new AtomicInteger();

    private volatile JWK signingKey;

    private volatile boolean available = true;

    private LocalTokenIssuer(HttpServer server, String issuer, JWK firstKey) {
        this.server = server;
        this.issuer = issuer;
        this.keys.add(firstKey);
        this.signingKey = firstKey;
    }

    /** An RS256 issuer at {@code http://localhost:<random port>}. */
    public static LocalTokenIssuer start() {
        return start(0, "", JWSAlgorithm.RS256);
    }

    /**
     * Starts an issuer.
     * @param port the port, 0 for any free one
     * @param path the issuer's path, e.g. {@code /auth/v1} for a Supabase-shaped issuer
     * @param algorithm RS256 or ES256: the algorithm of the first key
     */
    public static LocalTokenIssuer start(int port, String path, JWSAlgorithm algorithm) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            String issuer = "http://localhost:" + server.getAddress().getPort() + path;
            LocalTokenIssuer tokenIssuer = new LocalTokenIssuer(server, issuer, generateKey(algorithm));
            server.createContext(path + "/.well-known/jwks.json", tokenIssuer::serveJwks);
            server.createContext(path + "/.well-known/openid-configuration", tokenIssuer::serveDiscovery);
            server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "local-token-issuer");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return tokenIssuer;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the local token issuer", ex);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/.well-known/jwks.json";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * How many times the JWKS was requested (including requests answered with an outage).
     */
    public int jwksFetches() {
        return jwksFetches.get();
    }

    /** While unavailable, the JWKS and discovery endpoints answer 503. */
    public void setAvailable(boolean available) {
        this.available = available;
    }

    /**
     * Adds a new key of the given algorithm, publishes it and signs with it from now on.
     */
    public JWK rotate(JWSAlgorithm algorithm) {
        JWK key = generateKey(algorithm);
        keys.add(key);
        signingKey = key;
        return key;
    }

    /** Publishes a new key of the given algorithm without signing with it by default. */
    public JWK addKey(JWSAlgorithm algorithm) {
        JWK key = generateKey(algorithm);
        keys.add(key);
        return key;
    }

    /** Stops publishing a key (tokens it signed no longer verify once caches expire). */
    public void retire(JWK key) {
        keys.removeIf(candidate -> candidate.getKeyID().equals(key.getKeyID()));
    }

    public JWK signingKey() {
        return signingKey;
    }

    /** A token for the subject, valid for five minutes, with the given extra claims. */
    public String token(String subject, Map<String, ?> claims) {
        return token().subject(subject).claims(claims).sign();
    }

    public TokenBuilder token() {
        return new TokenBuilder();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void serveJwks(HttpExchange exchange) throws IOException {
        jwksFetches.incrementAndGet();
        if (!available) {
            respond(exchange, 503, "{\"error\":\"unavailable\"}");
            return;
        }
        List<JWK> published = new ArrayList<>();
        for (JWK key : keys) {
            published.add(key.toPublicJWK());
        }
        respond(exchange, 200, new JWKSet(published).toString());
    }

    private void serveDiscovery(HttpExchange exchange) throws IOException {
        if (!available) {
            respond(exchange, 503, "{\"error\":\"unavailable\"}");
            return;
        }
        respond(exchange, 200, "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwkSetUri()
                + "\",\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\",\"ES256\"]}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static JWK generateKey(JWSAlgorithm algorithm) {
        String kid = UUID.randomUUID().toString();
        try {
            if (JWSAlgorithm.Family.EC.contains(algorithm)) {
                return new ECKeyGenerator(Curve.forJWSAlgorithm(algorithm).iterator().next()).keyID(kid)
                    .algorithm(algorithm)
                    .generate();
            }
            return new RSAKeyGenerator(2048).keyID(kid).algorithm(algorithm).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Builds and signs one token; every default can be overridden. */
    public final class TokenBuilder {

        private final Map<String, Object> claims = new LinkedHashMap<>();

        private JWK key = signingKey;

        private JOSEObjectType type = JOSEObjectType.JWT;

        private String keyId;

        private byte[] hmacSecret;

        private boolean unsigned;

        private TokenBuilder() {
            Instant now = Instant.now();
            claims.put("iss", issuer);
            claims.put("iat", Date.from(now));
            claims.put("nbf", Date.from(now));
            claims.put("exp", Date.from(now.plus(Duration.ofMinutes(5))));
        }

        public TokenBuilder subject(String subject) {
            return claim("sub", subject);
        }

        public TokenBuilder claim(String name, Object value) {
            if (value == null) {
                claims.remove(name);
            }
            else {
                claims.put(name, value instanceof Instant instant ? Date.from(instant) : value);
            }
            return this;
        }

        public TokenBuilder claims(Map<String, ?> extra) {
            extra.forEach(this::claim);
            return this;
        }

        public TokenBuilder expiresAt(Instant expiry) {
            return claim("exp", expiry);
        }

        public TokenBuilder signedWith(JWK otherKey) {
            this.key = otherKey;
            return this;
        }

        public TokenBuilder keyId(String otherKeyId) {
            this.keyId = otherKeyId;
            return this;
        }

        /** Signs HS256 with the given shared secret instead of the issuer's key. */
        public TokenBuilder signedWithSecret(byte[] secret) {
            this.hmacSecret = secret.clone();
            return this;
        }

        /** No signature at all: {@code alg: none}. */
        public TokenBuilder unsigned() {
            this.unsigned = true;
            return this;
        }

        public TokenBuilder type(String typ) {
            this.type = typ == null ? null : new JOSEObjectType(typ);
            return this;
        }

        public String sign() {
            JWTClaimsSet.Builder claimsSet = new JWTClaimsSet.Builder();
            claims.forEach(claimsSet::claim);
            if (unsigned) {
                return new PlainJWT(new PlainHeader.Builder().type(type).build(), claimsSet.build()).serialize();
            }
            if (hmacSecret != null) {
                try {
                    SignedJWT jwt = new SignedJWT(
                            new JWSHeader.Builder(JWSAlgorithm.HS256).type(type).keyID(keyId).build(),
                            claimsSet.build());
                    jwt.sign(new MACSigner(hmacSecret));
                    return jwt.serialize();
                }
                catch (JOSEException ex) {
                    throw new IllegalStateException("Could not sign a test token", ex);
                }
            }
            try {
                JWSAlgorithm algorithm = (JWSAlgorithm) key.getAlgorithm();
                JWSHeader header = new JWSHeader.Builder(algorithm).type(type)
                    .keyID(keyId != null ? keyId : key.getKeyID())
                    .build();
                JWSSigner signer = new DefaultJWSSignerFactory().createJWSSigner(key, algorithm);
                SignedJWT jwt = new SignedJWT(header, claimsSet.build());
                jwt.sign(signer);
                return jwt.serialize();
            }
            catch (JOSEException ex) {
                throw new IllegalStateException("Could not sign a test token", ex);
            }
        }

    }

}

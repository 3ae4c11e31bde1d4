package dev.rowguard.devkit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rowguard.autoconfigure.security.TrustedIssuers;
import dev.rowguard.devkit.LocalTokenIssuer;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The local issuer: a key pair made at start, its public half served as a JWKS (and an
 * OpenID discovery document) on a loopback port, tokens signed with the private half.
 * Nothing leaves the machine and nothing survives the JVM.
 */
public final class DevTokenIssuer implements LocalTokenIssuer, AutoCloseable {

    private static final Duration LIFETIME = Duration.ofHours(1);

    private final DevProvider provider;

    private final Binder configuration;

    private final HttpServer server;

    private final String issuer;

    private final JWK key;

    private final NimbusJwtEncoder encoder;

    private final AtomicBoolean trusted = new AtomicBoolean();

    private DevTokenIssuer(DevProvider provider, Binder configuration, HttpServer server, JWK key) {
        this.provider = provider;
        this.configuration = configuration;
        this.server = server;
        this.issuer = "http://localhost:" + server.getAddress().getPort() + provider.path();
        this.key = key;
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    }

    /** Starts an issuer playing the provider on a free loopback port. */
    public static DevTokenIssuer start(DevProvider provider, Binder configuration) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            DevTokenIssuer issuer = new DevTokenIssuer(provider, configuration, server, newKey(provider));
            server.createContext(provider.path() + "/.well-known/jwks.json",
                    exchange -> issuer.serve(exchange, new JWKSet(issuer.key.toPublicJWK()).toString()));
            server.createContext(provider.path() + "/.well-known/openid-configuration",
                    exchange -> issuer.serve(exchange, issuer.discoveryDocument()));
            server.start();
            return issuer;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Rowguard dev services: could not start the local token issuer", ex);
        }
    }

    @Override
    public String token(String subject) {
        return token(Map.of("sub", subject));
    }

    @Override
    public String token(Map<String, ?> claims) {
        Map<String, Object> all = new LinkedHashMap<>(provider.defaultClaims(configuration));
        Instant now = Instant.now();
        all.put("iss", issuer);
        all.put("iat", now);
        all.put("nbf", now);
        all.put("exp", now.plus(LIFETIME));
        claims.forEach((name, value) -> {
            if (value == null) {
                all.remove(name);
            }
            else {
                all.put(name, value);
            }
        });
        if (!(all.get("sub") instanceof String subject) || subject.isBlank()) {
            throw new IllegalArgumentException("A token needs a subject: give the claim 'sub'");
        }
        JwsHeader header = JwsHeader.with(Objects.requireNonNull(SignatureAlgorithm.from(provider.algorithm())))
            .type("JWT")
            .keyId(key.getKeyID())
            .build();
        JwtClaimsSet claimsSet = JwtClaimsSet.builder().claims(existing -> existing.putAll(all)).build();
        return encoder.encode(JwtEncoderParameters.from(header, claimsSet)).getTokenValue();
    }

    @Override
    public String issuer() {
        return issuer;
    }

    public DevProvider provider() {
        return provider;
    }

    /** Adds this issuer to those the application trusts, as the provider it plays. */
    public void trustIn(TrustedIssuers issuers) {
        provider.trust(issuers, issuer, configuration);
        trusted.set(true);
    }

    /** Whether the application's token verification was told to trust this issuer. */
    public boolean isTrusted() {
        return trusted.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private String discoveryDocument() {
        return "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/.well-known/jwks.json\","
                + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\""
                + provider.algorithm() + "\"]}";
    }

    private void serve(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static JWK newKey(DevProvider provider) {
        String keyId = "rowguard-dev-" + UUID.randomUUID();
        try {
            if (provider.algorithm().startsWith("ES")) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair pair = generator.generateKeyPair();
                return new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic())
                    .privateKey((ECPrivateKey) pair.getPrivate())
                    .keyID(keyId)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .build();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(keyId)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
        }
        catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException ex) {
            throw new IllegalStateException("Rowguard dev services: this JVM cannot make a signing key", ex);
        }
    }

}

package dev.rowguard.testsupport;

import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LocalTokenIssuerTest {

    @Test
    void tokensVerifyAgainstTheJwksItServesOverHttp() {
        try (LocalTokenIssuer issuer = LocalTokenIssuer.start()) {
            JwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
            Jwt jwt = decoder.decode(issuer.token("alice", Map.of("role", "manager")));
            assertThat(jwt.getSubject()).isEqualTo("alice");
            assertThat(jwt.getClaimAsString("role")).isEqualTo("manager");
            assertThat(jwt.getIssuer().toString()).isEqualTo(issuer.issuer());
            assertThat(issuer.jwksFetches()).isEqualTo(1);
        }
    }

    @Test
    void anEs256IssuerSignsWithItsEcKey() {
        try (LocalTokenIssuer issuer = LocalTokenIssuer.start(0, "/auth/v1", JWSAlgorithm.ES256)) {
            JwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri())
                .jwsAlgorithm(org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.ES256)
                .build();
            assertThat(issuer.issuer()).endsWith("/auth/v1");
            assertThat(decoder.decode(issuer.token("bob", Map.of())).getSubject()).isEqualTo("bob");
        }
    }

    @Test
    void aTokenSignedByAnotherIssuersKeyDoesNotVerify() {
        try (LocalTokenIssuer issuer = LocalTokenIssuer.start(); LocalTokenIssuer stranger = LocalTokenIssuer.start()) {
            JwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
            String forged = issuer.token().subject("mallory").signedWith(stranger.signingKey()).sign();
            assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(forged));
        }
    }

}

package dev.rowguard.auth.internal;

import java.security.Key;
import java.util.List;
import java.util.Set;

import javax.crypto.SecretKey;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import org.jspecify.annotations.Nullable;

/**
 * The keys that may verify a token of one provider: asymmetric keys of the allowed
 * algorithms from its JWKS, and, only when a shared secret is configured, that secret for
 * HS256. An algorithm outside these gets no key at all, so an HS256 token "signed" with a
 * public key never verifies.
 */
public final class ProviderKeySelector implements JWSKeySelector<SecurityContext> {

    private final @Nullable JWSKeySelector<SecurityContext> jwks;

    private final @Nullable SecretKey hs256Secret;

    public ProviderKeySelector(Set<JWSAlgorithm> algorithms, @Nullable JWKSource<SecurityContext> source,
            @Nullable SecretKey hs256Secret) {
        this.jwks = algorithms.isEmpty() || source == null ? null
                : new JWSVerificationKeySelector<>(algorithms, source);
        this.hs256Secret = hs256Secret;
    }

    @Override
    public List<? extends Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
        if (JWSAlgorithm.HS256.equals(header.getAlgorithm())) {
            return hs256Secret != null ? List.of(hs256Secret) : List.of();
        }
        return jwks != null ? jwks.selectJWSKeys(header, context) : List.of();
    }

}

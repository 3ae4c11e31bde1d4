package dev.rowguard.auth.internal;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Supabase's verified anon key ({@code role: anon}, no subject): what supabase-js sends
 * when nobody is signed in. It identifies nobody, so the request goes on as anonymous,
 * exactly as without a token.
 */
public final class AnonymousApiKeyConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new AnonymousAuthenticationToken("rowguard-supabase-anon-key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    }

}

package dev.rowguard.auth;

import org.jspecify.annotations.Nullable;
import java.security.Principal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The verified caller, as policies see it through {@code auth()}.
 *
 * @param id the token's subject
 * @param provider {@code "clerk"}, {@code "supabase"} or {@code "oidc"} (or what a job
 * chooses)
 * @param email the e-mail address, or null
 * @param roles roles, never null
 * @param orgId the active organization (Clerk), or null
 * @param orgRole the role in the active organization without the {@code org:} prefix, or
 * null
 * @param orgPermissions permissions in the active organization, never null
 * @param attributes members declared in {@code rowguard.auth.attributes.*}
 * @param claims every verified claim, raw
 */
public record AuthPrincipal(String id, @Nullable String provider, @Nullable String email, Set<String> roles,
        @Nullable String orgId, @Nullable String orgRole, Set<String> orgPermissions, Map<String, Object> attributes,
        Map<String, Object> claims) implements Principal {

    public AuthPrincipal {
        Objects.requireNonNull(id, "id");
        roles = immutableSet(roles);
        orgPermissions = immutableSet(orgPermissions);
        attributes = immutableMap(attributes);
        claims = immutableMap(claims);
    }

    /** A principal with only an id, for jobs and tests. */
    public static AuthPrincipal of(String id) {
        return builder(id).build();
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** The same principal with changes; the original is unchanged. */
    public Builder toBuilder() {
        return new Builder(id).provider(provider)
            .email(email)
            .roles(roles)
            .orgId(orgId)
            .orgRole(orgRole)
            .orgPermissions(orgPermissions)
            .attributes(attributes)
            .claims(claims);
    }

    @Override
    public String getName() {
        return id;
    }

    private static Set<String> immutableSet(@Nullable Collection<String> values) {
        return values == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    private static Map<String, Object> immutableMap(@Nullable Map<String, Object> values) {
        return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static final class Builder {

        private final String id;

        private @Nullable String provider;

        private @Nullable String email;

        private Set<String> roles = new LinkedHashSet<>();

        private @Nullable String orgId;

        private @Nullable String orgRole;

        private Set<String> orgPermissions = new LinkedHashSet<>();

        private Map<String, Object> attributes = new LinkedHashMap<>();

        private Map<String, Object> claims = new LinkedHashMap<>();

        private Builder(String id) {
            this.id = id;
        }

        public Builder provider(@Nullable String provider) {
            this.provider = provider;
            return this;
        }

        public Builder email(@Nullable String email) {
            this.email = email;
            return this;
        }

        public Builder roles(Collection<String> roles) {
            this.roles = new LinkedHashSet<>(roles);
            return this;
        }

        public Builder role(String role) {
            this.roles.add(role);
            return this;
        }

        public Builder orgId(@Nullable String orgId) {
            this.orgId = orgId;
            return this;
        }

        public Builder orgRole(@Nullable String orgRole) {
            this.orgRole = orgRole;
            return this;
        }

        public Builder orgPermissions(Collection<String> permissions) {
            this.orgPermissions = new LinkedHashSet<>(permissions);
            return this;
        }

        public Builder attributes(Map<String, Object> attributes) {
            this.attributes = new LinkedHashMap<>(attributes);
            return this;
        }

        public Builder attribute(String name, @Nullable Object value) {
            this.attributes.put(name, value);
            return this;
        }

        public Builder claims(Map<String, Object> claims) {
            this.claims = new LinkedHashMap<>(claims);
            return this;
        }

        public AuthPrincipal build() {
            return new AuthPrincipal(id, provider, email, roles, orgId, orgRole, orgPermissions, attributes, claims);
        }

    }
}

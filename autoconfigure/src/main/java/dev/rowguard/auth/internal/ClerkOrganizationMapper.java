package dev.rowguard.auth.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rowguard.auth.AuthPrincipal;

import org.jspecify.annotations.Nullable;

/**
 * Clerk's active organization, from either session token version, so both give the same
 * principal: {@code orgRole} without the {@code org:} prefix, permissions as Clerk's keys
 * {@code org:<feature>:<permission>}.
 * <ul>
 * <li>Version 1: {@code org_id}, {@code org_role} ({@code org:admin}),
 * {@code org_permissions} (a list of keys).</li>
 * <li>Version 2: {@code o: {id, rol, per, fpm}} and {@code fea}: {@code per} lists
 * permission names, {@code fea} the features ({@code o:} prefixed for organization
 * features), and {@code fpm} one decimal bitmask per organization feature, lowest bit for
 * the first permission.</li>
 * </ul>
 */
public final class ClerkOrganizationMapper implements PrincipalClaimMapper {

    private static final String ORG_PREFIX = "org:";

    @Override
    public void map(Map<String, Object> claims, AuthPrincipal.Builder principal) {
        if (claims.get("o") instanceof Map<?, ?> organization) {
            @SuppressWarnings("unchecked")
            Map<String, Object> o = (Map<String, Object>) organization;
            principal.orgId(ClaimPaths.string(o, "id"));
            principal.orgRole(withoutPrefix(ClaimPaths.string(o, "rol")));
            principal.orgPermissions(v2Permissions(ClaimPaths.string(claims, "fea"), ClaimPaths.string(o, "per"),
                    ClaimPaths.string(o, "fpm")));
        }
        else if (claims.get("org_id") instanceof String orgId) {
            principal.orgId(orgId);
            principal.orgRole(withoutPrefix(ClaimPaths.string(claims, "org_role")));
            principal.orgPermissions(ClaimPaths.strings(claims, "org_permissions"));
        }
    }

    private static @Nullable String withoutPrefix(@Nullable String role) {
        return role != null && role.startsWith(ORG_PREFIX) ? role.substring(ORG_PREFIX.length()) : role;
    }

    private static Set<String> v2Permissions(@Nullable String features, @Nullable String permissions,
            @Nullable String featurePermissionMap) {
        Set<String> keys = new LinkedHashSet<>();
        if (features == null || permissions == null || featurePermissionMap == null) {
            return keys;
        }
        List<String> organizationFeatures = new ArrayList<>();
        for (String feature : split(features)) {
            int colon = feature.indexOf(':');
            if (colon > 0 && feature.substring(0, colon).equals("o")) {
                organizationFeatures.add(feature.substring(colon + 1));
            }
        }
        List<String> names = split(permissions);
        List<String> masks = split(featurePermissionMap);
        for (int feature = 0; feature < organizationFeatures.size() && feature < masks.size(); feature++) {
            BigInteger mask;
            try {
                mask = new BigInteger(masks.get(feature));
            }
            catch (NumberFormatException ex) {
                continue;
            }
            for (int bit = 0; bit < names.size(); bit++) {
                if (mask.testBit(bit)) {
                    keys.add(ORG_PREFIX + organizationFeatures.get(feature) + ":" + names.get(bit));
                }
            }
        }
        return keys;
    }

    private static List<String> split(String commaSeparated) {
        List<String> parts = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                parts.add(part.trim());
            }
        }
        return parts;
    }

}

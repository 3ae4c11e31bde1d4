package dev.rowguard.auth.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.rowguard.auth.AuthPrincipal;

/**
 * Roles from claim paths; each path may hold a string or a list of strings. Paths the
 * application did not choose (Supabase's {@code user_metadata}, which users can edit)
 * never reach here.
 */
public final class RoleClaimsMapper implements PrincipalClaimMapper {

    private final List<String> paths;

    public RoleClaimsMapper(List<String> paths) {
        this.paths = paths.stream().filter(Objects::nonNull).filter(path -> !path.isBlank()).toList();
    }

    @Override
    public void map(Map<String, Object> claims, AuthPrincipal.Builder principal) {
        for (String path : paths) {
            ClaimPaths.strings(claims, path).forEach(principal::role);
        }
    }

}

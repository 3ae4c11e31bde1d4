package dev.rowguard.auth.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimPathsTest {

    private final Map<String, Object> claims = Map.of("metadata",
            Map.of("region", "eu", "limits", Map.of("approval", 5000L)), "https://example.com/roles",
            List.of("admin", 7, "editor"), "role", "authenticated");

    @Test
    void followsDottedPathsIntoNestedObjectsKeepingTheValuesType() {
        assertThat(ClaimPaths.find(claims, "metadata.region")).isEqualTo("eu");
        assertThat(ClaimPaths.find(claims, "metadata.limits.approval")).isEqualTo(5000L);
    }

    @Test
    void findsAClaimWhoseNameContainsDotsBeforeSplittingThePath() {
        assertThat(ClaimPaths.strings(claims, "https://example.com/roles")).containsExactly("admin", "editor");
    }

    @Test
    void aMissingPathGivesNullAndNoStrings() {
        assertThat(ClaimPaths.find(claims, "metadata.nothing.here")).isNull();
        assertThat(ClaimPaths.find(claims, "role.length")).isNull();
        assertThat(ClaimPaths.strings(claims, "nope")).isEmpty();
    }

    @Test
    void aSingleStringIsOneRole() {
        assertThat(ClaimPaths.strings(claims, "role")).containsExactly("authenticated");
    }

}

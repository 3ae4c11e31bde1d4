package dev.rowguard.sample.web;

import dev.rowguard.auth.AuthPrincipal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is, as the policies see them. */
@RestController
class MeController {

    record Me(boolean authenticated, @Nullable String id, @Nullable String provider, @Nullable String email,
            @Nullable Object roles, @Nullable String orgId, @Nullable String orgRole, @Nullable Object attributes) {
    }

    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal @Nullable AuthPrincipal me) {
        if (me == null) {
            return new Me(false, null, null, null, null, null, null, null);
        }
        return new Me(true, me.id(), me.provider(), me.email(), me.roles(), me.orgId(), me.orgRole(), me.attributes());
    }

}

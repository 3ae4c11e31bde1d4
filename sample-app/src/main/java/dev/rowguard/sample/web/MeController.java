package dev.rowguard.sample.web;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is, as the application sees them after token verification. */
@RestController
class MeController {

    @GetMapping("/api/me")
    Map<String, Object> me(Principal principal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authenticated", principal != null);
        body.put("id", principal == null ? null : principal.getName());
        return body;
    }
}

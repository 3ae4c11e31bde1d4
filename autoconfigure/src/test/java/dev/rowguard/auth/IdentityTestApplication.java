package dev.rowguard.auth;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tiny web application for the HTTP tests: {@code /me} answers the caller as JSON. No
 * database: the JDBC/JPA/Flyway auto-configurations are left out.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration" })
@EnableMethodSecurity
public class IdentityTestApplication {

    @Bean
    ControllerHits controllerHits() {
        return new ControllerHits();
    }

    /** Counts the requests that reached the controller. */
    public static final class ControllerHits {

        private final AtomicInteger count = new AtomicInteger();

        public int count() {
            return count.get();
        }

        void increment() {
            count.incrementAndGet();
        }

    }

    /**
     * Endpoints guarded by Spring Security's method security, and the caller's
     * authorities.
     */
    @RestController
    static class GuardedController {

        @GetMapping("/authorities")
        List<String> authorities(Authentication authentication) {
            return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        }

        @GetMapping("/notes")
        @PreAuthorize("hasAuthority('SCOPE_notes:write')")
        String notes() {
            return "notes";
        }

        @GetMapping("/admin")
        @PreAuthorize("hasRole('admin')")
        String admin() {
            return "admin";
        }

    }

    /** Registered as a member class of the configuration. */
    @RestController
    static final class MeController {

        private final ControllerHits hits;

        MeController(ControllerHits hits) {
            this.hits = hits;
        }

        @GetMapping("/me")
        Object me(@AuthenticationPrincipal AuthPrincipal me) {
            hits.increment();
            return me != null ? me : Map.of("anonymous", true);
        }

        /** What the policy engine sees: the principal in the security context. */
        @GetMapping("/context")
        Map<String, Object> context() {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            Object principal = authentication == null ? null : authentication.getPrincipal();
            return Map.of("principalIsAuthPrincipal", principal instanceof AuthPrincipal, "id",
                    principal instanceof AuthPrincipal auth ? auth.id() : "");
        }

    }

}

package dev.rowguard.devkit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code GET /dev/token?sub=alice&<claim>=<value>}: a token of the local issuer, valid
 * for one hour, as {@code text/plain}. It runs ahead of Spring Security's filters, so the
 * application's own security rules neither block it nor have to know it; every other
 * request passes through untouched.
 */
public final class DevTokenFilter extends OncePerRequestFilter implements Ordered {

    /** The endpoint's path. */
    public static final String PATH = "/dev/token";

    private final DevTokenIssuer issuer;

    public DevTokenFilter(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!HttpMethod.GET.matches(request.getMethod())) {
            response.setHeader("Allow", "GET");
            write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Only GET " + PATH + " is served");
            return;
        }
        String subject = request.getParameter("sub");
        if (subject == null || subject.isBlank()) {
            write(response, HttpServletResponse.SC_BAD_REQUEST,
                    "Name the user: " + PATH + "?sub=alice (further parameters become claims)");
            return;
        }
        Map<String, Object> claims = TokenRequestClaims.from(request.getParameterMap());
        claims.put("sub", subject); // an id, whatever it looks like: sub=42 is the string
                                    // "42"
        write(response, HttpServletResponse.SC_OK, issuer.token(claims));
    }

    @Override
    public int getOrder() {
        // ahead of Spring Security's filter chain (-100 by default)
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    private static void write(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }

}

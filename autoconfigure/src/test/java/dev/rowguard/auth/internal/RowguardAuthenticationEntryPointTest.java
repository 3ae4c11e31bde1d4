package dev.rowguard.auth.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class RowguardAuthenticationEntryPointTest {

    private static final String WARNING = "bearer tokens are being refused: the bearer token has expired";

    @Test
    void aRefusalIsWarnedAtMostOnceAMinutePerReasonAndDescribedInTheChallenge(CapturedOutput output) throws Exception {
        MutableClock clock = new MutableClock();
        RowguardAuthenticationEntryPoint entryPoint = new RowguardAuthenticationEntryPoint(clock);
        MockHttpServletResponse response = refuse(entryPoint);
        refuse(entryPoint);
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate"))
            .contains("error_description=\"The bearer token has expired\"");
        assertThat(occurrences(output.getOut(), WARNING)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(61));
        refuse(entryPoint);
        assertThat(occurrences(output.getOut(), WARNING)).isEqualTo(2);
    }

    @Test
    void anOutageIsA503WarnedAtMostOnceAMinute(CapturedOutput output) throws Exception {
        MutableClock clock = new MutableClock();
        RowguardAuthenticationEntryPoint entryPoint = new RowguardAuthenticationEntryPoint(clock);
        for (int i = 0; i < 3; i++) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            entryPoint.commence(new MockHttpServletRequest(), response, new IdentityProviderUnavailableException(
                    "The token cannot be verified right now", new java.io.IOException("down"), Duration.ofSeconds(30)));
            assertThat(response.getStatus()).isEqualTo(503);
        }
        assertThat(occurrences(output.getOut(), "the identity provider is unavailable")).isEqualTo(1);
    }

    private static MockHttpServletResponse refuse(RowguardAuthenticationEntryPoint entryPoint) throws Exception {
        JwtValidationException expired = new JwtValidationException("expired",
                List.of(new OAuth2Error("invalid_token", "Jwt expired at 2026-01-01T00:00:00Z", null)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        entryPoint.commence(new MockHttpServletRequest(), response,
                new InvalidBearerTokenException(expired.getMessage(), expired));
        return response;
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-12-06T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

    }

}

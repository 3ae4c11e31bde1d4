package dev.rowguard.sampledev;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.rowguard.testsupport.LocalTokenIssuer;

import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /dev/token?sub=alice&metadata.region=northeast&roles=manager}: a token
 * signed by the local issuer, valid for one hour. Further parameters become claims: a
 * dotted name nests ({@code o.id=org_1} gives {@code "o": {"id": "org_1"}}), a repeated
 * one becomes a list, and numbers and booleans keep their type.
 */
@RestController
class DevTokenController {

    private final LocalTokenIssuer issuer;

    DevTokenController(LocalTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @GetMapping(path = "/dev/token", produces = MediaType.TEXT_PLAIN_VALUE)
    String token(@RequestParam String sub, @RequestParam MultiValueMap<String, String> parameters) {
        Map<String, Object> claims = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (!name.equals("sub")) {
                put(claims, name, values.size() == 1 ? typed(values.get(0))
                        : values.stream().map(DevTokenController::typed).toList());
            }
        });
        return issuer.token().subject(sub).claims(claims).expiresAt(Instant.now().plus(Duration.ofHours(1))).sign();
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> claims, String dottedName, Object value) {
        int dot = dottedName.indexOf('.');
        if (dot < 0) {
            claims.put(dottedName, value);
            return;
        }
        Object child = claims.computeIfAbsent(dottedName.substring(0, dot), key -> new LinkedHashMap<String, Object>());
        if (child instanceof Map<?, ?> nested) {
            put((Map<String, Object>) nested, dottedName.substring(dot + 1), value);
        }
    }

    private static Object typed(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        if (value.matches("-?\\d{1,18}")) {
            return Long.valueOf(value);
        }
        if (value.matches("-?\\d+\\.\\d+")) {
            return Double.valueOf(value);
        }
        return value;
    }

}

package dev.rowguard.autoconfigure.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * A Clerk publishable key: {@code pk_test_} or {@code pk_live_} followed by base64 of the
 * Frontend API host and a {@code $}. The issuer is {@code https://<host>}.
 */
final class ClerkPublishableKey {

    static final String PROPERTY = "rowguard.clerk.publishable-key";

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?");

    private ClerkPublishableKey() {
    }

    static String issuer(String key) {
        String trimmed = key.trim();
        String encoded;
        if (trimmed.startsWith("pk_test_")) {
            encoded = trimmed.substring("pk_test_".length());
        }
        else if (trimmed.startsWith("pk_live_")) {
            encoded = trimmed.substring("pk_live_".length());
        }
        else {
            throw malformed(key, "It must start with pk_test_ or pk_live_.");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            throw malformed(key, "The part after the prefix is not base64.");
        }
        if (!decoded.endsWith("$") || !HOST.matcher(decoded.substring(0, decoded.length() - 1)).matches()) {
            throw malformed(key, "It does not encode a Frontend API host followed by '$'.");
        }
        return "https://" + decoded.substring(0, decoded.length() - 1);
    }

    private static InvalidConfigurationPropertyValueException malformed(String key, String reason) {
        // the key is public, but a mistyped secret key should not land in logs: show the
        // prefix only
        String shown = key.length() > 8 ? key.substring(0, 8) + "..." : key;
        return new InvalidConfigurationPropertyValueException(PROPERTY, shown, "Malformed publishable key. " + reason);
    }

}

package dev.rowguard.auth.internal;

import java.io.IOException;
import java.net.URL;

/**
 * Where a provider's JWKS lives: a configured URL, or one found by discovery at first
 * use.
 */
@FunctionalInterface
public interface JwkSetLocation {

    URL resolve() throws IOException;

    /** The location as an operator reads it; never fetches. */
    default String describe() {
        return "discovered at first use";
    }

}

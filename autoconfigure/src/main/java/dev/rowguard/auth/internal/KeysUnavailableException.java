package dev.rowguard.auth.internal;

import com.nimbusds.jose.KeySourceException;

/** The provider's keys could not be fetched, so a token cannot be judged either way. */
public final class KeysUnavailableException extends KeySourceException {

    public KeysUnavailableException(String message) {
        super(message);
    }

}

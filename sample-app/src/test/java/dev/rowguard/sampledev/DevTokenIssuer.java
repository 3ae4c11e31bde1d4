package dev.rowguard.sampledev;

import dev.rowguard.testsupport.LocalTokenIssuer;

/** The dev mode's one token issuer per JVM, started on first use. */
final class DevTokenIssuer {

    private static volatile LocalTokenIssuer instance;

    private DevTokenIssuer() {
    }

    static LocalTokenIssuer get() {
        LocalTokenIssuer issuer = instance;
        if (issuer == null) {
            synchronized (DevTokenIssuer.class) {
                issuer = instance;
                if (issuer == null) {
                    issuer = LocalTokenIssuer.start();
                    instance = issuer;
                }
            }
        }
        return issuer;
    }

}

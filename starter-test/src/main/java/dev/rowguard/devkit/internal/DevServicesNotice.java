package dev.rowguard.devkit.internal;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Says at start-up, in one WARN line, that dev services are on and what they provide;
 * and, when the application signs people in its own way so that Rowguard verifies no
 * token, that the local issuer's tokens are not trusted.
 */
public final class DevServicesNotice implements SmartInitializingSingleton {

    private static final Log logger = LogFactory.getLog("dev.rowguard.devkit.RowguardDevServices");

    private final DevTokenIssuer issuer;

    private final @Nullable DevDatabase database;

    private final boolean tokenEndpoint;

    public DevServicesNotice(DevTokenIssuer issuer, @Nullable DevDatabase database, boolean tokenEndpoint) {
        this.issuer = issuer;
        this.database = database;
        this.tokenEndpoint = tokenEndpoint;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String postgres = database == null ? "the configured spring.datasource.url"
                : (database.kind() == DevPostgres.Kind.EMBEDDED ? "an embedded" : "a Testcontainers") + " PostgreSQL ("
                        + database.jdbcUrl() + ")";
        logger.warn("Rowguard dev services are on: " + postgres + ", and a local token issuer playing "
                + issuer.provider().displayName() + " at " + issuer.issuer() + " that this application trusts"
                + (tokenEndpoint ? " (GET /dev/token?sub=alice)" : "")
                + ". They are for tests and local runs only: never run them in production.");
        if (!issuer.isTrusted()) {
            logger.warn("Rowguard dev services: the local issuer's tokens are not trusted, because Rowguard's token"
                    + " verification is off: the application signs people in its own way (Spring Boot's resource"
                    + " server or OAuth2 login properties, or sign-in beans of its own) and has no rowguard.clerk,"
                    + " rowguard.supabase or rowguard.oidc block.");
        }
    }

}

package dev.rowguard.autoconfigure.jpa;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.rowguard.postgres.internal.RlsBypass;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * With session claims on, the application hands its caller to PostgreSQL for row-level
 * security; at start-up this warns when its own connections would pass those policies
 * anyway ({@link RlsBypass}). A database it cannot ask is not an error: the check is
 * skipped.
 */
final class RowLevelSecurityBypassWarning implements SmartInitializingSingleton {

    private static final Log log = LogFactory.getLog("dev.rowguard");

    private final ObjectProvider<DataSource> dataSource;

    RowLevelSecurityBypassWarning(ObjectProvider<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            DataSource source = dataSource.getIfUnique();
            if (source == null) {
                log.debug(
                        "Rowguard: no single DataSource; the connection's role is not checked for row-level security");
                return;
            }
            try (Connection connection = source.getConnection()) {
                for (String bypass : RlsBypass.of(connection)) {
                    log.warn("Rowguard: rowguard.postgres.session-claims is on, but " + bypass);
                }
            }
        }
        catch (SQLException | RuntimeException ex) {
            log.debug("Rowguard: could not check the connection's role for row-level security", ex);
        }
    }

}

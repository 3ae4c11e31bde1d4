package dev.rowguard.hibernate.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Queries about stored rows, on the session's connection but outside Hibernate, so no
 * filter applies. A rule reads related rows as they are stored, not as the caller may
 * read them: where the database holds the generated row-level security too (session
 * claims on), a check would otherwise see only what the caller may read (a new space's
 * owner who is not yet its member could not add themselves). So there the check runs as
 * the system caller, switched and restored around it in the same round trip.
 */
final class StoredRows {

    /**
     * The alias of the row a check's rule is compiled for, in every statement that checks
     * a row.
     */
    static final String ALIAS = "rg_row";

    private static final String AS_SYSTEM = "SELECT set_config('rowguard.checking_caller',"
            + " coalesce(current_setting('rowguard.caller', true), ''), true), set_config('rowguard.caller', 'system', true);\n";

    private static final String RESTORE = ";\nSELECT set_config('rowguard.caller', current_setting('rowguard.checking_caller'), true)";

    private final boolean asSystem;

    /**
     * @param asSystem whether row-level security may apply to the connection (session
     * claims on)
     */
    StoredRows(boolean asSystem) {
        this.asSystem = asSystem;
    }

    boolean selectsARow(SharedSessionContractImplementor session, String sql, List<Object> parameters) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection
                .prepareStatement(asSystem ? AS_SYSTEM + sql + RESTORE : sql)) {
                int index = 1;
                for (Object value : parameters) {
                    statement.setObject(index++, value);
                }
                if (!asSystem) {
                    try (ResultSet result = statement.executeQuery()) {
                        return result.next();
                    }
                }
                // pgjdbc sends the three statements in one round trip; the check's rows
                // are the second result
                statement.execute();
                statement.getMoreResults();
                try (ResultSet result = statement.getResultSet()) {
                    return result.next();
                }
            }
        });
    }

}

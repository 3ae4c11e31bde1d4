package dev.rowguard.hibernate.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import org.hibernate.engine.spi.SharedSessionContractImplementor;

/** Queries about stored rows, on the session's connection but outside Hibernate, so no filter applies. */
final class StoredRows {

    /** The alias of the row a check's rule is compiled for, in every statement that checks a row. */
    static final String ALIAS = "rg_row";

    private StoredRows() {
    }

    static boolean selectsARow(SharedSessionContractImplementor session, String sql, List<Object> parameters) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = 1;
                for (Object value : parameters) {
                    statement.setObject(index++, value);
                }
                try (ResultSet result = statement.executeQuery()) {
                    return result.next();
                }
            }
        });
    }
}

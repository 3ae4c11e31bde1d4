package dev.rowguard.postgres.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.rowguard.auth.AuthPrincipal;
import dev.rowguard.context.Caller;

import org.hibernate.Session;

/**
 * Hands the caller to PostgreSQL for the current transaction only
 * ({@code set_config(..., true)}), in one statement: the verified claims as
 * {@code request.jwt.claims} (the PostgREST / Supabase convention, so {@code auth.uid()}
 * and {@code auth.jwt()} work unchanged), plus {@code rowguard.caller} ({@code user},
 * {@code anonymous} or {@code system}), {@code rowguard.user_id} (the principal's id,
 * empty otherwise) and {@code rowguard.principal} (the principal as {@code auth()} sees
 * it, as JSON, empty otherwise: what the generated row-level security policies read).
 * Anonymous callers carry {@code {"role":"anon"}}, the system context
 * {@code {"role":"service_role"}}.
 */
public final class SessionClaims {

    static final String SET = "SELECT set_config('request.jwt.claims', ?, true), set_config('rowguard.caller', ?, true),"
            + " set_config('rowguard.user_id', ?, true), set_config('rowguard.principal', ?, true)";

    private SessionClaims() {
    }

    public static void apply(Session session, Caller caller) {
        session.doWork(connection -> apply(connection, caller));
    }

    /**
     * Sets the caller on a connection that is inside a transaction (outside one the
     * settings end at once).
     */
    public static void apply(Connection connection, Caller caller) throws SQLException {
        String claims;
        String kind;
        String userId;
        String principal;
        if (caller.system()) {
            claims = "{\"role\":\"service_role\"}";
            kind = "system";
            userId = "";
            principal = "";
        }
        else if (caller.principal() == null) {
            claims = "{\"role\":\"anon\"}";
            kind = "anonymous";
            userId = "";
            principal = "";
        }
        else {
            claims = ClaimsJson.write(claimsOf(caller.principal()));
            kind = "user";
            userId = caller.principal().id();
            principal = PrincipalJson.write(caller.principal());
        }
        try (PreparedStatement statement = connection.prepareStatement(SET)) {
            statement.setString(1, claims);
            statement.setString(2, kind);
            statement.setString(3, userId);
            statement.setString(4, principal);
            statement.execute();
        }
    }

    private static Map<String, Object> claimsOf(AuthPrincipal principal) {
        Map<String, Object> claims = new LinkedHashMap<>(principal.claims());
        claims.putIfAbsent("sub", principal.id());
        return claims;
    }

}

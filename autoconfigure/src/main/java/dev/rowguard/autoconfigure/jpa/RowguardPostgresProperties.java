package dev.rowguard.autoconfigure.jpa;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What Rowguard tells PostgreSQL about the caller.
 */
@ConfigurationProperties("rowguard.postgres")
public class RowguardPostgresProperties {

    /**
     * Whether every Spring-managed transaction starts by setting, transaction-locally,
     * the caller's verified claims as {@code request.jwt.claims} and its id as
     * {@code rowguard.user_id} (plus {@code rowguard.caller} and the principal as JSON,
     * {@code rowguard.principal}), so that row-level security policies (those generated
     * by {@code RlsMigrationGenerator} among them) and functions such as Supabase's
     * {@code auth.uid()} see the same caller as Hibernate. Costs one statement per
     * transaction.
     */
    private boolean sessionClaims = false;

    public boolean isSessionClaims() {
        return sessionClaims;
    }

    public void setSessionClaims(boolean sessionClaims) {
        this.sessionClaims = sessionClaims;
    }

}

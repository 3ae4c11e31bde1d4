package dev.rowguard.autoconfigure.jpa;

import java.sql.SQLException;

import jakarta.persistence.EntityManager;

import dev.rowguard.context.CallerContext;
import dev.rowguard.postgres.internal.SessionClaims;

import org.hibernate.Session;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;
import org.springframework.transaction.TransactionDefinition;

/**
 * Starts every Spring-managed JPA transaction by handing the current caller to
 * PostgreSQL.
 */
final class SessionClaimsJpaDialect extends HibernateJpaDialect {

    @Override
    public Object beginTransaction(EntityManager entityManager, TransactionDefinition definition) throws SQLException {
        Object transactionData = super.beginTransaction(entityManager, definition);
        SessionClaims.apply(entityManager.unwrap(Session.class), CallerContext.current());
        return transactionData;
    }

}

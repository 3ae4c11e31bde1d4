package dev.rowguard.hibernate.internal;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.env.spi.ExtractedDatabaseMetaData;
import org.hibernate.engine.jdbc.env.spi.IdentifierHelper;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;
import org.hibernate.engine.jdbc.env.spi.LobCreatorBuilder;
import org.hibernate.engine.jdbc.env.spi.NameQualifierSupport;
import org.hibernate.engine.jdbc.env.spi.QualifiedObjectNameFormatter;
import org.hibernate.engine.jdbc.spi.SqlExceptionHelper;
import org.hibernate.sql.ast.SqlAstTranslatorFactory;

/**
 * Hibernate's JDBC environment with {@link KeptSelectRendering} in front of the dialect's
 * SQL AST translators; everything else is Hibernate's own.
 */
final class RowguardJdbcEnvironment implements JdbcEnvironment {

    private final JdbcEnvironment hibernates;

    private final KeptSelectRendering translators;

    RowguardJdbcEnvironment(JdbcEnvironment hibernates) {
        this.hibernates = hibernates;
        this.translators = new KeptSelectRendering(hibernates.getSqlAstTranslatorFactory());
    }

    @Override
    public SqlAstTranslatorFactory getSqlAstTranslatorFactory() {
        return translators;
    }

    @Override
    public Dialect getDialect() {
        return hibernates.getDialect();
    }

    @Override
    public ExtractedDatabaseMetaData getExtractedDatabaseMetaData() {
        return hibernates.getExtractedDatabaseMetaData();
    }

    @Override
    public Identifier getCurrentCatalog() {
        return hibernates.getCurrentCatalog();
    }

    @Override
    public Identifier getCurrentSchema() {
        return hibernates.getCurrentSchema();
    }

    @Override
    public QualifiedObjectNameFormatter getQualifiedObjectNameFormatter() {
        return hibernates.getQualifiedObjectNameFormatter();
    }

    @Override
    public IdentifierHelper getIdentifierHelper() {
        return hibernates.getIdentifierHelper();
    }

    @Override
    public NameQualifierSupport getNameQualifierSupport() {
        return hibernates.getNameQualifierSupport();
    }

    @Override
    public SqlExceptionHelper getSqlExceptionHelper() {
        return hibernates.getSqlExceptionHelper();
    }

    @Override
    public LobCreatorBuilder getLobCreatorBuilder() {
        return hibernates.getLobCreatorBuilder();
    }

}

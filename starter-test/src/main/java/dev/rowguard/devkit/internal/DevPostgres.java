package dev.rowguard.devkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The dev services' one PostgreSQL server per JVM, started on first use and stopped when
 * the JVM exits: a Testcontainers PostgreSQL when a Docker engine answers, else an
 * embedded PostgreSQL (zonky), which needs nothing installed. Every application context
 * gets a database of its own on it.
 */
public final class DevPostgres {

    /** How the server runs. */
    public enum Kind {

        TESTCONTAINERS, EMBEDDED

    }

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static volatile @Nullable DevPostgres server;

    private final Kind kind;

    private final String adminUrl;

    private final String username;

    private final String password;

    private DevPostgres(Kind kind, String adminUrl, String username, String password) {
        this.kind = kind;
        this.adminUrl = adminUrl;
        this.username = username;
        this.password = password;
    }

    /** The server, started on the first call. */
    public static DevPostgres server() {
        DevPostgres started = server;
        if (started == null) {
            synchronized (DevPostgres.class) {
                started = server;
                if (started == null) {
                    started = start();
                    server = started;
                }
            }
        }
        return started;
    }

    public Kind kind() {
        return kind;
    }

    /** Creates an empty database for one application context. */
    public DevDatabase createDatabase() {
        String name = "rowguard_dev_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(adminUrl, username, password);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Rowguard dev services: could not create database " + name, ex);
        }
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        String url = adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
        return new DevDatabase(kind, url, username, password);
    }

    private static DevPostgres start() {
        if (dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "rowguard-dev-postgres-stop"));
            return new DevPostgres(Kind.TESTCONTAINERS, container.getJdbcUrl(), container.getUsername(),
                    container.getPassword());
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(embedded), "rowguard-dev-postgres-stop"));
            return new DevPostgres(Kind.EMBEDDED, embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Rowguard dev services: could not start an embedded PostgreSQL", ex);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError ex) {
            return false;
        }
    }

    private static void stop(EmbeddedPostgres embedded) {
        try {
            embedded.close();
        }
        catch (IOException ex) {
            // the JVM is exiting and the data directory is temporary
        }
    }

}

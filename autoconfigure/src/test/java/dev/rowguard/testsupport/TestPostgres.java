package dev.rowguard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one real PostgreSQL server of a test JVM, started on first use.
 * <p>
 * Chosen in this order: an external server named by {@code ROWGUARD_TEST_DATABASE_URL}
 * (with {@code ROWGUARD_TEST_DATABASE_USERNAME} /
 * {@code ROWGUARD_TEST_DATABASE_PASSWORD}; the user needs {@code CREATEDB}), a
 * Testcontainers PostgreSQL when a Docker engine answers, else an embedded PostgreSQL
 * (zonky), which needs nothing installed. Every test gets its own database through
 * {@link #createDatabase(String)}.
 */
public final class TestPostgres {

    public static final String URL_VARIABLE = "ROWGUARD_TEST_DATABASE_URL";

    public enum Kind {

        EXTERNAL, TESTCONTAINERS, EMBEDDED

    }

    private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();

    private static volatile TestPostgres instance;

    private final Kind kind;

    private final String adminUrl;

    private final String username;

    private final String password;

    private TestPostgres(Kind kind, String adminUrl, String username, String password) {
        this.kind = kind;
        this.adminUrl = adminUrl;
        this.username = username;
        this.password = password;
    }

    public static TestPostgres server() {
        TestPostgres server = instance;
        if (server == null) {
            synchronized (TestPostgres.class) {
                server = instance;
                if (server == null) {
                    server = start();
                    instance = server;
                }
            }
        }
        return server;
    }

    public Kind kind() {
        return kind;
    }

    /** Creates an empty database whose name starts with the given hint. */
    public TestDatabase createDatabase(String hint) {
        String name = "rg_" + DATABASE_COUNTER.incrementAndGet() + "_" + sanitize(hint);
        try (Connection admin = DriverManager.getConnection(adminUrl, username, password);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create test database " + name + " on " + adminUrl, ex);
        }
        return new TestDatabase(name, withDatabase(adminUrl, name), username, password);
    }

    private static TestPostgres start() {
        String external = System.getenv(URL_VARIABLE);
        if (external != null && !external.isBlank()) {
            return new TestPostgres(Kind.EXTERNAL, external,
                    System.getenv().getOrDefault("ROWGUARD_TEST_DATABASE_USERNAME", "postgres"),
                    System.getenv().getOrDefault("ROWGUARD_TEST_DATABASE_PASSWORD", ""));
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-postgres-stop"));
            return new TestPostgres(Kind.TESTCONTAINERS, container.getJdbcUrl(), container.getUsername(),
                    container.getPassword());
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "300")
                .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(embedded), "test-postgres-stop"));
            return new TestPostgres(Kind.EMBEDDED, embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError ex) {
            return false;
        }
    }

    private static void closeQuietly(EmbeddedPostgres embedded) {
        try {
            embedded.close();
        }
        catch (IOException ignored) {
            // the JVM is exiting; the temporary data directory goes with it
        }
    }

    static String withDatabase(String jdbcUrl, String database) {
        String prefix = "jdbc:";
        URI uri = URI.create(jdbcUrl.substring(prefix.length()));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String authority = uri.getRawAuthority() == null ? "" : "//" + uri.getRawAuthority();
        return prefix + uri.getScheme() + ":" + authority + "/" + database + query;
    }

    private static String sanitize(String hint) {
        String cleaned = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
    }

}

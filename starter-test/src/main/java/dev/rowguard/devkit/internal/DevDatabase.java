package dev.rowguard.devkit.internal;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * One database of the dev services' PostgreSQL, handed to Spring Boot as the
 * application's connection: its data source, Flyway and JPA use it as they would a
 * configured {@code spring.datasource.url}.
 */
public record DevDatabase(DevPostgres.Kind kind, String jdbcUrl, String username,
        String password) implements JdbcConnectionDetails {

    @Override
    public String getJdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getPassword() {
        return password;
    }

}

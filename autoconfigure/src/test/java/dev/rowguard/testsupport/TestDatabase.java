package dev.rowguard.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One freshly created database on the shared test server: nothing another test wrote is
 * in it.
 */
public record TestDatabase(String name, String jdbcUrl, String username, String password) {

    public DataSource dataSource() {
        return new DriverManagerDataSource(jdbcUrl, username, password);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }
}

package dev.rowguard.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Records the SQL and the bound parameters of the statements Hibernate sends, while
 * switched on (only outside the measured loops: when off, connections are handed out
 * unwrapped). Used to run {@code EXPLAIN (ANALYZE, BUFFERS)} on exactly what the enforced
 * side executes.
 */
final class SqlCapture {

    record Statement(String sql, Map<Integer, Object> parameters) {

        /** The SQL with its parameters inlined as literals, for EXPLAIN. */
        String inlined() {
            StringBuilder out = new StringBuilder();
            int index = 0;
            boolean quoted = false;
            for (int i = 0; i < sql.length(); i++) {
                char c = sql.charAt(i);
                if (c == '\'') {
                    quoted = !quoted;
                }
                if (c == '?' && !quoted) {
                    out.append(literal(parameters.get(++index)));
                }
                else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private static String literal(Object value) {
            if (value == null) {
                return "NULL";
            }
            if (value instanceof Number || value instanceof Boolean) {
                return value.toString();
            }
            return "'" + value.toString().replace("'", "''") + "'";
        }
    }

    private static volatile boolean on;

    private static final List<Statement> captured = new ArrayList<>();

    private SqlCapture() {
    }

    static void start() {
        synchronized (captured) {
            captured.clear();
        }
        on = true;
    }

    static List<Statement> stop() {
        on = false;
        synchronized (captured) {
            return List.copyOf(captured);
        }
    }

    /** Wraps every DataSource bean of a context. */
    static BeanPostProcessor postProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof CapturingDataSource)
                        ? new CapturingDataSource(dataSource) : bean;
            }
        };
    }

    static final class CapturingDataSource extends DelegatingDataSource {

        CapturingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            return on ? wrap(connection) : connection;
        }

    }

    private static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(SqlCapture.class.getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement statement) {
                        return wrap(statement, (String) args[0]);
                    }
                    return result;
                });
    }

    private static PreparedStatement wrap(PreparedStatement statement, String sql) {
        Map<Integer, Object> parameters = new TreeMap<>();
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                parameters.put(index, name.equals("setNull") ? null : args[1]);
            }
            else if (name.startsWith("execute")) {
                synchronized (captured) {
                    captured.add(new Statement(sql, new TreeMap<>(parameters)));
                }
            }
            return invoke(statement, method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(SqlCapture.class.getClassLoader(),
                new Class<?>[] { PreparedStatement.class }, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException ex) {
            throw ex.getTargetException();
        }
    }

}

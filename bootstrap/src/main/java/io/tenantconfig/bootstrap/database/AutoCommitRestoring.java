package io.tenantconfig.bootstrap.database;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * The pool as Bucket4j's PostgreSQL backend may use it: Bucket4j switches a connection's
 * auto-commit off for its transaction and hands it back that way, and the next user of that
 * pooled connection (JDBI, one statement at a time) would then run in a transaction nobody
 * commits, holding its locks. Each connection from here is put back in auto-commit as it is
 * returned.
 */
final class AutoCommitRestoring {

    private AutoCommitRestoring() {}

    static DataSource around(DataSource pool) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(pool, method, args);
                    return result instanceof Connection connection ? restoringOnClose(connection) : result;
                });
    }

    private static Connection restoringOnClose(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && !connection.isClosed() && !connection.getAutoCommit()) {
                        connection.rollback(); // what was not committed is not kept
                        connection.setAutoCommit(true);
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.port.out.StoreUnavailableException;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;

/**
 * Turns "the database cannot be reached" into the port's {@link StoreUnavailableException}, so
 * callers can answer 503 instead of 500.
 */
final class Availability {

    private Availability() {}

    static <T> T available(Supplier<T> call) {
        try {
            return call.get();
        } catch (ConnectionException e) {
            throw new StoreUnavailableException("no connection to the database", e);
        } catch (JdbiException e) {
            if (e.getCause() instanceof SQLException sql && isUnavailable(sql.getSQLState())) {
                throw new StoreUnavailableException(
                        "the database is unavailable (SQLSTATE " + sql.getSQLState() + ")", e);
            }
            throw e;
        }
    }

    /** Connection exceptions (class 08) and operator intervention, e.g. shutdown (57P). */
    private static boolean isUnavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }
}

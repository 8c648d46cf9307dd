package io.atelier.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Borrows a pooled connection for one unit of work and turns an {@link SQLException} into a
 * {@link StoreAccessException} that says what was being done.
 */
final class Transactions {

    /** One unit of work on a borrowed connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs single statements in auto-commit mode. */
    <T> T read(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreAccessException(what, e);
        }
    }

    /** Runs several statements as one transaction: all of them or none. */
    <T> T write(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackAfter(connection, e);
                throw e;
            }
            // The pool hands this connection out again; it must come back in its default mode.
            connection.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw new StoreAccessException(what, e);
        }
    }

    /** Rolls back and returns the connection to auto-commit; a failure doing so is attached to the first one. */
    private static void rollbackAfter(Connection connection, Exception failure) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}

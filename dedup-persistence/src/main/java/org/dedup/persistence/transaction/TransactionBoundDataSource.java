package org.dedup.persistence.transaction;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;

/**
 * A data source for a library that runs its own JDBC statements (db-scheduler's client), whose statements then join
 * the calling thread's transaction of the jOOQ context: inside one, a connection is the transaction's (closing it
 * leaves it to the transaction, which commits or rolls back), outside, a pooled one that commits each statement.
 * The library must leave commits to the connection's auto-commit mode, as db-scheduler's client does.
 */
public final class TransactionBoundDataSource implements DataSource {
    private final ConnectionProvider connections;

    public TransactionBoundDataSource(DSLContext dsl) {
        this.connections = dsl.configuration().connectionProvider();
    }

    @Override
    public Connection getConnection() {
        Connection connection = connections.acquire();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        connections.release(connection);
                        return null;
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the connections are the pool's, of its user");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // nothing is logged through JDBC's writer
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the pool's timeout applies
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("dedup logs through SLF4J");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("a transaction-bound data source wraps no other");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}

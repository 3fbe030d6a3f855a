package com.javelo.scim.adapter.jooq;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * A data source that records the SQL of every statement its connections prepare or run: what
 * reached the driver, whoever sent it (jOOQ or plain JDBC). {@link #take()} returns and forgets it.
 */
final class RecordingDataSource {

    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

    DataSource wrap(DataSource target) {
        return proxy(
                DataSource.class,
                target,
                (method, args, result) -> result instanceof Connection connection
                        ? proxy(Connection.class, connection, this::onConnection)
                        : result);
    }

    /** @return the statements recorded since the last call, in order */
    List<String> take() {
        synchronized (statements) {
            List<String> taken = List.copyOf(statements);
            statements.clear();
            return taken;
        }
    }

    private Object onConnection(Method method, Object[] args, Object result) {
        if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
            statements.add(sql);
        }
        if (method.getName().equals("createStatement") && result instanceof Statement statement) {
            return proxy(Statement.class, statement, (m, a, r) -> {
                if ((m.getName().startsWith("execute") || m.getName().equals("addBatch"))
                        && a != null
                        && a[0] instanceof String sql) {
                    statements.add(sql);
                }
                return r;
            });
        }
        return result;
    }

    private interface After {
        Object apply(Method method, Object[] args, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return after.apply(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}

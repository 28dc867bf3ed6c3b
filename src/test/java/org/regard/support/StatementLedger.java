package org.regard.support;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.task.TaskDecorator;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts what a use case asks of the database: every statement it executes and every transaction it ends, on the
 * thread that runs it and on the threads its asynchronous listeners run on (the scope travels with the task).
 * Background work of other use cases (mail polling, the sender, sweeps) runs outside any scope and is not counted.
 */
public final class StatementLedger {
    private static final ThreadLocal<Tally> CURRENT = new ThreadLocal<>();

    private StatementLedger() {
    }

    /** What one use case asked of the database. */
    public static final class Tally {
        private final List<String> statements = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger transactions = new AtomicInteger();
        private final AtomicInteger running = new AtomicInteger();

        public int statements() {
            return statements.size();
        }

        public int transactions() {
            return transactions.get();
        }

        public List<String> sql() {
            synchronized (statements) {
                return List.copyOf(statements);
            }
        }

        /** Whether asynchronous work started inside the scope is still running. */
        public boolean busy() {
            return running.get() > 0;
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(statements() + " statements in " + transactions() + " transactions:");
            sql().forEach(q -> s.append("\n  ").append(q));
            return s.toString();
        }
    }

    /** Runs the work inside a fresh scope and returns the tally; asynchronous work it starts keeps counting into it. */
    public static <T> Tally count(Callable<T> work) throws Exception {
        Tally tally = new Tally();
        Tally outer = CURRENT.get();
        CURRENT.set(tally);
        try {
            work.call();
        } finally {
            CURRENT.set(outer);
        }
        return tally;
    }

    /** The request header that puts an HTTP request's work into an open scope (see {@link #open}). */
    public static final String HEADER = "X-Regard-Statement-Ledger";
    private static final java.util.Map<String, Tally> OPEN = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Opens a scope for work done by requests that carry {@link #HEADER} with the returned key (sent over real HTTP,
     * so the work runs on the server's threads); {@link #close} ends it.
     */
    public static String open(Tally tally) {
        String key = java.util.UUID.randomUUID().toString();
        OPEN.put(key, tally);
        return key;
    }

    public static void close(String key) {
        OPEN.remove(key);
    }

    /** Counts the request's work into the scope its header names. */
    static jakarta.servlet.Filter filter() {
        return (request, response, chain) -> {
            String key = ((jakarta.servlet.http.HttpServletRequest) request).getHeader(HEADER);
            Tally tally = key == null ? null : OPEN.get(key);
            if (tally == null) {
                chain.doFilter(request, response);
                return;
            }
            CURRENT.set(tally);
            try {
                chain.doFilter(request, response);
            } finally {
                CURRENT.remove();
            }
        };
    }

    /** Propagates the scope to the threads that run asynchronous listeners. */
    static TaskDecorator decorator() {
        return task -> {
            Tally tally = CURRENT.get();
            if (tally == null) {
                return task;
            }
            tally.running.incrementAndGet();
            return () -> {
                CURRENT.set(tally);
                try {
                    task.run();
                } finally {
                    CURRENT.remove();
                    tally.running.decrementAndGet();
                }
            };
        };
    }

    /** Wraps the application's data source so that statements and transactions are counted. */
    static BeanPostProcessor wrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource ds && !(Proxy.isProxyClass(bean.getClass()))) {
                    return proxy(DataSource.class, ds, (target, method, args) -> {
                        Object result = invoke(target, method, args);
                        return result instanceof Connection c && method.getName().equals("getConnection") ? connection(c) : result;
                    });
                }
                return bean;
            }
        };
    }

    private static Connection connection(Connection c) {
        return proxy(Connection.class, c, (target, method, args) -> {
            Object result = invoke(target, method, args);
            Tally tally = CURRENT.get();
            switch (method.getName()) {
                case "commit", "rollback" -> {
                    if (tally != null && (args == null || args.length == 0)) {
                        tally.transactions.incrementAndGet();
                    }
                }
                case "prepareStatement", "prepareCall" -> {
                    return statement(result, (String) args[0], c);
                }
                case "createStatement" -> {
                    return statement(result, null, c);
                }
                default -> {
                }
            }
            return result;
        });
    }

    private static Object statement(Object statement, String sql, Connection connection) {
        Class<?> type = statement instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                : statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
        return Proxy.newProxyInstance(StatementLedger.class.getClassLoader(), new Class<?>[]{type}, (p, method, args) -> {
            String name = method.getName();
            if (name.startsWith("execute")) {
                Tally tally = CURRENT.get();
                if (tally != null) {
                    String text = sql != null ? sql : args != null && args.length > 0 ? String.valueOf(args[0]) : "?";
                    tally.statements.add((name.equals("executeBatch") ? "[batch] " : "") + text.replaceAll("\\s+", " ").strip());
                    if (connection.getAutoCommit()) {
                        tally.transactions.incrementAndGet();
                    }
                }
            }
            return invoke(statement, method, args);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        return (T) Proxy.newProxyInstance(StatementLedger.class.getClassLoader(), new Class<?>[]{type},
                (p, method, args) -> handler.handle(target, method, args));
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

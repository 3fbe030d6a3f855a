import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * H2's lost update, without the service: plain JDBC on one H2 file database, as the service
 * configures it (WRITE_DELAY=0). Each round, 16 writers append a value of their own to one row:
 * read it, then write {@code where version = <read>}; a writer whose version moved retries in a
 * transaction that reads with {@code FOR UPDATE}. A round that keeps fewer than 16 values lost a
 * committed change. docs/architecture.md ("Durability on H2") quotes its figures.
 *
 * <pre>
 * java -cp ~/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar benchmarks/H2LostUpdate.java [rounds] [mode] [memory]
 * </pre>
 *
 * Modes: {@code optimistic} (the service's path: a failed attempt rolls back), {@code commit-failed}
 * (the same, but a failed attempt, which wrote nothing, commits), {@code give-up} (every attempt
 * locks with FOR UPDATE first, and a third of them then roll back, as a refused If-Match does),
 * {@code give-up-commit} (the same, but giving up commits the transaction, which wrote nothing),
 * {@code repeatable-read} (optimistic, at H2's REPEATABLE READ; its errors are retried),
 * {@code turns} (optimistic, with the writers taking turns, as the service does on H2); any mode
 * followed by {@code +turns} (e.g. {@code give-up+turns}) runs it with the writers taking turns.
 * {@code memory} runs on an in-memory database instead of a file.
 */
public class H2LostUpdate {

    static final int WRITERS = 16;
    static final Object TURN = new Object();
    static final AtomicInteger SQL_ERRORS = new AtomicInteger();
    static String url;
    static String mode;
    static boolean turns;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        String given = args.length > 1 ? args[1] : "optimistic";
        turns = given.equals("turns") || given.endsWith("+turns");
        mode = given.equals("turns") ? "optimistic" : given.replace("+turns", "");
        boolean memory = args.length > 2 && args[2].equals("memory");
        String settings = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1";
        java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("h2-lost-update");
        url = (memory ? "jdbc:h2:mem:lost" : "jdbc:h2:file:" + directory.resolve("db")) + settings;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("create table users(tenant varchar(36), id varchar(36), version bigint,"
                    + " data varchar(10000), primary key(tenant, id))");
        }
        int lost = 0;
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        for (int round = 0; round < rounds; round++) {
            String id = "u" + round;
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                c.createStatement().execute("insert into users values('t', '" + id + "', 1, '')");
            }
            List<Future<?>> writers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                String value = "v" + i + ";";
                writers.add(pool.submit(() -> {
                    append(id, value);
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            try (Connection c = DriverManager.getConnection(url, "sa", "");
                    ResultSet rs = c.createStatement().executeQuery("select data from users where id = '" + id + "'")) {
                rs.next();
                if (rs.getString(1).split(";").length != WRITERS) {
                    lost++;
                }
            }
        }
        pool.shutdown();
        System.out.printf("H2 %s, %s, %s: %d of %d rounds lost a committed change (%d SQL errors retried)%n",
                org.h2.engine.Constants.FULL_VERSION, memory ? "in memory" : "file", given, lost, rounds, SQL_ERRORS.get());
    }

    static final ThreadLocal<Connection> CONNECTION = ThreadLocal.withInitial(() -> {
        try {
            Connection c = DriverManager.getConnection(url, "sa", "");
            if (mode.equals("repeatable-read")) {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    });

    static void append(String id, String value) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try {
                if (turns) {
                    synchronized (TURN) {
                        appendOnce(id, value);
                    }
                } else {
                    appendOnce(id, value);
                }
                return;
            } catch (SQLException e) {
                SQL_ERRORS.incrementAndGet();
                CONNECTION.get().rollback();
                CONNECTION.get().setAutoCommit(true);
                if (attempt > 20) {
                    throw e;
                }
            }
        }
    }

    static void appendOnce(String id, String value) throws SQLException {
        Connection c = CONNECTION.get();
        boolean lockFirst = mode.startsWith("give-up");
        if (!lockFirst && attempt(c, id, value, read(c, id, false))) {
            return;
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            c.setAutoCommit(false);
            try {
                String[] current = read(c, id, true);
                if (lockFirst && ThreadLocalRandom.current().nextInt(3) == 0) {
                    // Gives up having written nothing: the same end either way, but only a rollback loses.
                    if (mode.equals("give-up-commit")) {
                        c.commit();
                    } else {
                        c.rollback();
                    }
                    continue;
                }
                if (write(c, id, value, current)) {
                    c.commit();
                    return;
                }
                c.rollback();
            } finally {
                c.setAutoCommit(true);
            }
        }
        throw new IllegalStateException("gave up");
    }

    /** The optimistic attempt: its own transaction, the write checked against the version read. */
    static boolean attempt(Connection c, String id, String value, String[] current) throws SQLException {
        c.setAutoCommit(false);
        try {
            boolean written = write(c, id, value, current);
            if (written || mode.equals("commit-failed")) {
                c.commit();
            } else {
                c.rollback();
            }
            return written;
        } finally {
            c.setAutoCommit(true);
        }
    }

    static String[] read(Connection c, String id, boolean forUpdate) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "select version, data from users where tenant = 't' and id = ?" + (forUpdate ? " for update" : ""))) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }

    static boolean write(Connection c, String id, String value, String[] current) throws SQLException {
        long version = Long.parseLong(current[0]);
        try (PreparedStatement p = c.prepareStatement(
                "update users set version = ?, data = ? where tenant = 't' and id = ? and version = ?")) {
            p.setLong(1, version + 1);
            p.setString(2, current[1] + value);
            p.setString(3, id);
            p.setLong(4, version);
            return p.executeUpdate() == 1;
        }
    }
}

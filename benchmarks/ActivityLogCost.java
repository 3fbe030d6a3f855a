import com.javelo.scim.adapter.jooq.JooqPersistence;
import com.javelo.scim.core.port.ActivityLog;
import com.javelo.scim.core.port.ActivityEntry;
import com.javelo.scim.domain.id.TenantId;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.SQLDialect;

/**
 * What one activity-log entry costs to write, in CPU: the writer thread's (jOOQ and JDBC) and
 * PostgreSQL's (the backend that inserts it), per entry, written as the service writes them
 * (batches of 500 through {@code JooqActivityLog.append}). Issue #17 asks that the log not cost
 * W1 or W7 more than 5 %: divide this by the CPU a create or a deactivation costs (run-ab.sh's
 * "JVM CPU ms/request" plus "PostgreSQL CPU ms/request"). CPU time, not wall time, so a busy
 * machine changes the figure little.
 *
 *   java -cp app/target/javelo-scim.jar benchmarks/ActivityLogCost.java [entries]
 */
public class ActivityLogCost {

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        String database = "scim_activity_cost";
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + database);
            admin.createStatement().execute("CREATE DATABASE " + database);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/" + database);
        config.setUsername("postgres");
        config.setMaximumPoolSize(2); // the migration takes two; the writes run on one
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            JooqPersistence persistence = JooqPersistence.create(dataSource, SQLDialect.POSTGRES);
            persistence.migrate();
            ActivityLog log = persistence.activityLog();
            List<TenantId> tenants = List.of(new TenantId("t-a"), new TenantId("t-b"), new TenantId("t-c"));
            write(log, tenants, 20_000); // warm-up: JIT, plans, the table's first pages
            long jvm0 = threadCpuNanos();
            long pg0 = backendCpuTicks(database);
            long started = System.nanoTime();
            write(log, tenants, entries);
            long wall = System.nanoTime() - started;
            long jvm = threadCpuNanos() - jvm0;
            long pg = backendCpuTicks(database) - pg0;
            double hz = 100.0; // USER_HZ: /proc counts clock ticks of 10 ms
            System.out.printf(
                    "{\"entries\":%d,\"writer_cpu_us_per_entry\":%.2f,\"postgres_cpu_us_per_entry\":%.2f,"
                            + "\"total_cpu_us_per_entry\":%.2f,\"entries_per_s\":%.0f}%n",
                    entries,
                    jvm / 1e3 / entries,
                    pg * 1e6 / hz / entries,
                    jvm / 1e3 / entries + pg * 1e6 / hz / entries,
                    entries / (wall / 1e9));
        }
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    private static void write(ActivityLog log, List<TenantId> tenants, int entries) {
        List<ActivityEntry> batch = new ArrayList<>(500);
        for (int i = 0; i < entries; i++) {
            // What a user create leaves: its client, path, id, userName, status and timing.
            batch.add(new ActivityEntry(
                    null,
                    tenants.get(i % tenants.size()),
                    Instant.now(),
                    "Okta SCIM Client 1.0.0",
                    "POST",
                    "User",
                    UUID.randomUUID().toString(),
                    "user" + i + "@acme.example",
                    201,
                    null,
                    null,
                    7,
                    UUID.randomUUID().toString()));
            if (batch.size() == 500) {
                log.append(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            log.append(batch);
        }
    }

    private static long threadCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** User and system ticks of the backends connected to {@code database}. */
    private static long backendCpuTicks(String database) throws Exception {
        long ticks = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    String command = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                    if (command.contains(" " + database + " ")) {
                        String[] stat = Files.readString(process.resolve("stat")).split(" ");
                        ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                    }
                } catch (java.io.IOException gone) {
                    // a process that ended meanwhile
                }
            }
        }
        return ticks;
    }
}

package com.javelo.scim.app.cli;

import com.javelo.scim.app.admin.ImportReports;
import com.javelo.scim.app.admin.PeopleFiles;
import com.javelo.scim.app.assembly.Database;
import com.javelo.scim.app.assembly.Services;
import com.javelo.scim.app.config.Settings;
import com.javelo.scim.app.config.SettingsLoader;
import com.javelo.scim.app.logging.Logging;
import com.javelo.scim.app.server.ScimServer;
import com.javelo.scim.core.endpoint.EndpointSettings;
import com.javelo.scim.core.protocol.event.Cause;
import com.javelo.scim.core.protocol.json.CustomSchemaJson;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.core.usecase.user.ImportPeople;
import com.javelo.scim.domain.error.UnknownTenant;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.tenant.Tenant;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The command line: {@code serve} (the default) runs the service; {@code migrate}, {@code tenant}
 * and {@code token} work directly on the database, with no server running. Machine-readable
 * results (a token, an id) go alone on stdout; everything else to stderr.
 */
@Command(
        name = "javelo-scim",
        mixinStandardHelpOptions = true,
        version = "javelo-scim 0.1.0",
        description = "Javelo's SCIM 2.0 provisioning service.",
        subcommands = {
            ScimCommand.Serve.class,
            ScimCommand.Migrate.class,
            ScimCommand.TenantCommands.class,
            ScimCommand.TokenCommands.class
        })
public final class ScimCommand implements Callable<Integer> {

    /** Returned by {@code serve}: the process keeps running until SIGTERM. */
    public static final int SERVING = -1;

    static final int INVALID_SETTING = 2;

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    public static int run(String... args) {
        return new CommandLine(new ScimCommand())
                .setExecutionExceptionHandler((exception, commandLine, parsed) -> {
                    if (exception instanceof SettingsLoader.InvalidSetting invalid) {
                        commandLine.getErr().println("javelo-scim: invalid setting: " + invalid.getMessage());
                        return INVALID_SETTING;
                    }
                    commandLine.getErr().println("javelo-scim: " + exception.getMessage());
                    return 1;
                })
                .execute(args);
    }

    /** No subcommand: serve. */
    @Override
    public Integer call() {
        return serve(options, spec);
    }

    static Settings settings(ConfigOptions options) {
        return SettingsLoader.load(System.getenv(), options.asVariables());
    }

    static int serve(ConfigOptions options, CommandSpec spec) {
        Settings settings = settings(options);
        Logging.configure(settings.logFormat());
        ScimServer server = ScimServer.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        // The only hook that closes anything: H2's own (DB_CLOSE_ON_EXIT) is turned off in the
        // URL, as it closed the database under in-flight requests and raced the halt below.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            Logging.flush();
                            stopped.countDown();
                            // SIGTERM is the normal way to stop the service: report a clean exit.
                            Runtime.getRuntime().halt(0);
                        },
                        "scim-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return SERVING;
    }

    /** Runs {@code work} on the migrated database, outside any server. */
    static <T> T withServices(ConfigOptions options, Function<Services, T> work) {
        Settings settings = settings(options);
        Logging.configure(settings.logFormat());
        try (Database database = Database.open(settings, null)) {
            database.persistence().migrate();
            // A token issued or revoked here is announced to the running instances, which forget the old one.
            return work.apply(Services.over(
                    database.persistence(), Duration.ZERO, database.tokenRevocations(), EndpointSettings.DEFAULTS));
        }
    }

    @Command(name = "serve", description = "Run the HTTP service (the default).")
    static final class Serve implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return serve(options, spec);
        }
    }

    @Command(name = "migrate", description = "Apply pending database migrations and exit.")
    static final class Migrate implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() {
            return withServices(options, services -> 0);
        }
    }

    @Command(
            name = "tenant",
            description = "Manage tenants (companies).",
            subcommands = {
                TenantCommands.Create.class,
                TenantCommands.ListTenants.class,
                TenantCommands.Import.class,
                TenantCommands.SchemaCommands.class
            })
    static final class TenantCommands {

        @Command(
                name = "schema",
                description = "A company's own attributes (" + CustomSchema.URN + ").",
                subcommands = {SchemaCommands.Show.class, SchemaCommands.Set.class})
        static final class SchemaCommands {

            @Command(name = "show", description = "Print the company's declaration (JSON).")
            static final class Show implements Callable<Integer> {
                @Mixin
                ConfigOptions options;

                @Spec
                CommandSpec spec;

                @Parameters(index = "0", description = "the tenant's id")
                String tenant;

                @Override
                public Integer call() {
                    CustomSchema schema = withServices(
                            options,
                            services -> services.declareCustomAttributes().current(new TenantId(tenant)));
                    spec.commandLine()
                            .getOut()
                            .println(CustomSchemaJson.write(schema).toPrettyString());
                    return 0;
                }
            }

            @Command(
                    name = "set",
                    description = "Replace the company's declaration with a file such as "
                            + "{\"attributes\":[{\"name\":\"level\",\"type\":\"string\"}]}; stored values are kept. "
                            + "Prints the declaration.")
            static final class Set implements Callable<Integer> {
                @Mixin
                ConfigOptions options;

                @Spec
                CommandSpec spec;

                @Parameters(index = "0", description = "the tenant's id")
                String tenant;

                @Parameters(index = "1", description = "the declaration (JSON, UTF-8)")
                Path file;

                @Override
                public Integer call() throws IOException {
                    CustomSchema read = CustomSchemaJson.read(
                            ScimJson.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8)));
                    CustomSchema schema = withServices(
                            options,
                            services -> services.declareCustomAttributes().declare(new TenantId(tenant), read));
                    spec.commandLine()
                            .getOut()
                            .println(CustomSchemaJson.write(schema).toPrettyString());
                    return 0;
                }
            }
        }

        @Command(name = "create", description = "Create a tenant; prints its id.")
        static final class Create implements Callable<Integer> {
            @Mixin
            ConfigOptions options;

            @Spec
            CommandSpec spec;

            @Parameters(index = "0", description = "the company's name")
            String name;

            @Override
            public Integer call() {
                Tenant tenant = withServices(
                        options, services -> services.createTenant().execute(name));
                spec.commandLine().getOut().println(tenant.id().value());
                return 0;
            }
        }

        @Command(
                name = "import",
                description = "Import a company's existing people from a CSV (header row: "
                        + "userName, givenName, familyName, email, title, department, managerEmail, active, and any declared"
                        + " custom attribute); prints the"
                        + " report. Exit code 0 when applied (or planned, with --dry-run), 1 when rows were rejected.")
        static final class Import implements Callable<Integer> {
            @Mixin
            ConfigOptions options;

            @Spec
            CommandSpec spec;

            @Parameters(index = "0", description = "the tenant's id")
            String tenant;

            @Parameters(index = "1", description = "the CSV file (UTF-8)")
            Path file;

            @Option(names = "--dry-run", description = "report what would happen, write nothing")
            boolean dryRun;

            @Option(names = "--partial", description = "write the rows that can be, even if others are rejected")
            boolean partial;

            @Override
            public Integer call() throws IOException {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                ImportPeople.Report report = withServices(options, services -> {
                    TenantId id = new TenantId(tenant);
                    services.persistence().tenants().findById(id).orElseThrow(() -> new UnknownTenant(tenant));
                    List<ImportPeople.Row> rows =
                            PeopleFiles.csv(text, services.customSchemas().of(id));
                    return services.scim()
                            .importPeople()
                            .execute(new ImportPeople.Command(id, rows, dryRun, partial, Cause.unknown("cli")));
                });
                spec.commandLine().getOut().println(ImportReports.json(report).toPrettyString());
                return ImportReports.status(report) == 200 ? 0 : 1;
            }
        }

        @Command(name = "list", description = "List tenants: id, then name.")
        static final class ListTenants implements Callable<Integer> {
            @Mixin
            ConfigOptions options;

            @Spec
            CommandSpec spec;

            @Override
            public Integer call() {
                PrintWriter out = spec.commandLine().getOut();
                withServices(
                                options,
                                services -> services.persistence().tenants().list())
                        .forEach(tenant -> out.println(tenant.id().value() + "\t" + tenant.name()));
                return 0;
            }
        }
    }

    @Command(
            name = "token",
            description = "Manage a tenant's SCIM API token.",
            subcommands = {TokenCommands.Issue.class, TokenCommands.Revoke.class})
    static final class TokenCommands {

        @Command(name = "issue", description = "Issue (or regenerate) the tenant's token; prints it once.")
        static final class Issue implements Callable<Integer> {
            @Mixin
            ConfigOptions options;

            @Spec
            CommandSpec spec;

            @Parameters(index = "0", description = "the tenant id")
            String tenant;

            @Override
            public Integer call() {
                String token = withServices(
                        options, services -> services.issueApiToken().execute(new TenantId(tenant)));
                spec.commandLine().getOut().println(token);
                return 0;
            }
        }

        @Command(name = "revoke", description = "Revoke the tenant's token: the integration stops.")
        static final class Revoke implements Callable<Integer> {
            @Mixin
            ConfigOptions options;

            @Parameters(index = "0", description = "the tenant id")
            String tenant;

            @Override
            public Integer call() {
                return withServices(options, services -> {
                    services.revokeApiToken().execute(new TenantId(tenant));
                    return 0;
                });
            }
        }
    }
}

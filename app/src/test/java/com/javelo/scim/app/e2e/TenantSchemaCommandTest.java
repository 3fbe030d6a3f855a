package com.javelo.scim.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.app.cli.ScimCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The command line's {@code tenant schema set|show} (issue #15) on the server's own data
 * directory: the same declaration the admin API stores, and a bad one refused with its reason.
 */
class TenantSchemaCommandTest extends EndToEndTest {

    private record Run(int exit, String out, String err) {}

    @Test
    void anOperatorDeclaresAndReadsACompanysAttributesFromTheCommandLine() throws Exception {
        start(TestServer.Database.H2);
        String tenant = tenantId;
        Path dataDir = server.dataDir();
        server.stop();
        Path declaration = Files.createTempFile("declaration", ".json");
        Files.writeString(declaration, """
                {"attributes":[{"name":"level","type":"string"},
                               {"name":"sites","type":"string","multiValued":true}]}""");

        Run set = run("tenant", "schema", "set", tenant, declaration.toString(), "--data-dir", dataDir.toString());
        Run shown = run("tenant", "schema", "show", tenant, "--data-dir", dataDir.toString());

        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(shown.exit()).as(shown.err()).isZero();
        JsonNode stored = Http.JSON.readTree(shown.out());
        assertThat(stored.get("attributes"))
                .extracting(attribute -> attribute.get("name").asText())
                .containsExactly("level", "sites");
        assertThat(Http.JSON.readTree(set.out())).isEqualTo(stored);
    }

    @Test
    void aBadDeclarationIsRefusedWithItsReasonAndNothingIsStored() throws Exception {
        start(TestServer.Database.H2);
        String tenant = tenantId;
        Path dataDir = server.dataDir();
        server.stop();
        Path declaration = Files.createTempFile("declaration", ".json");
        Files.writeString(declaration, "{\"attributes\":[{\"name\":\"2level\",\"type\":\"string\"}]}");

        Run set = run("tenant", "schema", "set", tenant, declaration.toString(), "--data-dir", dataDir.toString());
        Run shown = run("tenant", "schema", "show", tenant, "--data-dir", dataDir.toString());

        assertThat(set.exit()).isNotZero();
        assertThat(set.err()).contains("2level");
        assertThat(Http.JSON.readTree(shown.out()).path("attributes")).isEmpty();
    }

    private static Run run(String... args) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream standardOut = System.out;
        PrintStream standardErr = System.err;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = ScimCommand.run(args);
        } finally {
            System.setOut(standardOut);
            System.setErr(standardErr);
        }
        return new Run(exit, printed.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
    }
}

package com.javelo.scim.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.app.cli.ScimCommand;
import com.javelo.scim.app.e2e.Http.Answer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Importing a company's existing people (issue #18) on the real server, both databases. */
class ImportTest extends EndToEndTest {

    private static final String HEADER = "userName,givenName,familyName,email,title,department,managerEmail,active\n";

    private Answer upload(String query, String csv) {
        return Http.send(
                "POST",
                server.baseUrl() + "/admin/v1/tenants/" + tenantId + "/imports" + query,
                csv,
                "Authorization",
                "Bearer " + TestServer.ADMIN_TOKEN,
                "Content-Type",
                "text/csv");
    }

    private int users() {
        return okta("GET", "/Users?count=0", null).json().get("totalResults").asInt();
    }

    private static String outcomes(JsonNode report) {
        StringBuilder outcomes = new StringBuilder();
        report.get("rows")
                .forEach(row -> outcomes.append(row.get("outcome").asText()).append(' '));
        return outcomes.toString().strip();
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aDryRunReportsThePlanAndWritesNothingThenTheImportAppliesIt(TestServer.Database database) {
        start(database);
        okta("POST", "/Users", "{\"userName\":\"dana@acme.example\",\"title\":\"Dev\"}");
        String csv = HEADER
                + "erin@acme.example,Erin,Lee,erin@acme.example,Head of Sales,Sales,dana@acme.example,true\n"
                + "DANA@acme.example,Dana,Smith,dana@acme.example,Lead,Engineering,,\n"
                + "\"frank@acme.example\",\"Frank, Jr.\",Moe,frank@acme.example,,,erin@acme.example,false\n";

        Answer dryRun = upload("?dryRun=true", csv);
        int afterDryRun = users();
        Answer applied = upload("", csv);
        Answer again = upload("?dryRun=true", csv);

        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(outcomes(dryRun.json())).isEqualTo("created updated created");
        assertThat(dryRun.json().get("applied").asBoolean()).isFalse();
        assertThat(afterDryRun).isEqualTo(1);
        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.json().get("created").asInt()).isEqualTo(2);
        assertThat(applied.json().get("updated").asInt()).isEqualTo(1);
        assertThat(users()).isEqualTo(3);
        assertThat(outcomes(again.json())).isEqualTo("unchanged unchanged unchanged");
        JsonNode frank = okta("GET", "/Users?filter=" + encode("userName eq \"frank@acme.example\""), null)
                .json()
                .get("Resources")
                .get(0);
        assertThat(frank.at("/name/givenName").asText()).isEqualTo("Frank, Jr.");
        assertThat(frank.get("active").asBoolean()).isFalse();
        assertThat(frank.at("/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/manager/value")
                        .asText())
                .isEqualTo("erin@acme.example");
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aRejectedRowWritesNothingUnlessPartialAndNamesRowAndColumn(TestServer.Database database) {
        start(database);
        String csv = HEADER + "a@acme.example,A,A,a@acme.example,,,,\n"
                + ",B,B,b@acme.example,,,,\n"
                + "A@ACME.example,C,C,,,,,\n"
                + "d@acme.example,D,D,,,,,maybe\n";

        Answer refused = upload("", csv);
        int afterRefused = users();
        Answer partial = upload("?partial=true", csv);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(outcomes(refused.json())).isEqualTo("created rejected rejected rejected");
        JsonNode rows = refused.json().get("rows");
        assertThat(rows.get(1).get("row").asInt()).isEqualTo(3);
        assertThat(rows.get(1).get("column").asText()).isEqualTo("userName");
        assertThat(rows.get(2).get("reason").asText()).contains("also on row 2");
        assertThat(rows.get(3).get("column").asText()).isEqualTo("active");
        assertThat(afterRefused).isZero();
        assertThat(partial.status()).isEqualTo(200);
        assertThat(partial.json().get("created").asInt()).isEqualTo(1);
        assertThat(users()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void badFilesAreRefusedWholeWithTheirLineOrColumn(TestServer.Database database) throws Exception {
        start(database);

        Answer unknownColumn = upload("", "userName,shoeSize\na@acme.example,42\n");
        Answer noUserName = upload("", "email\na@acme.example\n");
        Answer unreadable = upload("", HEADER + "a@acme.example,\"unterminated,x,,,,,\nb@acme.example,B\"x,,,,,,\n");
        String huge = rawPost("/admin/v1/tenants/" + tenantId + "/imports", 50L * 1024 * 1024);

        assertThat(unknownColumn.status()).isEqualTo(400);
        assertThat(unknownColumn.json().get("detail").asText())
                .contains("shoeSize")
                .contains("column 2");
        assertThat(noUserName.status()).isEqualTo(400);
        assertThat(noUserName.json().get("detail").asText()).contains("userName");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().get("detail").asText()).contains("line");
        assertThat(huge).startsWith("HTTP/1.1 413").contains("16777216");
        assertThat(users()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void theOperatorListsPeopleWithOriginAndLinkByCursor(TestServer.Database database) {
        start(database);
        upload("", HEADER + "a@acme.example,A,A,,,,,\nb@acme.example,B,B,,,,,\n");
        okta("POST", "/Users", "{\"userName\":\"c@acme.example\",\"externalId\":\"00u3\"}");
        String b = okta("GET", "/Users?filter=" + encode("userName eq \"b@acme.example\""), null)
                .json()
                .get("Resources")
                .get(0)
                .get("id")
                .asText();
        // The IdP takes b over: it finds b by userName and writes its externalId.
        okta("PUT", "/Users/" + b, "{\"userName\":\"b@acme.example\",\"externalId\":\"00u2\"}");

        JsonNode first = admin("GET", "/admin/v1/tenants/" + tenantId + "/users?count=2&cursor=", null)
                .json();
        JsonNode second = admin(
                        "GET",
                        "/admin/v1/tenants/" + tenantId + "/users?count=2&cursor="
                                + first.get("nextCursor").asText(),
                        null)
                .json();
        JsonNode imported = admin(
                        "GET", "/admin/v1/tenants/" + tenantId + "/users?filter=" + encode("userName sw \"a\""), null)
                .json();

        assertThat(first.get("totalResults").asInt()).isEqualTo(3);
        JsonNode people = first.get("Resources");
        assertThat(people.get(0).get("origin").asText()).isEqualTo("imported");
        assertThat(people.get(0).get("linkedToIdp").asBoolean()).isFalse();
        assertThat(people.get(1).get("origin").asText()).isEqualTo("imported");
        assertThat(people.get(1).get("linkedToIdp").asBoolean()).isTrue();
        assertThat(second.get("Resources").get(0).get("origin").asText()).isEqualTo("provisioned");
        assertThat(second.get("Resources").get(0).get("linkedToIdp").asBoolean())
                .isTrue();
        assertThat(second.has("nextCursor")).isFalse();
        assertThat(imported.get("Resources")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aJsonArrayOfScimUsersImportsToo(TestServer.Database database) {
        start(database);

        Answer answer = Http.send(
                "POST",
                server.baseUrl() + "/admin/v1/tenants/" + tenantId + "/imports",
                "[{\"userName\":\"a@acme.example\"},{\"userName\":\"b@acme.example\",\"title\":\"Dev\"}]",
                "Authorization",
                "Bearer " + TestServer.ADMIN_TOKEN,
                "Content-Type",
                "application/json");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(outcomes(answer.json())).isEqualTo("created created");
        assertThat(users()).isEqualTo(2);
    }

    @Test
    void theCommandLinePrintsTheSameReport() throws Exception {
        start(TestServer.Database.H2);
        Path file = Files.createTempFile("people", ".csv");
        Files.writeString(file, HEADER + "a@acme.example,A,A,a@acme.example,,,,\n");
        String tenant = tenantId;
        Path dataDir = server.dataDir();
        server.stop();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream standardOut = System.out;
        PrintStream standardErr = System.err;
        int exit;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            exit = ScimCommand.run(
                    "tenant", "import", tenant, file.toString(), "--dry-run", "--data-dir", dataDir.toString());
        } finally {
            System.setOut(standardOut);
            System.setErr(standardErr);
        }

        assertThat(exit).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode report = Http.JSON.readTree(printed.toString(StandardCharsets.UTF_8));
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(outcomes(report)).isEqualTo("created");
    }

    /** A request whose Content-Length announces {@code length} bytes, none sent: the edge answers from the headers. */
    private String rawPost(String path, long length) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestServer.ADMIN_TOKEN
                                    + "\r\nContent-Type: text/csv\r\nContent-Length: " + length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(600), StandardCharsets.UTF_8);
        }
    }
}

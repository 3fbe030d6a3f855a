package com.javelo.scim.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.core.protocol.event.Cause;
import com.javelo.scim.core.usecase.user.ImportPeople;
import com.javelo.scim.core.usecase.user.ImportPeople.Outcome;
import com.javelo.scim.core.usecase.user.ImportPeople.Report;
import com.javelo.scim.core.usecase.user.ImportPeople.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The import of a company's existing people (issue #18), over the in-memory adapters. */
class ImportPeopleTest extends EndpointFixture {

    private Report run(List<Row> rows, boolean dryRun, boolean partial) {
        return api.importPeople()
                .execute(new ImportPeople.Command(tenant, rows, dryRun, partial, Cause.unknown(context.baseUrl())));
    }

    private static Row person(int row, String userName, String title) {
        return Row.of(
                row,
                json("{'userName':'" + userName + "','title':'" + title + "','emails':[{'value':'" + userName
                        + "','type':'work','primary':true}]}"));
    }

    private int users() {
        return api.users()
                .list(context, ListParameters.none())
                .body()
                .get("totalResults")
                .asInt();
    }

    @Test
    void aDryRunPlansCreatedUpdatedUnchangedAndRejectedWithoutWriting() {
        String dana = createUser("dana@acme.example");
        run(List.of(person(2, "erin@acme.example", "Lead")), false, false);
        int before = users();

        Report report = run(
                List.of(
                        person(2, "new@acme.example", "Dev"),
                        person(3, "DANA@acme.example", "Head"),
                        person(4, "erin@acme.example", "Lead"),
                        Row.rejected(5, "userName is missing", "userName"),
                        person(6, "NEW@acme.example", "Dev")),
                true,
                false);

        assertThat(report.rows())
                .extracting(ImportPeople.RowResult::outcome)
                .containsExactly(
                        Outcome.CREATED, Outcome.UPDATED, Outcome.UNCHANGED, Outcome.REJECTED, Outcome.REJECTED);
        assertThat(report.rows().get(1).userId()).isEqualTo(dana);
        assertThat(report.rows().get(3).column()).isEqualTo("userName");
        assertThat(report.rows().get(4).reason()).contains("row 2");
        assertThat(report.applied()).isFalse();
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void theIdpsFirstWriteWithAnExternalIdAdoptsAnImportedPersonAndTheEventSaysSo() {
        run(List.of(person(2, "gina@acme.example", "Dev")), false, false);
        String gina = api.users()
                .list(context, filter("userName eq \"gina@acme.example\""))
                .body()
                .get("Resources")
                .get(0)
                .get("id")
                .asText();

        api.users()
                .replace(
                        context,
                        gina,
                        json("{'userName':'gina@acme.example','externalId':'00u9','title':'Dev'}"),
                        com.javelo.scim.domain.resource.ExpectedVersion.any(),
                        AttributeSelection.none());
        api.users()
                .replace(
                        context,
                        gina,
                        json("{'userName':'gina@acme.example','externalId':'00u9','title':'Lead'}"),
                        com.javelo.scim.domain.resource.ExpectedVersion.any(),
                        AttributeSelection.none());

        List<com.javelo.scim.core.protocol.event.FeedEvent> events =
                adapters.eventFeed().readAfter(com.javelo.scim.core.port.TenantScope.allTenants(), 0, 100);
        assertThat(events).extracting(event -> event.details().adopted()).containsExactly(false, true, false);
        assertThat(events)
                .allSatisfy(event -> assertThat(event.details().preExisting()).isTrue());
        // As the SQL outbox stores and reads it back, and as a SET carries it.
        com.javelo.scim.core.protocol.event.FeedEvent adoption = events.get(1);
        String stored = com.javelo.scim.core.protocol.json.EventPayloadJson.write(adoption.event(), adoption.details());
        assertThat(com.javelo.scim.core.protocol.json.EventPayloadJson.read(
                                adoption.event().type(), stored)
                        .details()
                        .adopted())
                .isTrue();
        assertThat(stored).contains("\"adopted\":true");
    }

    @Test
    void aRejectedRowWritesNothingUnlessPartial() {
        List<Row> rows = List.of(
                person(2, "a@acme.example", "Dev"),
                person(3, "b@acme.example", "Dev"),
                Row.rejected(4, "unreadable", null));

        Report refused = run(rows, false, false);
        int afterRefused = users();
        Report partial = run(rows, false, true);

        assertThat(refused.applied()).isFalse();
        assertThat(afterRefused).isZero();
        assertThat(partial.applied()).isTrue();
        assertThat(partial.count(Outcome.CREATED)).isEqualTo(2);
        assertThat(users()).isEqualTo(2);
    }

    @Test
    void appliedRowsCreatePreExistingPeopleAndUpdateMatchesByEmail() {
        String dana = createUser("dana@acme.example");

        Report report = run(
                List.of(
                        person(2, "f@acme.example", "Dev"),
                        Row.of(
                                3,
                                json("{'userName':'dana.smith@acme.example','emails':[{'value':'dana@acme.example',"
                                        + "'type':'work','primary':true}],'title':'Head'}"))),
                false,
                false);

        assertThat(report.applied()).isTrue();
        assertThat(report.rows())
                .extracting(ImportPeople.RowResult::outcome)
                .containsExactly(Outcome.CREATED, Outcome.UPDATED);
        assertThat(api.users()
                        .get(context, dana, AttributeSelection.none())
                        .body()
                        .get("userName")
                        .asText())
                .isEqualTo("dana.smith@acme.example");
        assertThat(api.users()
                        .get(context, dana, AttributeSelection.none())
                        .body()
                        .get("title")
                        .asText())
                .isEqualTo("Head");
        assertThat(run(List.of(person(2, "f@acme.example", "Dev")), true, false)
                        .rows()
                        .get(0)
                        .outcome())
                .isEqualTo(Outcome.UNCHANGED);
    }
}

package com.javelo.scim.core.usecase;

import static com.javelo.scim.core.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.core.protocol.event.Cause;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.core.protocol.json.CustomSchemaJson;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.user.CustomAttributes;
import com.javelo.scim.domain.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event feed's resource is what the company's GET returns: its own attributes included. */
class EventDetailingTest {

    @Test
    void theResourceOfAnEventCarriesTheCompanysDeclaredAttributes() throws Exception {
        CustomSchema schema = CustomSchemaJson.read(
                ScimJson.mapper().readTree("{\"attributes\":[{\"name\":\"grade\",\"type\":\"integer\"}]}"));
        User user = aUser().in(new TenantId("t")).withUserName("ada").build(Instant.parse("2026-01-01T00:00:00Z"));
        User graded = User.reconstitute(
                user.tenantId(),
                user.id(),
                user.profile().withCustom(new CustomAttributes(Map.of("grade", List.of("7")))),
                true,
                null,
                user.origin(),
                user.meta());

        EventDetails details = EventDetailing.ofUser(
                Cause.unknown("https://scim.example/scim/v2"),
                EventDetails.Operation.REPLACE,
                user,
                graded,
                List.of(),
                schema);

        assertThat(details.resource().get(CustomSchema.URN).get("grade").asInt())
                .isEqualTo(7);
        assertThat(details.changes().toString()).contains("grade");
    }
}

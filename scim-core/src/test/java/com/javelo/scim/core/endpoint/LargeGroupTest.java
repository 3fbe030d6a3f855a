package com.javelo.scim.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.domain.resource.ExpectedVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A large group is read with its members streamed, and a membership change never answers with them. */
class LargeGroupTest extends EndpointFixture {

    @Test
    void aLargeGroupsMembersAreStreamedIntoTheResponse() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < GroupEndpoint.STREAMING_THRESHOLD + 200; i++) {
            ids.add(createUser("member" + i + "@acme.example"));
        }
        String group = api.groups()
                .create(context, json("{'displayName':'Everyone'}"), AttributeSelection.none())
                .body()
                .get("id")
                .asText();
        for (int from = 0; from < ids.size(); from += 100) {
            StringBuilder values = new StringBuilder();
            for (String id : ids.subList(from, Math.min(ids.size(), from + 100))) {
                values.append(values.length() == 0 ? "" : ",")
                        .append("{'value':'")
                        .append(id)
                        .append("'}");
            }
            ScimResponse patched = api.groups()
                    .patch(
                            context,
                            group,
                            json("{'Operations':[{'op':'add','path':'members'," + "'value':[" + values + "]}]}"),
                            ExpectedVersion.any(),
                            AttributeSelection.none());
            assertThat(patched.body()).isNull();
        }

        ScimResponse read = api.groups().get(context, group, AttributeSelection.none());

        assertThat(read.body().get("members").isPojo()).isTrue();
        JsonNode written = ScimJson.mapper().readTree(ScimJson.mapper().writeValueAsString(read.body()));
        assertThat(written.get("members")).hasSize(ids.size());
        assertThat(written.get("members").get(0).get("$ref").asText())
                .startsWith("https://scim.example/scim/v2/Users/");
        assertThat(api.groups()
                        .get(context, group, new AttributeSelection(null, "members"))
                        .body()
                        .has("members"))
                .isFalse();
    }
}

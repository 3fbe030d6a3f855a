package com.javelo.scim.core.protocol.paging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEmptyResultIsExactlyWhatOktaExpects() throws Exception {
        ObjectNode response = ListResponses.of(0, 1, List.of());

        assertThat(JSON.writeValueAsString(response))
                .isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],"
                        + "\"totalResults\":0,\"startIndex\":1,\"itemsPerPage\":0,\"Resources\":[]}");
    }

    @Test
    void countsAreNumbersAndItemsPerPageIsThePageSize() {
        ObjectNode user = JSON.createObjectNode().put("id", "u1");

        ObjectNode response = ListResponses.of(250, new PageRequest(101, 100), List.of(user));

        assertThat(response.get("totalResults").isIntegralNumber()).isTrue();
        assertThat(response.get("totalResults").asLong()).isEqualTo(250);
        assertThat(response.get("startIndex").isInt()).isTrue();
        assertThat(response.get("startIndex").asInt()).isEqualTo(101);
        assertThat(response.get("itemsPerPage").asInt()).isEqualTo(1);
        assertThat(response.get("Resources")).containsExactly(user);
    }
}

package com.javelo.scim.core.protocol.patch.quirks;

import static com.javelo.scim.core.protocol.filter.JsonFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.core.protocol.patch.PatchRequest;
import org.junit.jupiter.api.Test;

class LegacyStringMemberValuesTest {

    @Test
    void microsoftsGarbageMemberIsABareString() {
        assertThat(LegacyStringMemberValues.in(PatchRequest.parse(json("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"add","path":"members","value":"string id 1"}]}
                """)).operations()))
                .containsExactly("string id 1");
    }

    @Test
    void anyCaseOfAddCounts() {
        assertThat(LegacyStringMemberValues.in(PatchRequest.parse(json("""
                {"Operations":[{"op":"Add","path":"Members","value":" string id 2 "}]}
                """)).operations()))
                .containsExactly("string id 2");
    }

    @Test
    void oktaAndEntrasObjectMembersAreNotLegacy() {
        assertThat(LegacyStringMemberValues.in(PatchRequest.parse(json("""
                {"Operations":[{"op":"Add","path":"members","value":[{"$ref":null,"value":"f648f8d5"}]},
                               {"op":"replace","path":"members","value":"not an add"},
                               {"op":"add","path":"members","value":" "}]}
                """)).operations()))
                .isEmpty();
    }
}

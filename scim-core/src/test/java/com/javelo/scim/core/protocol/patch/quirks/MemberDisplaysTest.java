package com.javelo.scim.core.protocol.patch.quirks;

import static com.javelo.scim.core.protocol.filter.JsonFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.core.protocol.patch.PatchRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberDisplaysTest {

    private static Map<String, String> labels(String body) {
        return MemberDisplays.in(PatchRequest.parse(json(body)).operations());
    }

    @Test
    void oktaLabelsTheMembersItAddsWithDisplay() {
        assertThat(labels("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"add","path":"members","value":[
                   {"value":"23a35c27","display":"test.user@okta.local"}]}]}
                """)).containsExactly(Map.entry("23a35c27", "test.user@okta.local"));
    }

    @Test
    void microsoftsCollectionLabelsThemWithDisplayName() {
        assertThat(labels("""
                {"Operations":[{"op":"Add","path":"members","value":[{"value":"f648f8d5","displayName":"Smith, Jo"}]}]}
                """)).containsExactly(Map.entry("f648f8d5", "Smith, Jo"));
    }

    @Test
    void pathlessReplaceOfMembersAndALaterLabelWin() {
        assertThat(labels("""
                {"Operations":[{"op":"replace","value":{"Members":[{"value":"a","display":"first"}]}},
                               {"op":"add","path":"members","value":{"value":"a","display":"second"}}]}
                """)).containsExactly(Map.entry("a", "second"));
    }

    @Test
    void removesAndUnlabelledMembersGiveNoLabel() {
        assertThat(labels("""
                {"Operations":[{"op":"remove","path":"members","value":[{"value":"a","display":"gone"}]},
                               {"op":"add","path":"members","value":[{"value":"b"},{"value":"c","display":" "}]}]}
                """)).isEmpty();
    }
}

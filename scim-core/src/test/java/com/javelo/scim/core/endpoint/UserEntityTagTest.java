package com.javelo.scim.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.core.protocol.etag.EntityTags;
import com.javelo.scim.domain.resource.ExpectedVersion;
import org.junit.jupiter.api.Test;

/**
 * A user's tag follows its representation, {@code groups} included, on the in-memory adapters
 * (the H2 and PostgreSQL ones are proved end to end): a membership change, or a rename of one of
 * the user's groups, gives a new tag; {@code If-Match} keeps comparing the version.
 */
class UserEntityTagTest extends EndpointFixture {

    private ScimResponse get(String id) {
        return api.users().get(context, id, AttributeSelection.none());
    }

    @Test
    void aMembershipChangeGivesTheUserANewTag() {
        String user = createUser("tag@acme.example");
        String before = get(user).entityTag();
        assertThat(get(user).entityTag()).isEqualTo(before);

        String group = api.groups()
                .create(
                        context,
                        json("{'displayName':'Sales','members':[{'value':'" + user + "'}]}"),
                        AttributeSelection.none())
                .body()
                .get("id")
                .asText();
        ScimResponse member = get(user);
        assertThat(member.entityTag()).isNotEqualTo(before);
        assertThat(member.body().at("/meta/version").asText()).isEqualTo(member.entityTag());
        assertThat(EntityTags.noneMatchFails(before, member.entityTag())).isFalse();
        assertThat(EntityTags.noneMatchFails(member.entityTag(), member.entityTag()))
                .isTrue();

        api.groups()
                .patch(
                        context,
                        group,
                        json("{'Operations':[{'op':'replace','path':'displayName','value':'Sales EU'}]}"),
                        ExpectedVersion.any(),
                        AttributeSelection.none());
        String renamed = get(user).entityTag();
        assertThat(renamed).isNotEqualTo(member.entityTag());

        api.groups()
                .patch(
                        context,
                        group,
                        json("{'Operations':[{'op':'remove','path':'members[value eq \\\"" + user + "\\\"]'}]}"),
                        ExpectedVersion.any(),
                        AttributeSelection.none());
        assertThat(get(user).entityTag()).isEqualTo(before); // the very representation of before
    }

    @Test
    void ifMatchComparesTheVersionPartOfAUserTag() {
        String user = createUser("match@acme.example");
        api.groups()
                .create(
                        context,
                        json("{'displayName':'Ops','members':[{'value':'" + user + "'}]}"),
                        AttributeSelection.none());
        String tag = get(user).entityTag();
        assertThat(tag).matches("W/\"1\\.[0-9a-f]{16}\"");

        ScimResponse replaced = api.users()
                .replace(
                        context,
                        user,
                        json("{'userName':'match@acme.example','title':'X'}"),
                        EntityTags.expectation(tag),
                        AttributeSelection.none());

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.entityTag()).startsWith("W/\"2.");
        assertThat(EntityTags.expectation(tag))
                .isEqualTo(ExpectedVersion.of(new com.javelo.scim.domain.resource.Version(1)));
    }

    @Test
    void ifNoneMatchStarMatchesAnyTagAndListsCompareWeakly() {
        assertThat(EntityTags.noneMatchFails("*", "W/\"3\"")).isTrue();
        assertThat(EntityTags.noneMatchFails("\"3\", W/\"4.00ff\"", "W/\"4.00ff\""))
                .isTrue();
        assertThat(EntityTags.noneMatchFails("W/\"4\"", "W/\"4.00ff\"")).isFalse();
        assertThat(EntityTags.noneMatchFails(null, "W/\"4\"")).isFalse();
    }
}

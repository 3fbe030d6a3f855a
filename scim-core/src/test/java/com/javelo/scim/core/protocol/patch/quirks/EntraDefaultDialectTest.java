package com.javelo.scim.core.protocol.patch.quirks;

import static com.javelo.scim.core.protocol.filter.JsonFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.core.protocol.patch.PatchRequest;
import org.junit.jupiter.api.Test;

class EntraDefaultDialectTest {

    @Test
    void entrasCapitalisedDisableIsTheDefaultDialect() {
        assertThat(EntraDefaultDialect.isUsedBy(PatchRequest.parse(json("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"False"}]}
                """)))).isTrue();
    }

    @Test
    void oneCapitalisedOpAmongLowerCaseOnesIsEnough() {
        assertThat(EntraDefaultDialect.isUsedBy(PatchRequest.parse(json("""
                {"Operations":[{"op":"replace","path":"nickName","value":"B"},{"op":"Add","path":"title","value":"T"}]}
                """)))).isTrue();
    }

    @Test
    void oktasLowerCaseDeactivationIsNot() {
        assertThat(EntraDefaultDialect.isUsedBy(PatchRequest.parse(json("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"active":false}}]}
                """)))).isFalse();
    }
}

package com.javelo.scim.domain.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.javelo.scim.domain.error.StaleVersion;
import org.junit.jupiter.api.Test;

class ExpectedVersionTest {

    @Test
    void aWriterThatDidNotSayAVersionMayChangeAnyVersion() {
        assertThatCode(() -> ExpectedVersion.any().check("u1", new Version(7))).doesNotThrowAnyException();
    }

    @Test
    void aWriterAtTheCurrentVersionMayChangeIt() {
        assertThatCode(() -> ExpectedVersion.of(new Version(7)).check("u1", new Version(7)))
                .doesNotThrowAnyException();
    }

    @Test
    void aWriterAtAnOlderVersionIsToldWhichResourceAndBothVersions() {
        assertThatThrownBy(() -> ExpectedVersion.of(new Version(3)).check("u1", new Version(7)))
                .isInstanceOfSatisfying(StaleVersion.class, stale -> {
                    assertThat(stale.resourceId()).isEqualTo("u1");
                    assertThat(stale.expected()).isEqualTo(3);
                    assertThat(stale.current()).isEqualTo(7);
                })
                .hasMessage("resource u1 is at version 7, not 3; read it again and retry");
    }
}

package org.signalaudit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.signalaudit.query.InvalidRequestException;

import org.junit.jupiter.api.Test;

class VersionsTest {

    @Test
    void readsStrongWeakAndBareTags() {
        assertThat(Versions.ifMatch("\"3\"")).isEqualTo(3L);
        assertThat(Versions.ifMatch("W/\"4\"")).isEqualTo(4L);
        assertThat(Versions.ifMatch("5")).isEqualTo(5L);
    }

    @Test
    void noHeaderOrAStarAsksForNoVersion() {
        assertThat(Versions.ifMatch(null)).isNull();
        assertThat(Versions.ifMatch("*")).isNull();
    }

    @Test
    void aTagThisApiNeverIssuedIsABadRequest() {
        assertThatThrownBy(() -> Versions.ifMatch("\"abc\"")).isInstanceOf(InvalidRequestException.class);
    }
}

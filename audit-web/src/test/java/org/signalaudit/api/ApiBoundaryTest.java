package org.signalaudit.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiBoundaryTest {

    @Test
    void theApiIsItsRootAndWhatIsBelowIt() {
        assertThat(ApiBoundary.isApi("/api")).isTrue();
        assertThat(ApiBoundary.isApi("/api/users/../../admin/")).isTrue();
        assertThat(ApiBoundary.isApi("/apiary")).isFalse();
        assertThat(ApiBoundary.isApi("/admin/")).isFalse();
        assertThat(ApiBoundary.isApi("")).isFalse();
    }
}

package org.signalaudit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountIdentityStoreTest {

    @Test
    void aNameWithAControlCharacterIsNobodysAndIsNotLookedUp() {
        assertThat(AccountIdentityStore.isUsername("alice")).isTrue();
        assertThat(AccountIdentityStore.isUsername("' OR 1=1--")).isTrue();
        assertThat(AccountIdentityStore.isUsername("al\u0000ice")).isFalse();
        assertThat(AccountIdentityStore.isUsername("alice\n")).isFalse();
        assertThat(AccountIdentityStore.isUsername("alice\u007f")).isFalse();
        assertThat(AccountIdentityStore.isUsername(null)).isFalse();
    }
}

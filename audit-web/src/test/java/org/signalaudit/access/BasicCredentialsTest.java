package org.signalaudit.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasicCredentialsTest {

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesUserAndPasswordSplittingAtTheFirstColon() {
        var credential = BasicCredentials.parse(basic("alice:pass:with:colons")).orElseThrow();

        assertThat(credential.getCaller()).isEqualTo("alice");
        assertThat(credential.getPasswordAsString()).isEqualTo("pass:with:colons");
    }

    @Test
    void theSchemeIsCaseInsensitiveAndUtf8IsKept() {
        var credential = BasicCredentials.parse("bAsIc " + basic("zoë:pässwörd").substring(6)).orElseThrow();

        assertThat(credential.getCaller()).isEqualTo("zoë");
        assertThat(credential.getPasswordAsString()).isEqualTo("pässwörd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc", "Basic !!!not-base64!!!", "Basic bm9jb2xvbg==", "Basic OnBhc3N3b3Jk", "Basic"})
    void anythingMalformedIsNoCredential(String header) {
        assertThat(BasicCredentials.parse(header)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b:pw", "al\nice:pw", "\u007f:pw", "bob\u0085:pw"})
    void aUserIdWithAControlCharacterIsMalformed(String userAndPassword) {
        assertThat(BasicCredentials.parse(basic(userAndPassword))).isEmpty();
    }
}

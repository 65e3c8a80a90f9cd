package org.signalaudit.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.signalaudit.account.StateEvent;
import org.signalaudit.account.UserState;

class RequestContextTest {

    @Test
    void aWellFormedClientRequestIdIsKept() {
        var context = new RequestContext();
        context.open("client-id-0001", "10.0.0.1", "10.0.0.1", "curl", Origin.HTTP_API);

        assertThat(context.requestId()).isEqualTo("client-id-0001");
        assertThat(context.origin()).isEqualTo(Origin.HTTP_API);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "has space in it", "<script>alert(1)</script>",
            "0123456789012345678901234567890123456789012345678901234567890123456789"})
    void anIllFormedClientRequestIdIsReplaced(String requested) {
        var context = new RequestContext();
        context.open(requested, "10.0.0.1", "10.0.0.1", "curl", Origin.HTTP_API);

        assertThat(context.requestId()).isNotEqualTo(requested).matches("[0-9a-f-]{36}");
    }

    @Test
    void theFirstOpenWins() {
        var context = new RequestContext();
        context.open("first-id-0001", "10.0.0.1", "10.0.0.1", "a", Origin.HTTP_API);
        context.open("second-id-0002", "10.0.0.2", "10.0.0.2", "b", Origin.ADMIN_UI);

        assertThat(context.requestId()).isEqualTo("first-id-0001");
        assertThat(context.clientIp()).isEqualTo("10.0.0.1");
    }

    @Test
    void theUserAgentIsCapped() {
        var context = new RequestContext();
        context.open(null, "10.0.0.1", "10.0.0.1", "x".repeat(5000), Origin.HTTP_API);

        assertThat(context.userAgent()).hasSize(RequestContext.USER_AGENT_CAP);
    }

    @Test
    void anUnopenedContextIsTheSystems() {
        assertThat(new RequestContext().origin()).isEqualTo(Origin.SYSTEM);
    }

    @Test
    void aStateChangeAlwaysHasAnInitiator() {
        assertThatThrownBy(() -> new UserStateChanged("u", UserState.ACTIVE, UserState.LOCKED, StateEvent.LOCK, " ", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UserStateChanged("u", null, UserState.LOCKED, StateEvent.LOCK, "admin", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Initiators.system("bootstrap")).isEqualTo("system:bootstrap");
    }
}

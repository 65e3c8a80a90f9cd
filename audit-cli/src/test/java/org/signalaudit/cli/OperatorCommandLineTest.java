package org.signalaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class OperatorCommandLineTest {

    @Test
    void aCommandBecomesTheApplicationsCommandModeConfiguration() {
        assertThat(OperatorCommandLine.parse(List.of("transition", "alice", "LOCK", "--reason", "left the company")))
                .containsEntry("audit.cli.command", "transition")
                .containsEntry("audit.cli.username", "alice")
                .containsEntry("audit.cli.argument", "LOCK")
                .containsEntry("audit.cli.reason", "left the company")
                .containsKey("audit.cli.os-user");
        assertThat(OperatorCommandLine.parse(List.of("override", "bob", "ACTIVE", "--reason=checked")))
                .containsEntry("audit.cli.reason", "checked");
        assertThat(OperatorCommandLine.parse(List.of("recover-superadmin"))).doesNotContainKey("audit.cli.username");
        assertThat(OperatorCommandLine.parse(List.of("recover-superadmin", "root-admin")))
                .containsEntry("audit.cli.username", "root-admin");
        assertThat(OperatorCommandLine.parse(List.of("verify"))).containsEntry("audit.cli.command", "verify");
    }

    @Test
    void malformedCommandsAreUsageErrors() {
        assertThatThrownBy(() -> OperatorCommandLine.parse(List.of())).hasMessage("no command");
        assertThatThrownBy(() -> OperatorCommandLine.parse(List.of("drop-everything"))).hasMessageContaining("unknown command");
        assertThatThrownBy(() -> OperatorCommandLine.parse(List.of("transition", "alice"))).hasMessageContaining("arguments");
        assertThatThrownBy(() -> OperatorCommandLine.parse(List.of("override", "alice", "ACTIVE")))
                .hasMessageContaining("--reason");
        assertThatThrownBy(() -> OperatorCommandLine.parse(List.of("verify", "--force"))).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> OperatorCommandLine.parse(List.of("transition", "alice", "LOCK", "--reason")))
                .hasMessageContaining("needs a text");
    }
}

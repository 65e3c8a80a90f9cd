package org.signalaudit.audit.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.signalaudit.configuration.RejectedSetting;

class SyslogDestinationTest {

    private static Optional<SyslogDestination> of(Map<String, String> settings) {
        return SyslogDestination.configured(property -> Optional.ofNullable(settings.get(property)));
    }

    @Test
    void noHostMeansNoForwarding() {
        assertThat(of(Map.of())).isEmpty();
        assertThat(of(Map.of("audit.syslog.host", " ", "audit.syslog.tls", "false"))).isEmpty();
    }

    @Test
    void thePortDefaultsToTheRegisteredOneOfTheTransport() {
        assertThat(of(Map.of("audit.syslog.host", "logs.example.com"))).contains(
                new SyslogDestination("logs.example.com", 514, false));
        assertThat(of(Map.of("audit.syslog.host", "logs.example.com", "audit.syslog.tls", "TRUE"))).contains(
                new SyslogDestination("logs.example.com", 6514, true));
        assertThat(of(Map.of("audit.syslog.host", "::1", "audit.syslog.port", "1514")).orElseThrow().name())
                .isEqualTo("[::1]:1514");
    }

    @Test
    void aSettingThatCannotBeUsedIsRefusedWithOneLineNamingIt() {
        assertThatThrownBy(() -> of(Map.of("audit.syslog.host", "logs", "audit.syslog.port", "70000")))
                .isInstanceOf(RejectedSetting.class).hasMessageContaining("AUDIT_SYSLOG_PORT").hasMessageContaining("70000");
        assertThatThrownBy(() -> of(Map.of("audit.syslog.host", "logs", "audit.syslog.port", "syslog")))
                .isInstanceOf(RejectedSetting.class).hasMessageContaining("not a port number");
        assertThatThrownBy(() -> of(Map.of("audit.syslog.host", "logs", "audit.syslog.tls", "yes")))
                .isInstanceOf(RejectedSetting.class).hasMessageContaining("AUDIT_SYSLOG_TLS");
        assertThatThrownBy(() -> of(Map.of("audit.syslog.port", "514")))
                .isInstanceOf(RejectedSetting.class).hasMessageContaining("AUDIT_SYSLOG_HOST").hasMessageContaining("not set");
        assertThatThrownBy(() -> of(Map.of("audit.syslog.host", "tcp://logs:514")))
                .isInstanceOf(RejectedSetting.class).hasMessageContaining("not a host name");
    }
}

package org.signalaudit.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void theDataSourceClassFollowsFromTheUrlScheme() {
        assertThat(Database.of("jdbc:postgresql://db:5432/audit")).hasValue(Database.POSTGRESQL);
        assertThat(Database.of("jdbc:h2:file:./signal-audit-data/audit;AUTO_SERVER=FALSE")).hasValue(Database.H2);
        assertThat(Database.POSTGRESQL.dataSourceClass()).isEqualTo("org.postgresql.ds.PGSimpleDataSource");
        assertThat(Database.H2.dataSourceClass()).isEqualTo("org.h2.jdbcx.JdbcDataSource");
    }

    @Test
    void anUnknownSchemeOrNoUrlIsNoDatabase() {
        assertThat(Database.of("jdbc:mysql://db/audit")).isEmpty();
        assertThat(Database.of("postgresql://db/audit")).isEmpty();
        assertThat(Database.of(null)).isEmpty();
        assertThat(Database.knownSchemes()).isEqualTo("jdbc:postgresql: or jdbc:h2:");
    }

    @Test
    void parametersWhichMayHoldAPasswordAreLeftOutOfMessages() {
        assertThat(Database.withoutParameters("jdbc:postgresql://db/audit?user=a&password=secret"))
                .isEqualTo("jdbc:postgresql://db/audit");
        assertThat(Database.withoutParameters("jdbc:h2:file:./x;PASSWORD=secret")).isEqualTo("jdbc:h2:file:./x");
        assertThat(Database.withoutParameters("jdbc:postgresql://db/audit")).isEqualTo("jdbc:postgresql://db/audit");
    }

    @Test
    void aSettingIsNamedWithItsEnvironmentVariable() {
        var rejected = new RejectedSetting("audit.lockout.max-failures", "0 is out of range: at least 1");
        assertThat(rejected.getMessage()).isEqualTo("Configuration refused, the application does not start: "
                + "audit.lockout.max-failures (AUDIT_LOCKOUT_MAX_FAILURES): 0 is out of range: at least 1");
        assertThat(rejected.getStackTrace()).isEmpty();
    }
}

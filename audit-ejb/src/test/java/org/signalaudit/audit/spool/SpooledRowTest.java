package org.signalaudit.audit.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.signalaudit.audit.entity.AuditTable;
import org.signalaudit.audit.entity.LoginAuditRow;
import org.signalaudit.audit.entity.RequestAuditRow;
import org.signalaudit.signal.Origin;
import org.signalaudit.signal.RequestCompleted;
import org.signalaudit.signal.SignInFailure;
import org.signalaudit.signal.UserLoginFailed;

/** A spooled row comes back as the very row the receiver would have written. */
class SpooledRowTest {

    private static final Instant STARTED = Instant.parse("2026-11-30T19:30:01.123456789Z");

    @Test
    void aRequestRowComesBackWithTheSameValues() throws IOException {
        var request = new RequestAuditRow(new RequestCompleted("req-0001-é", STARTED, 12, "POST", "/audit/api/users?x=1",
                "/users", 503, null, "127.0.0.1", "127.0.0.1", "curl/8 ✓", null, null, "WRITE",
                "jakarta.ws.rs.ServiceUnavailableException", "x".repeat(9000), Origin.HTTP_API));

        SpooledRow back = SpooledRow.decode(SpooledRow.of(request).encode());

        assertThat(back.table()).isEqualTo(request.table());
        assertThat(back.values()).hasSameSizeAs(request.values());
        for (int i = 0; i < back.values().size(); i++) {
            Object expected = request.values().get(i);
            assertThat(back.values().get(i)).as("column " + request.table().columns().get(i).name())
                    .isEqualTo(expected instanceof Enum<?> constant ? constant.name() : expected);
        }
        assertThat(back.value("occurred_at")).isEqualTo(OffsetDateTime.parse("2026-11-30T19:30:01.123456Z"));
        assertThat((String) back.value("error_detail")).hasSize(8000);
    }

    @Test
    void aLoginRowComesBackWithItsNulls() throws IOException {
        var login = LoginAuditRow.of(new UserLoginFailed("mallory", SignInFailure.BAD_PASSWORD),
                OffsetDateTime.ofInstant(STARTED, ZoneOffset.UTC), null);

        SpooledRow back = SpooledRow.decode(SpooledRow.of(login).encode());

        assertThat(back.values()).isEqualTo(Arrays.asList(OffsetDateTime.parse("2026-11-30T19:30:01.123456Z"),
                "LOGIN_FAILED", "mallory", "BAD_PASSWORD", null, null, null));
    }

    @Test
    void onlyRequestAndLoginRowsAreSpooled() {
        var values = Collections.nCopies(AuditTable.STATE.columns().size(), (Object) null);
        assertThatThrownBy(() -> new SpooledRow(AuditTable.STATE, values)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("request and login rows");
    }

    @Test
    void aRecordOfAnotherVersionOrCutShortIsRefused() {
        byte[] payload = SpooledRow.of(LoginAuditRow.of(new UserLoginFailed("m", SignInFailure.BAD_PASSWORD),
                OffsetDateTime.ofInstant(STARTED, ZoneOffset.UTC), null)).encode();
        byte[] otherVersion = payload.clone();
        otherVersion[0] = 9;
        assertThatThrownBy(() -> SpooledRow.decode(otherVersion)).isInstanceOf(IOException.class)
                .hasMessageContaining("version 9");
        assertThatThrownBy(() -> SpooledRow.decode(Arrays.copyOf(payload, payload.length - 2)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> SpooledRow.decode(Arrays.copyOf(payload, payload.length + 1)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aLostConnectionWaitsAndARefusedRowDoesNot() {
        assertThat(SpoolReplay.connectionLost(new IllegalStateException(new SQLException("refused", "08001"))))
                .isTrue();
        assertThat(SpoolReplay.connectionLost(new RuntimeException(new ConnectException("refused")))).isTrue();
        assertThat(SpoolReplay.connectionLost(new SQLException("shutting down", "57P01"))).isTrue();
        assertThat(SpoolReplay.connectionLost(new IllegalStateException(
                new SQLIntegrityConstraintViolationException("duplicate", "23505")))).isFalse();
    }
}

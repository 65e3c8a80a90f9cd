package org.signalaudit.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class RowDigestTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:15:30.123456Z");

    private static List<Object> loginRow(Object occurredAt, String username) {
        return Arrays.asList(occurredAt, "LOGIN_FAILED", username, "BAD_PASSWORD", "10.0.0.1", "curl/8", "req-1");
    }

    private static String hash(List<Object> values) {
        return RowDigest.hash(ChainedTable.LOGIN, 7, RowDigest.GENESIS, values);
    }

    @Test
    void sameRowSameHashAsHex() {
        assertThat(hash(loginRow(AT, "alice"))).isEqualTo(hash(loginRow(AT, "alice"))).matches("[0-9a-f]{64}");
    }

    @Test
    void everyColumnPositionAndPreviousHashCount() {
        String original = hash(loginRow(AT, "alice"));
        for (int i = 0; i < ChainedTable.LOGIN.columns().size(); i++) {
            List<Object> changed = new ArrayList<>(loginRow(AT, "alice"));
            changed.set(i, i == 0 ? AT.plusNanos(1000) : changed.get(i) + "x");
            assertThat(hash(changed)).as("column %s", ChainedTable.LOGIN.columns().get(i).name()).isNotEqualTo(original);
        }
        assertThat(RowDigest.hash(ChainedTable.LOGIN, 8, RowDigest.GENESIS, loginRow(AT, "alice"))).isNotEqualTo(original);
        assertThat(RowDigest.hash(ChainedTable.LOGIN, 7, "1".repeat(64), loginRow(AT, "alice"))).isNotEqualTo(original);
        assertThat(RowDigest.hash(ChainedTable.STATE, 7, RowDigest.GENESIS, Arrays.asList(new Object[10])))
                .isNotEqualTo(RowDigest.hash(ChainedTable.STATE, 7, RowDigest.GENESIS, Arrays.asList(
                        "", null, null, null, null, null, null, null, null, null)));
    }

    @Test
    void valuesCannotShiftAcrossFieldBoundaries() {
        List<Object> a = loginRow(AT, "ab");
        a.set(3, "c");
        List<Object> b = loginRow(AT, "a");
        b.set(3, "bc");
        assertThat(hash(a)).isNotEqualTo(hash(b));
    }

    @Test
    void anInstantHashesAlikeInAnyOffsetAndBelowTheMicrosecond() {
        OffsetDateTime inParis = OffsetDateTime.ofInstant(AT, ZoneOffset.ofHours(1));
        assertThat(hash(loginRow(inParis, "alice"))).isEqualTo(hash(loginRow(AT, "alice")));
        assertThat(hash(loginRow(AT.plusNanos(999), "alice"))).isEqualTo(hash(loginRow(AT, "alice")));
        assertThat(RowDigest.storable(OffsetDateTime.ofInstant(AT.plusNanos(999), ZoneOffset.UTC)).toInstant()).isEqualTo(AT);
    }

    @Test
    void jsonHashesAlikeAsWrittenAndAsJsonbGivesItBack() {
        List<Object> written = entityRow("{\"state\":{\"old\":\"ACTIVE\",\"new\":\"LOCKED\"},\"version\":{\"old\":1.50,\"new\":2}}");
        List<Object> readBack = entityRow("{\"state\": {\"new\": \"LOCKED\", \"old\": \"ACTIVE\"}, \"version\": {\"new\": 2, \"old\": 1.5}}");
        List<Object> edited = entityRow("{\"state\": {\"new\": \"ACTIVE\", \"old\": \"ACTIVE\"}, \"version\": {\"new\": 2, \"old\": 1.5}}");
        assertThat(RowDigest.hash(ChainedTable.ENTITY, 1, RowDigest.GENESIS, written))
                .isEqualTo(RowDigest.hash(ChainedTable.ENTITY, 1, RowDigest.GENESIS, readBack))
                .isNotEqualTo(RowDigest.hash(ChainedTable.ENTITY, 1, RowDigest.GENESIS, edited));
    }

    @Test
    void aNumberHashesAlikeFromAnyIntegralType() {
        List<Object> asInt = requestRow(200);
        List<Object> asLong = requestRow(200L);
        assertThat(RowDigest.hash(ChainedTable.REQUEST, 1, RowDigest.GENESIS, asInt))
                .isEqualTo(RowDigest.hash(ChainedTable.REQUEST, 1, RowDigest.GENESIS, asLong));
    }

    @Test
    void theWrongNumberOfValuesIsRefused() {
        assertThatThrownBy(() -> hash(List.of("too few"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Object> entityRow(String changes) {
        return Arrays.asList("UserAccount", "alice", "UPDATE", changes, "admin", "10.0.0.1", "HTTP_API", AT, "req-1");
    }

    private static List<Object> requestRow(Object status) {
        List<Object> values = new ArrayList<>(Arrays.asList(new Object[ChainedTable.REQUEST.columns().size()]));
        values.set(0, "req-1");
        values.set(1, AT);
        values.set(2, 12L);
        values.set(6, status);
        return values;
    }
}

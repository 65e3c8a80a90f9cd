package org.signalaudit.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class FieldDiffTest {

    @Test
    void attributesShowBeforeAndAfterAndCollectionsTheMembersRemovedAndAdded() {
        assertThat(FieldDiff.of(json("{'state': {'old': 'ACTIVE', 'new': 'LOCKED'}, 'email': {'old': null, 'new': 'a@b.c'},"
                + " 'count': {'old': 1, 'new': 2}, 'members': {'added': ['bob', 'carol'], 'removed': ['alice']},"
                + " 'groups': {'added': [], 'removed': ['ops']}}"))).containsExactly(
                new FieldDiff("state", "ACTIVE", "LOCKED", false),
                new FieldDiff("email", null, "a@b.c", false),
                new FieldDiff("count", "1", "2", false),
                new FieldDiff("members", "alice", "bob, carol", true),
                new FieldDiff("groups", "ops", null, true));
    }

    @Test
    void aBulkStatementIsOneLineAndLongValuesAreCutForTheTable() {
        var bulk = FieldDiff.of(json("{'bulk': {'statement': 'UPDATE Group g SET g.description = :d', 'rowsAffected': 3}}"));
        assertThat(bulk).singleElement().satisfies(line -> {
            assertThat(line.field()).isEqualTo("bulk");
            assertThat(line.after()).contains("UPDATE Group g", "rowsAffected");
        });
        var line = new FieldDiff("description", "x".repeat(81), "short", false);
        assertThat(line.isLong()).isTrue();
        assertThat(line.getShortBefore()).hasSize(81).endsWith("…");
        assertThat(line.getShortAfter()).isEqualTo("short");
        assertThat(FieldDiff.of(null)).isEmpty();
    }

    private static JsonObject json(String singleQuoted) {
        return Json.createReader(new StringReader(singleQuoted.replace('\'', '"'))).readObject();
    }
}

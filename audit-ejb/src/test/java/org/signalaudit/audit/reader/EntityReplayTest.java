package org.signalaudit.audit.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.signalaudit.signal.ChangeKind;

class EntityReplayTest {

    private final List<EntityReplay.Row> rows = new ArrayList<>();

    @Test
    void attributesTakeTheirLastValueAndCollectionsTheirMembers() {
        row(ChangeKind.CREATE, "{'name': {'old': null, 'new': 'ops'}, 'description': {'old': null, 'new': 'first'},"
                + " 'secret': {'old': null, 'new': '***'}}");
        row(ChangeKind.UPDATE, "{'members': {'added': ['bob', 'alice'], 'removed': []}}");
        row(ChangeKind.UPDATE, "{'description': {'old': 'first', 'new': 'second'},"
                + " 'members': {'added': ['carol'], 'removed': ['bob']}}");

        assertThat(EntityReplay.replay(rows)).contains(json("{'name': 'ops', 'description': 'second',"
                + " 'secret': '***', 'members': ['alice', 'carol']}"));
        assertThat(EntityReplay.replay(rows.subList(0, 1))).contains(json("{'name': 'ops', 'description': 'first',"
                + " 'secret': '***'}"));
    }

    @Test
    void nothingBeforeTheCreationNothingAfterTheDeletionAndARecreationStartsAfresh() {
        assertThat(EntityReplay.replay(rows)).isEmpty();
        row(ChangeKind.CREATE, "{'name': {'old': null, 'new': 'ops'}, 'description': {'old': null, 'new': 'x'}}");
        row(ChangeKind.DELETE, "{'name': {'old': 'ops', 'new': null}, 'description': {'old': 'x', 'new': null}}");
        assertThat(EntityReplay.replay(rows)).isEmpty();
        row(ChangeKind.CREATE, "{'name': {'old': null, 'new': 'ops'}}");
        assertThat(EntityReplay.replay(rows)).contains(json("{'name': 'ops'}"));
    }

    @Test
    void anEntityOlderThanItsAuditingStartsFromItsFirstUpdate() {
        row(ChangeKind.UPDATE, "{'state': {'old': 'ACTIVE', 'new': 'LOCKED'}}");
        assertThat(EntityReplay.replay(rows)).contains(json("{'state': 'LOCKED'}"));
    }

    @Test
    void valuesOfAnyJsonTypeAndUnknownKeysAreReadAsStored() {
        row(ChangeKind.CREATE, "{'limits': {'old': null, 'new': {'max': 3, 'tags': ['a']}}, 'count': {'new': 7},"
                + " 'flag': {'new': true, 'note': {'x': [1]}}, 'keys': {'removed': [], 'added': [1, 'y']},"
                + " 'bulk': {'statement': 'UPDATE x', 'parameters': {'p': 1}, 'rowsAffected': 2}}");
        row(ChangeKind.UPDATE, "{'keys': {'added': ['z'], 'removed': ['1']}, 'count': {'old': 7, 'new': null}}");
        assertThat(EntityReplay.replay(rows)).contains(json("{'limits': {'max': 3, 'tags': ['a']}, 'count': null,"
                + " 'flag': true, 'bulk': null, 'keys': ['y', 'z']}"));
    }

    private void row(ChangeKind action, String changes) {
        rows.add(new EntityReplay.Row(rows.size() + 1, action, changes.replace('\'', '"')));
    }

    private static JsonObject json(String singleQuoted) {
        return Json.createReader(new StringReader(singleQuoted.replace('\'', '"'))).readObject();
    }
}

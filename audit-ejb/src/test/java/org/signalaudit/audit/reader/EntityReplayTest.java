package org.signalaudit.audit.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.signalaudit.signal.ChangeKind;

class EntityReplayTest {

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

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

    @Test
    void aReplayResumedFromAKeptStateEndsAsOneFromTheFirstRowAndKeepsStatesEverySoManyRows() {
        row(ChangeKind.CREATE, "{'name': {'new': 'ops'}, 'members': {'added': ['a', 'b'], 'removed': []}}");
        for (int i = 0; i < 10; i++) {
            row(ChangeKind.UPDATE, "{'description': {'new': 'd" + i + "'}, 'members': {'added': ['m" + i % 3
                    + "'], 'removed': ['m" + (i + 1) % 3 + "']}}");
        }
        List<EntityReplay.Position> positions = new ArrayList<>();
        List<String> states = new ArrayList<>();
        var whole = EntityReplay.fromTheStart();
        whole.apply(rows, 4, (position, state) -> {
            positions.add(position);
            states.add(state);
        });
        assertThat(positions).extracting(EntityReplay.Position::rows).containsExactly(4, 8);
        assertThat(positions.get(0).lastId()).isEqualTo(4);
        assertThat(positions.get(0).latestOccurredAt()).isEqualTo(EPOCH.plusSeconds(4));
        assertThat(whole.position()).contains(new EntityReplay.Position(11, 11, EPOCH.plusSeconds(11)));

        var resumed = EntityReplay.resume(positions.get(0), states.get(0));
        List<Integer> keptAfter = new ArrayList<>();
        resumed.apply(rows.subList(4, rows.size()), 4, (position, state) -> keptAfter.add(position.rows()));
        assertThat(keptAfter).as("the count goes on from the kept state's").containsExactly(8);
        assertThat(resumed.attributes()).isEqualTo(whole.attributes()).isEqualTo(EntityReplay.replay(rows));
        assertThat(resumed.position()).isEqualTo(whole.position());
        assertThat(resumed.state()).isEqualTo(whole.state());
    }

    @Test
    void aKeptStateRemembersADeletionAndTheLatestTimeOfItsRows() {
        row(ChangeKind.CREATE, "{'name': {'new': 'ops'}}");
        rows.add(new EntityReplay.Row(2, ChangeKind.UPDATE, EPOCH.plusSeconds(100), "{\"name\": {\"new\": \"late clock\"}}"));
        row(ChangeKind.DELETE, "{'name': {'old': 'late clock', 'new': null}}");
        var replay = EntityReplay.fromTheStart();
        replay.apply(rows, Integer.MAX_VALUE, (position, state) -> { });
        assertThat(replay.position().orElseThrow().latestOccurredAt()).isEqualTo(EPOCH.plusSeconds(100));
        var resumed = EntityReplay.resume(replay.position().orElseThrow(), replay.state());
        assertThat(resumed.attributes()).isEmpty();
        resumed.apply(List.of(new EntityReplay.Row(4, ChangeKind.CREATE, EPOCH.plusSeconds(4), "{\"name\": {\"new\": \"again\"}}")),
                Integer.MAX_VALUE, (position, state) -> { });
        assertThat(resumed.attributes()).contains(json("{'name': 'again'}"));
    }

    private void row(ChangeKind action, String changes) {
        rows.add(new EntityReplay.Row(rows.size() + 1, action, EPOCH.plusSeconds(rows.size() + 1),
                changes.replace('\'', '"')));
    }

    private static JsonObject json(String singleQuoted) {
        return Json.createReader(new StringReader(singleQuoted.replace('\'', '"'))).readObject();
    }
}

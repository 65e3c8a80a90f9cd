package org.signalaudit.testing;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * The tests' own replay of the audit tables, over JDBC, independent of the application's
 * replay check: every user's state rows form one unbroken chain (each row starts where the one
 * before ended) that ends in the state the user has; every user's and group's version counts
 * its audited updates; and the members of each group are what its rows added and removed.
 */
final class Replay {

    /** Users and groups replayed, and what did not add up. */
    record Result(int users, int groups, List<String> problems) {
    }

    private Replay() {
    }

    static Result of(AuditDatabase db) {
        var problems = new ArrayList<String>();
        int users = users(db, problems);
        int groups = groups(db, problems);
        return new Result(users, groups, problems);
    }

    private static int users(AuditDatabase db, List<String> problems) {
        Map<String, List<Map<String, Object>>> chains = new HashMap<>();
        for (var row : db.select("SELECT username, start_state, end_state, event, id FROM user_state_audit ORDER BY id")) {
            chains.computeIfAbsent((String) row.get("username"), name -> new ArrayList<>()).add(row);
        }
        Map<String, Long> updates = updatesPer(db, "UserAccount");
        var users = db.select("SELECT username, state, version FROM user_account");
        for (var user : users) {
            String username = (String) user.get("username");
            String previous = null;
            for (var row : chains.getOrDefault(username, List.of())) {
                if (!Objects.equals(row.get("start_state"), previous)) {
                    problems.add("state chain of " + username + " broken at row " + row.get("id") + ": " + row.get("event")
                            + " starts at " + row.get("start_state") + ", the row before ended at " + previous);
                }
                previous = (String) row.get("end_state");
            }
            if (!Objects.equals(previous, user.get("state"))) {
                problems.add(username + " is " + user.get("state") + " but its rows end at " + previous);
            }
            long version = ((Number) user.get("version")).longValue();
            if (version != 1 + updates.getOrDefault(username, 0L)) {
                problems.add(username + " is at version " + version + " after " + updates.getOrDefault(username, 0L)
                        + " audited updates");
            }
        }
        return users.size();
    }

    private static int groups(AuditDatabase db, List<String> problems) {
        Map<String, Set<String>> replayed = new HashMap<>();
        for (var row : db.select("SELECT entity_id, changes::text AS changes FROM entity_audit"
                + " WHERE entity_type = 'Group' AND action = 'UPDATE' ORDER BY id")) {
            JsonObject changes = parse((String) row.get("changes"));
            if (changes.containsKey("members")) {
                Set<String> members = replayed.computeIfAbsent((String) row.get("entity_id"), name -> new TreeSet<>());
                JsonObject change = changes.getJsonObject("members");
                change.getJsonArray("added").getValuesAs(JsonString.class).forEach(m -> members.add(m.getString()));
                change.getJsonArray("removed").getValuesAs(JsonString.class).forEach(m -> members.remove(m.getString()));
            }
        }
        Map<String, Set<String>> actual = new HashMap<>();
        for (var row : db.select("SELECT g.name, u.username FROM group_membership m JOIN user_group g ON g.id = m.group_id"
                + " JOIN user_account u ON u.id = m.user_id")) {
            actual.computeIfAbsent((String) row.get("name"), name -> new TreeSet<>()).add((String) row.get("username"));
        }
        Map<String, Long> updates = updatesPer(db, "Group");
        var groups = db.select("SELECT name, version FROM user_group");
        for (var group : groups) {
            String name = (String) group.get("name");
            Set<String> expected = replayed.getOrDefault(name, Set.of());
            Set<String> members = actual.getOrDefault(name, Set.of());
            if (!expected.equals(members)) {
                problems.add("group " + name + " has members " + members + ", its rows say " + expected);
            }
            long version = ((Number) group.get("version")).longValue();
            if (version != 1 + updates.getOrDefault(name, 0L)) {
                problems.add("group " + name + " is at version " + version + " after " + updates.getOrDefault(name, 0L)
                        + " audited updates");
            }
        }
        return groups.size();
    }

    /**
     * The updates that moved each entity's version. A membership is owned by the group: joining
     * or leaving moves the group's version, and is audited on the user too ({@code groups}),
     * but leaves the user's version where it was; so a row that changed nothing but
     * {@code groups} does not count.
     */
    private static Map<String, Long> updatesPer(AuditDatabase db, String type) {
        Map<String, Long> updates = new HashMap<>();
        for (var row : db.select("SELECT entity_id, COUNT(*) AS n FROM entity_audit WHERE entity_type = ?"
                + " AND action = 'UPDATE' AND changes - 'groups' <> '{}'::jsonb GROUP BY entity_id", type)) {
            updates.put((String) row.get("entity_id"), ((Number) row.get("n")).longValue());
        }
        return updates;
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}

package org.signalaudit.audit.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.signalaudit.account.Role;
import org.signalaudit.audit.EntityAsOf;
import org.signalaudit.audit.EntityHistory;
import org.signalaudit.audit.StateChangeView;
import org.signalaudit.audit.UserAsOf;
import org.signalaudit.audit.reader.EntityChangeReader;
import org.signalaudit.audit.reader.EntityReplay;
import org.signalaudit.audit.reader.StateChangeReader;

/**
 * Records as of a moment, rebuilt from their audit rows. The rows of one entity are read through
 * the index on (type, key, id), oldest first, and replayed from the latest kept replay state they
 * include (audit.reader.ReplayStates, checked against the rows before use), so that an answer
 * replays at most a few hundred rows however long the history.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class EntityHistories implements EntityHistory {

    /**
     * How long after its state row the other rows of one change may be stamped: each row takes its
     * own clock reading in the transaction, microseconds apart, and a user as of the moment of a
     * state change must show what that change wrote.
     */
    static final Duration SAME_CHANGE = Duration.ofSeconds(1);

    /** The audit type of a user in {@code entity_audit}. */
    static final String USER_TYPE = "UserAccount";

    @Inject
    EntityChangeReader entities;

    @Inject
    StateChangeReader states;

    @Override
    public Optional<EntityAsOf> entityAsOf(String entityType, String entityId, Instant asOf) {
        EntityReplay replay = entities.replay(EntityChangeReader.Replayed.asOf(entityType, entityId, asOf));
        return replay.attributes().map(attributes -> new EntityAsOf(entityType, entityId, asOf, attributes,
                entities.byId(replay.position().orElseThrow().lastId()).orElseThrow()));
    }

    @Override
    public Optional<UserAsOf> userAsOf(String username, Instant asOf) {
        Optional<StateChangeView> lastState = states.newest(StateChangeReader.ofUser(username, asOf));
        if (lastState.isEmpty()) {
            return Optional.empty();
        }
        StateChangeView last = lastState.get();
        EntityReplay replay = entities.replay(new EntityChangeReader.Replayed(USER_TYPE, username,
                asOf, last.requestId(), last.occurredAt().plus(SAME_CHANGE)));
        Optional<JsonObject> attributes = replay.attributes();
        return Optional.of(new UserAsOf(username,
                attributes.map(user -> text(user, "email")).orElse(null),
                attributes.map(user -> text(user, "role")).orElse(null),
                last.endState(),
                attributes.map(EntityHistories::groups).orElse(null),
                asOf, last.id(), replay.position().map(EntityReplay.Position::lastId).orElse(null)));
    }

    private static String text(JsonObject attributes, String name) {
        return attributes.get(name) instanceof JsonString value ? value.getString() : null;
    }

    private static List<String> groups(JsonObject attributes) {
        JsonValue groups = attributes.get("groups");
        return groups instanceof JsonArray array ? array.getValuesAs(JsonString::getString) : List.of();
    }
}

package org.signalaudit.testing;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.signalaudit.testing.Sent.Failure;
import org.signalaudit.testing.Sent.Kind;

/**
 * One client thread of the {@link LoadMix}: picks the next step at random, sends it, records it.
 * It owns its groups, so it knows their members; after a group request whose outcome it cannot
 * know (no answer, or an answer it did not expect) it reads the group again before changing it.
 */
final class LoadClient implements Runnable {

    /** Who sends: the user name (the initiator the rows must name) and their client. */
    record Actor(String name, Api api) {
    }

    private static final List<String> EVENTS = List.of("ACTIVATE", "LOCK", "UNLOCK", "DEACTIVATE", "REACTIVATE");
    private static final List<String> STATES = List.of("INVITED", "ACTIVE", "LOCKED", "DEACTIVATED");
    /** The state machine of DESIGN.md: the events each state allows, and where each event leads. */
    private static final Map<String, List<String>> LEGAL = Map.of(
            "INVITED", List.of("ACTIVATE", "DEACTIVATE"),
            "ACTIVE", List.of("LOCK", "DEACTIVATE"),
            "LOCKED", List.of("UNLOCK", "DEACTIVATE"),
            "DEACTIVATED", List.of("REACTIVATE"));
    private static final Map<String, String> TARGET = Map.of("ACTIVATE", "ACTIVE", "LOCK", "LOCKED",
            "UNLOCK", "ACTIVE", "DEACTIVATE", "DEACTIVATED", "REACTIVATE", "ACTIVE");
    private static final Duration BACK_OFF = Duration.ofMillis(250);
    private static final int MAX_GROUPS = 3;

    private final int index;
    private final String idPrefix;
    private final Actor admin;
    private final Actor superadmin;
    private final Actor user;
    private final List<String> population;
    private final LoadLog log;
    private final Random random;
    private final List<OwnGroup> groups = new ArrayList<>();
    private long sequence;
    private int groupsCreated;
    private volatile boolean stopped;
    private boolean paused;

    /** A group of this client: its members as far as the client knows them. */
    private static final class OwnGroup {
        final String name;
        final Set<String> members = new HashSet<>();
        boolean known;

        OwnGroup(String name, boolean known) {
            this.name = name;
            this.known = known;
        }
    }

    LoadClient(int index, String idPrefix, Actor admin, Actor superadmin, Actor user, List<String> population,
               LoadLog log) {
        this.index = index;
        this.idPrefix = idPrefix;
        this.admin = admin;
        this.superadmin = superadmin;
        this.user = user;
        this.population = population;
        this.log = log;
        this.random = new Random(index * 7919L + System.nanoTime());
    }

    @Override
    public void run() {
        while (!stopped) {
            awaitResumed();
            if (stopped) {
                return;
            }
            int dice = random.nextInt(100);
            if (dice < 40) {
                transition();
            } else if (dice < 50) {
                override();
            } else if (dice < 80) {
                groupStep();
            } else if (dice < 92) {
                badRequest(dice);
            } else {
                list();
            }
        }
    }

    void stop() {
        stopped = true;
        resume();
    }

    synchronized void pause() {
        paused = true;
    }

    synchronized void resume() {
        paused = false;
        notifyAll();
    }

    private synchronized void awaitResumed() {
        while (paused && !stopped) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** GET the user for its state and version, then POST an event: mostly legal, mostly with If-Match. */
    private void transition() {
        String username = someone();
        Seen seen = read(admin, username);
        if (seen == null) {
            return;
        }
        List<String> legal = LEGAL.get(seen.state());
        String event = random.nextInt(4) > 0 ? pick(legal) : pick(EVENTS.stream().filter(e -> !legal.contains(e)).toList());
        Api.Call call = admin.api().post("api/users/" + username + "/transitions")
                .json(Api.json("event", event, "reason", "load " + idPrefix));
        int versions = random.nextInt(20);
        if (versions < 15) {
            call.ifMatch("\"" + seen.version() + "\"");
        } else if (versions < 18) {
            call.ifMatch("\"" + (seen.version() - 1) + "\"");
        }
        send(Kind.TRANSITION, username, Effect.stateChange(admin.name(), username, event, TARGET.get(event)), call);
    }

    /** The superadmin moves a user to any state, the one it has included (200, nothing written). */
    private void override() {
        String username = someone();
        Seen seen = read(superadmin, username);
        if (seen == null) {
            return;
        }
        String target = pick(STATES);
        boolean stale = random.nextInt(10) == 0;
        Effect effect = target.equals(seen.state()) ? Effect.NONE
                : Effect.stateChange(superadmin.name(), username, "OVERRIDE", target);
        send(Kind.OVERRIDE, username, effect, superadmin.api().put("api/users/" + username + "/state")
                .ifMatch("\"" + (stale ? seen.version() - 1 : seen.version()) + "\"")
                .json(Api.json("state", target, "reason", "load override " + idPrefix)));
    }

    private void groupStep() {
        if (groups.isEmpty() || (groups.size() < MAX_GROUPS && random.nextInt(10) == 0)) {
            createGroup();
            return;
        }
        OwnGroup group = groups.get(random.nextInt(groups.size()));
        if (!group.known && !refresh(group)) {
            return;
        }
        int dice = random.nextInt(10);
        if (dice < 2) {
            describe(group);
        } else if (dice < 6 || group.members.isEmpty()) {
            join(group);
        } else {
            leave(group);
        }
    }

    private void createGroup() {
        String name = idPrefix + "g" + groupsCreated++;
        Answer created = send(Kind.GROUP_CREATE, name, Effect.groupCreated(admin.name(), name),
                admin.api().post("api/groups").json(Api.json("name", name, "description", "created by " + name)));
        if (created.succeeded()) {
            groups.add(new OwnGroup(name, true));
        } else if (created.sent.inDoubt() || (created.sent.answered() && created.sent.status() != 503)) {
            groups.add(new OwnGroup(name, false)); // it may exist: the next step reads it
        }
    }

    /** Reads the group's members again; a group that was never created is forgotten. */
    private boolean refresh(OwnGroup group) {
        Answer read = send(Kind.GROUP_READ, group.name, Effect.NONE, admin.api().get("api/groups/" + group.name));
        if (read.sent.answered() && read.sent.status() == 404) {
            groups.remove(group);
            return false;
        }
        if (!read.succeeded()) {
            return false;
        }
        group.members.clear();
        read.response.json().getJsonArray("members").getValuesAs(JsonString.class)
                .forEach(member -> group.members.add(member.getString()));
        group.known = true;
        return true;
    }

    private void describe(OwnGroup group) {
        send(Kind.GROUP_DESCRIBE, group.name, Effect.groupDescribed(admin.name(), group.name),
                admin.api().patch("api/groups/" + group.name)
                        .json(Api.json("description", "described by " + idPrefix + sequence)));
    }

    /** Adds a member; now and then one it already has, which must write nothing. */
    private void join(OwnGroup group) {
        boolean again = !group.members.isEmpty() && random.nextInt(10) == 0;
        String username = again ? pick(List.copyOf(group.members)) : someone();
        Effect effect = group.members.contains(username) ? Effect.NONE : Effect.joined(admin.name(), group.name, username);
        Answer joined = send(Kind.MEMBER_ADD, username, effect,
                admin.api().put("api/groups/" + group.name + "/members/" + username));
        settle(group, joined, () -> group.members.add(username));
    }

    private void leave(OwnGroup group) {
        String username = pick(List.copyOf(group.members));
        Answer left = send(Kind.MEMBER_REMOVE, username, Effect.left(admin.name(), group.name, username),
                admin.api().delete("api/groups/" + group.name + "/members/" + username));
        settle(group, left, () -> group.members.remove(username));
    }

    /** After a membership request: apply it on success, keep the members on a refusal, else read them again. */
    private static void settle(OwnGroup group, Answer answer, Runnable apply) {
        if (answer.succeeded()) {
            apply.run();
        } else if (!answer.sent.answered() || answer.sent.status() / 100 == 5) {
            group.known = false;
        }
    }

    private void badRequest(int dice) {
        String username = someone();
        switch (dice % 4) {
            case 0 -> send(Kind.BAD_JSON, username, Effect.NONE, admin.api().post("api/users/" + username + "/transitions")
                    .body("{\"event\": \"LOCK\", "));
            case 1 -> send(Kind.UNKNOWN_USER, username + "-nobody", Effect.NONE,
                    admin.api().post("api/users/" + username + "-nobody/transitions").json(Api.json("event", "LOCK")));
            case 2 -> send(Kind.INVALID_EVENT, username, Effect.NONE,
                    admin.api().post("api/users/" + username + "/transitions").json(Api.json("event", "EXPLODE")));
            default -> send(Kind.FORBIDDEN, username, Effect.NONE, user.api().post("api/users/" + username + "/transitions")
                    .json(Api.json("event", "LOCK", "reason", "not mine to decide")));
        }
    }

    private void list() {
        send(Kind.LIST, "users", Effect.NONE, admin.api().get(random.nextBoolean() ? "api/users?limit=10" : "api/groups?limit=10"));
    }

    /** What came back: the record kept in the log, and the response if there was one. */
    /** A user's state and version as one actor read them. */
    private record Seen(String state, long version) {
    }

    /** GETs the user as the actor (logged like every request); null if the read failed. */
    private Seen read(Actor actor, String username) {
        Answer read = send(Kind.READ_USER, username, Effect.NONE, actor.api().get("api/users/" + username));
        if (!read.succeeded()) {
            return null;
        }
        JsonObject user = read.response.json();
        return new Seen(user.getString("state"), user.getJsonNumber("version").longValue());
    }

    private record Answer(Sent sent, Api.Response response) {

        boolean succeeded() {
            return sent.succeeded();
        }
    }

    private Answer send(Kind kind, String target, Effect ifCommitted, Api.Call call) {
        String requestId = idPrefix + sequence++;
        call.requestId(requestId);
        long started = System.nanoTime();
        Api.Response response = null;
        Failure failure = Failure.NONE;
        try {
            response = call.send();
        } catch (UncheckedIOException e) {
            failure = e.getCause() instanceof ConnectException ? Failure.REFUSED : Failure.NO_ANSWER;
        }
        long ended = System.nanoTime();
        Sent sent = response == null
                ? new Sent(requestId, kind, target, started, ended, 0, failure, null, null, null, ifCommitted)
                : new Sent(requestId, kind, target, started, ended, response.status(), failure, response.contentType(),
                response.header("Retry-After").orElse(null), response.header(Api.REQUEST_ID).orElse(null), ifCommitted);
        log.add(sent);
        if (failure != Failure.NONE || sent.status() == 503) {
            LoadMix.sleep(BACK_OFF); // the server or its database is away: do not spin
        }
        return new Answer(sent, response);
    }

    private String someone() {
        return pick(population);
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    @Override
    public String toString() {
        return "load client " + index;
    }
}

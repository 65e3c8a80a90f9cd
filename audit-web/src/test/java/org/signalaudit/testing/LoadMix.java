package org.signalaudit.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * The reliability tests' load: {@value #CLIENTS} client threads, each sending as fast as the
 * server answers a mix of what the API is for and what it must refuse: legal and illegal
 * transitions with current, stale and no {@code If-Match} versions, superadmin overrides with
 * reasons, groups created, described, joined and left, and bad requests (malformed JSON, an
 * unknown user, an unknown event, a USER trying an ADMIN's transition). The users are shared by
 * all clients, so they conflict (409, 412) as real administrators would; each client owns its
 * groups, so it knows their members and thereby the rows each membership change must write.
 *
 * <p>Every request carries its own {@code X-Request-Id} and is kept in the {@link LoadLog} with
 * its answer or the lack of one; {@link LoadInvariants} then holds the database to it.
 */
public final class LoadMix {

    public static final int CLIENTS = 32;
    /** How long a client waits for an answer before it counts the request as unanswered. */
    public static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    static final int POPULATION = 24;

    private final String tag;
    /** The load's three actors through each server the clients spread over (one, unless clustered). */
    private final List<Actors> servers;
    private final List<String> population;
    private final Watermarks watermarks;

    /** The audit rows written before the load began (setup, bootstrap): ids up to these are not the load's. */
    public record Watermarks(long stateAudit, long entityAudit) {
    }

    /** The ADMIN, the SUPERADMIN and the USER of the load, through one server. */
    private record Actors(LoadClient.Actor admin, LoadClient.Actor superadmin, LoadClient.Actor user) {
    }

    private LoadMix(String tag, List<Actors> servers, List<String> population, Watermarks watermarks) {
        this.tag = tag;
        this.servers = servers;
        this.population = population;
        this.watermarks = watermarks;
    }

    /**
     * Enrols the load's actors (an ADMIN, a USER) and {@value #POPULATION} INVITED users through
     * the API, then notes how far the audit tables go.
     */
    public static LoadMix prepare(Api api, AuditDatabase db) {
        return prepare(List.of(api), db);
    }

    /**
     * As {@link #prepare(Api, AuditDatabase)}, for clients spread round-robin over several
     * servers of one database (a cluster): client {@code i} sends through {@code apis.get(i % n)}.
     */
    public static LoadMix prepare(List<Api> apis, AuditDatabase db) {
        Api api = apis.get(0);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var accounts = new Accounts(api);
        Accounts.Active admin = accounts.active("ADMIN");
        Accounts.Active user = accounts.active("USER");
        var population = new ArrayList<String>();
        for (int i = 0; i < POPULATION; i++) {
            population.add(accounts.invite("rel-" + tag + "-u" + i, "USER").username());
        }
        var watermarks = new Watermarks(db.queryForLong("SELECT COALESCE(MAX(id), 0) FROM user_state_audit"),
                db.queryForLong("SELECT COALESCE(MAX(id), 0) FROM entity_audit"));
        var servers = new ArrayList<Actors>();
        for (Api server : apis) {
            Api timed = server.timeout(CLIENT_TIMEOUT);
            servers.add(new Actors(new LoadClient.Actor(admin.username(), admin.client(timed)),
                    new LoadClient.Actor(Api.SUPERADMIN, timed.asSuperadmin()),
                    new LoadClient.Actor(user.username(), user.client(timed))));
        }
        var mix = new LoadMix(tag, List.copyOf(servers), List.copyOf(population), watermarks);
        mix.warmUp();
        return mix;
    }

    /**
     * One request per actor, so that the server's cache of verified passwords holds all three
     * before the clients start: otherwise the 32 clients' first requests all pay the full
     * PBKDF2 price at once, and the first seconds of a run measure nothing but hashing. Call it
     * again after a server restart (the cache is in the process).
     */
    public void warmUp() {
        servers.forEach(this::warmUp);
    }

    /** {@link #warmUp()} through server {@code index} alone (the one restarted). */
    public void warmUp(int index) {
        warmUp(servers.get(index));
    }

    private void warmUp(Actors actors) {
        for (LoadClient.Actor actor : List.of(actors.admin(), actors.superadmin(), actors.user())) {
            Api.Response answer = actor.api().get("api/users/" + actor.name()).send();
            if (answer.status() != 200) {
                throw new IllegalStateException(actor.name() + " cannot read their own account: " + answer);
            }
        }
    }

    public Watermarks watermarks() {
        return watermarks;
    }

    /** The prefix of every request id of this load. */
    public String requestIdPrefix() {
        return "rel-" + tag + "-";
    }

    /** Whether {@code request} went through server {@code index} (its client's number, round-robin). */
    public boolean sentThrough(Sent request, int index) {
        String rest = request.requestId().substring(requestIdPrefix().length());
        return Integer.parseInt(rest.substring(0, rest.indexOf('-'))) % servers.size() == index;
    }

    /** Starts the clients; the load runs until {@link Running#stop()}. */
    public Running start() {
        return new Running();
    }

    /** A load under way. */
    public final class Running {

        private final LoadLog log = new LoadLog();
        private final List<LoadClient> clients = new ArrayList<>();
        private final List<Thread> threads = new ArrayList<>();
        private final long startedNanos = System.nanoTime();

        private Running() {
            var go = new CountDownLatch(1);
            for (int i = 0; i < CLIENTS; i++) {
                Actors actors = servers.get(i % servers.size());
                var client = new LoadClient(i, requestIdPrefix() + i + "-", actors.admin(), actors.superadmin(),
                        actors.user(), population, log);
                clients.add(client);
                Thread thread = new Thread(() -> {
                    await(go);
                    client.run();
                }, "load-" + i);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
            go.countDown();
        }

        public long startedNanos() {
            return startedNanos;
        }

        /** The requests so far (the log grows while the load runs). */
        public LoadLog log() {
            return log;
        }

        /** The clients finish the request they are sending and wait, until {@link #resume()}. */
        public void pause() {
            clients.forEach(LoadClient::pause);
        }

        public void resume() {
            clients.forEach(LoadClient::resume);
        }

        /** The clients of server {@code index} (round-robin) finish their request and wait, until {@link #resume(int)}. */
        public void pause(int index) {
            clientsOf(index).forEach(LoadClient::pause);
        }

        public void resume(int index) {
            clientsOf(index).forEach(LoadClient::resume);
        }

        private List<LoadClient> clientsOf(int index) {
            var of = new ArrayList<LoadClient>();
            for (int i = index; i < clients.size(); i += servers.size()) {
                of.add(clients.get(i));
            }
            return of;
        }

        /** Stops the clients (each finishes the request it is sending) and returns the complete log. */
        public LoadLog stop() {
            clients.forEach(LoadClient::stop);
            for (Thread thread : threads) {
                try {
                    thread.join(CLIENT_TIMEOUT.plusSeconds(30).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (thread.isAlive()) {
                    throw new IllegalStateException(thread.getName() + " did not stop");
                }
            }
            return log;
        }
    }

    /** Keeps the load running for {@code duration}, then stops it. */
    public LoadLog runFor(Duration duration) {
        Running running = start();
        sleep(duration);
        return running.stop();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.signalaudit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.signalaudit.testing.Accounts;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.AuditDatabase;
import org.signalaudit.testing.LoadInvariants;
import org.signalaudit.testing.LoadLog;
import org.signalaudit.testing.LoadMix;
import org.signalaudit.testing.MicroCluster;
import org.signalaudit.testing.MicroProcess;
import org.signalaudit.testing.ReliabilityRun;
import org.signalaudit.testing.ScratchDatabase;
import org.signalaudit.testing.Sent;
import org.signalaudit.testing.Verdict;

/**
 * Three instances clustered on 127.0.0.1 over one database; the load's 32 clients spread
 * round-robin over them. In the middle of the load the instance that signed the latest checkpoint
 * is killed (SIGKILL): its clients pause, the others' go on, and the survivors go on sealing while
 * it is away (the sealer's advisory lock is free the moment its connection dies); then it is
 * started again (the clients all paused meanwhile) and every client resumes.
 * Afterwards the invariants of every reliability test hold ({@link LoadInvariants}: exactly its
 * rows for every 2xx, none for a failure, every row sealed once, verify intact, replay clean), and
 * what only a cluster can get wrong: five wrong passwords spread over the three instances lock a
 * user, and a user locked through one instance is refused by the others on their next request,
 * although each of them had just remembered the user's verified password.
 */
class ClusterIT {

    private static final int INSTANCES = 3;
    private static final Duration BEFORE = Duration.ofSeconds(10);
    /** The load on the two survivors alone, after the kill. */
    private static final Duration WITHOUT_IT = Duration.ofSeconds(5);
    private static final Duration AFTER = Duration.ofSeconds(10);
    /** As in CrashIT: the killed instance's answers under way may lack their trail row (the survivors' may not). */
    private static final Duration TRAIL_AT_RISK = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int MAX_FAILURES = 5;

    @RegisterExtension
    final ReliabilityRun run = new ReliabilityRun();

    @Test
    void threeInstancesOnOneDatabaseKeepEveryInvariantWhileOneIsKilledAndRestarted() {
        ScratchDatabase database = run.database(ClusterDatabases.named("cluster"));
        MicroCluster cluster = run.instances(database, INSTANCES, List.of(
                "-Daudit.lockout.max-failures=" + MAX_FAILURES));
        AuditDatabase db = AuditDatabase.at(database.url());
        assertThat(cluster.members()).allSatisfy(member -> assertThat(clusterCheck(member).getString("members"))
                .as("members seen by %s", member).isEqualTo(Integer.toString(INSTANCES)));
        LoadMix mix = LoadMix.prepare(cluster.members().stream().map(MicroProcess::api).toList(), db);

        LoadMix.Running load = mix.start();
        sleep(BEFORE);
        int sealer = latestSealer(cluster);
        long lastCheckpointBefore = latestCheckpoint(db);
        long killed = System.nanoTime();
        cluster.kill(sealer);
        load.pause(sealer);
        long resumedSealing = awaitCheckpointAfter(db, lastCheckpointBefore);
        sleep(WITHOUT_IT);
        boolean sealedWhileAway = !cluster.member(sealer).alive();
        // The restart has the machine to itself, as after CrashIT's kill: on two cores shared
        // with the survivors under load, a deployment can take longer than MicroProcess waits.
        load.pause();
        MicroProcess again = cluster.restart(sealer);
        long restarted = System.nanoTime();
        mix.warmUp(sealer);
        load.resume();
        sleep(AFTER);
        LoadLog log = load.stop();

        Verdict verdict = new LoadInvariants(db, cluster.member((sealer + 1) % INSTANCES).api().asSuperadmin(), mix)
                .trailMayMissBetween(killed - TRAIL_AT_RISK.toNanos(), restarted, sent -> mix.sentThrough(sent, sealer))
                .check(log);
        run.report(verdict.summary("ClusterIT", log, BEFORE.plus(WITHOUT_IT).plus(AFTER), List.of(
                INSTANCES + " instances (" + cluster.name() + "), clients round-robin; member " + sealer
                        + " (the latest sealer) killed after " + BEFORE.toSeconds() + " s, pid " + again.pid()
                        + " ready " + Duration.ofNanos(restarted - killed).toMillis() + " ms later",
                "the next checkpoint was signed by a surviving instance " + Duration.ofNanos(resumedSealing - killed)
                        .toMillis() + " ms after the kill (seal interval 500 ms; the issue asks for at most two)")));
        // The hand-over's time is reported, not asserted: it is the wait for a survivor's next round
        // (up to one interval) plus one seal, and a seal under this load on two shared cores took
        // 148 ms at the median and up to 1.5 s (docs/PERFORMANCE.md, "Cluster"): a bound would fail
        // on a busy machine.
        assertThat(sealedWhileAway).as("a checkpoint signed while the sealing instance was dead").isTrue();
        assertThat(log.matching(Sent::succeeded)).as("committed requests").hasSizeGreaterThan(100);
        assertThat(log.matching(sent -> sent.succeeded() && sent.startedNanos() > killed
                && sent.startedNanos() < restarted)).as("changes committed while one instance was dead").isNotEmpty();
        verdict.assertHolds();
        assertThat(cluster.members()).allSatisfy(member -> assertThat(clusterCheck(member).getString("members"))
                .as("members seen by %s after the restart", member).isEqualTo(Integer.toString(INSTANCES)));

        wrongPasswordsSpreadOverTheInstancesLockTheUser(cluster);
        aUserLockedThroughOneInstanceIsRefusedByTheOthersAtOnce(cluster);
    }

    private static void wrongPasswordsSpreadOverTheInstancesLockTheUser(MicroCluster cluster) {
        Accounts.Active victim = new Accounts(cluster.member(0).api()).active("USER");
        for (int attempt = 0; attempt < MAX_FAILURES; attempt++) {
            Api through = cluster.member(attempt % INSTANCES).api();
            assertThat(through.as(victim.username(), "wrong-password-" + attempt).get("api/users/" + victim.username())
                    .send().status()).as("wrong password %d through member %d", attempt, attempt % INSTANCES)
                    .isEqualTo(401);
        }
        String state = cluster.member(0).api().asSuperadmin().get("api/users/" + victim.username()).send().json()
                .getString("state");
        assertThat(state).as("after %d wrong passwords over %d instances", MAX_FAILURES, INSTANCES).isEqualTo("LOCKED");
        for (MicroProcess member : cluster.members()) {
            assertThat(victim.client(member.api()).get("api/users/" + victim.username()).send().status())
                    .as("the right password of the locked user through %s", member).isEqualTo(401);
        }
    }

    private static void aUserLockedThroughOneInstanceIsRefusedByTheOthersAtOnce(MicroCluster cluster) {
        Accounts.Active user = new Accounts(cluster.member(0).api()).active("USER");
        for (MicroProcess member : cluster.members()) {
            assertThat(user.client(member.api()).get("api/users/" + user.username()).send().status())
                    .as("signed in through %s (its verification now remembered)", member).isEqualTo(200);
        }
        Api.Response locked = cluster.member(0).api().asSuperadmin().post("api/users/" + user.username() + "/transitions")
                .json(Api.json("event", "LOCK", "reason", "locked through member 0")).send();
        assertThat(locked.status()).as("LOCK through member 0: %s", locked).isEqualTo(200);
        for (int other = 1; other < INSTANCES; other++) {
            assertThat(user.client(cluster.member(other).api()).get("api/users/" + user.username()).send().status())
                    .as("the next request of the locked user through member %d", other).isEqualTo(401);
        }
    }

    /** This member's readiness check "cluster". */
    private static JsonObject clusterCheck(MicroProcess member) {
        JsonObject health = Api.at(url(member.base().resolve("/health/"))).get("ready").send().json();
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("cluster")).findFirst()
                .orElseThrow(() -> new AssertionError("no readiness check cluster in " + health)).getJsonObject("data");
    }

    /**
     * The member that signed the latest checkpoint: the one whose {@code audit_checkpoints} counter
     * grows next (they all try at each interval; whoever gets the advisory lock signs).
     */
    private static int latestSealer(MicroCluster cluster) {
        double[] before = new double[INSTANCES];
        for (int i = 0; i < INSTANCES; i++) {
            before[i] = cluster.member(i).metric("audit_checkpoints_total");
        }
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            for (int i = 0; i < INSTANCES; i++) {
                if (cluster.member(i).metric("audit_checkpoints_total") > before[i]) {
                    return i;
                }
            }
            sleep(Duration.ofMillis(50));
        }
        throw new AssertionError("no instance signed a checkpoint within " + PATIENCE);
    }

    private static long latestCheckpoint(AuditDatabase db) {
        return db.queryForLong("SELECT COALESCE(MAX(tree_size), 0) FROM audit_checkpoint");
    }

    /** When a checkpoint beyond {@code treeSize} appeared (the load keeps adding rows to seal). */
    private static long awaitCheckpointAfter(AuditDatabase db, long treeSize) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (latestCheckpoint(db) > treeSize) {
                return System.nanoTime();
            }
            sleep(Duration.ofMillis(20));
        }
        throw new AssertionError("no checkpoint after tree size " + treeSize + " within " + PATIENCE);
    }

    private static java.net.URL url(java.net.URI uri) {
        try {
            return uri.toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

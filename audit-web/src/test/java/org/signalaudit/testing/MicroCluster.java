package org.signalaudit.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Instances of this build's Payara Micro clustered as the README's "Running several instances"
 * says: one data grid (Hazelcast) over a TCP/IP member list on 127.0.0.1, a cluster name of
 * their own (no other test's or person's instance joins it, and multicast is not used), and
 * {@code --nohostaware}: on one host, host-aware partitioning would keep no backup at all, and a
 * killed member would take its share of the sessions and cached verifications with it. The first
 * member starts alone until it has migrated the schema and committed the superadmin, then the
 * others start together while it finishes its deployment. {@link #close()} kills them all: the
 * tests are over by then, and an orderly stop of a grid member is a hand-over of its partitions.
 * {@link #kill} and {@link #restart} keep a member's HTTP and grid ports, so clients and the other
 * members find it where it was.
 */
public final class MicroCluster implements AutoCloseable {

    private static final String DB_URL = "-Daudit.db.url=";
    private static final Duration BOOTSTRAP_WITHIN = Duration.ofMinutes(5);

    private final List<String> properties;
    private final Path directory;
    private final String name = "signal-audit-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Integer> gridPorts = new ArrayList<>();
    private final List<MicroProcess> members = new ArrayList<>();
    private final List<MicroProcess> all = new ArrayList<>();
    private int starts;

    private MicroCluster(List<String> properties, Path directory, int size) {
        this.properties = List.copyOf(properties);
        this.directory = directory;
        for (int i = 0; i < size; i++) {
            gridPorts.add(FreePorts.next());
        }
    }

    /** {@code size} members with these system properties ({@code -D...}), their logs in {@code directory}; returns once all answer. */
    public static MicroCluster start(List<String> properties, Path directory, int size) {
        var cluster = new MicroCluster(properties, directory, size);
        long started = System.nanoTime();
        try {
            MicroProcess first = cluster.launch(0, 0);
            cluster.members.add(first);
            cluster.awaitBootstrap(first);
            System.out.println("Member 0 of " + cluster.name + " bootstrapped the database after "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            for (int i = 1; i < size; i++) {
                cluster.members.add(cluster.launch(i, 0));
            }
            cluster.members.forEach(MicroProcess::awaitReady);
            System.out.println("All " + size + " members of " + cluster.name + " ready after "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * Returns once the first member has migrated the empty database and committed the superadmin:
     * what the others must not race it for (README: the first instance starts alone). They need
     * not wait for the rest of its deployment, which on two cores is as long again.
     */
    private void awaitBootstrap(MicroProcess first) {
        var db = AuditDatabase.at(properties.stream().filter(p -> p.startsWith(DB_URL))
                .map(p -> p.substring(DB_URL.length())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No " + DB_URL + " in " + properties)));
        long deadline = System.nanoTime() + BOOTSTRAP_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!first.alive()) {
                throw new IllegalStateException("Member 0 exited before it bootstrapped the database; see " + first.log());
            }
            try {
                if (db.queryForLong("SELECT COUNT(*) FROM user_account WHERE role = 'SUPERADMIN'") > 0) {
                    return;
                }
            } catch (IllegalStateException notMigratedYet) {
                // no table yet
            }
            LoadMix.sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("Member 0 did not bootstrap the database within " + BOOTSTRAP_WITHIN
                + "; see " + first.log());
    }

    public MicroProcess member(int index) {
        return members.get(index);
    }

    public List<MicroProcess> members() {
        return List.copyOf(members);
    }

    public int size() {
        return members.size();
    }

    /** The cluster name its members share. */
    public String name() {
        return name;
    }

    /** SIGKILL of one member. */
    public void kill(int index) {
        members.get(index).kill();
    }

    /** Starts a (killed) member again on its HTTP and grid ports; returns once it answers. */
    public MicroProcess restart(int index) {
        MicroProcess again = launch(index, members.get(index).port());
        members.set(index, again);
        return again.awaitReady();
    }

    /** The options of Payara Micro that make member {@code index} one of this cluster (README, "Running several instances"). */
    List<String> options(int index) {
        String memberList = gridPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
        return List.of("--name", "member-" + index, "--clustername", name, "--clustermode", "tcpip:" + memberList,
                "--startport", Integer.toString(gridPorts.get(index)), "--interfaces", "127.0.0.1", "--nohostaware");
    }

    private MicroProcess launch(int index, int httpPort) {
        var own = new ArrayList<>(properties);
        // Each instance its own outage spool (one instance per directory).
        own.add("-Daudit.spool.dir=" + directory.resolve("spool-" + index));
        MicroProcess member = MicroProcess.launch(own, options(index), httpPort,
                directory.resolve("member-" + index + "-" + ++starts + ".log"));
        all.add(member);
        System.out.println("Started " + member + " as member " + index + " of " + name);
        return member;
    }

    /** Every log this cluster's members wrote, killed and restarted ones included. */
    public List<Path> logs() {
        return all.stream().map(MicroProcess::log).toList();
    }

    @Override
    public void close() {
        long closing = System.nanoTime();
        RuntimeException first = null;
        for (MicroProcess member : all) {
            try {
                // The test is over: an orderly stop would only have each member hand its share of
                // the grid to the others, one after another, for nothing.
                member.kill();
                member.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        System.out.println("Closed " + name + " in " + (System.nanoTime() - closing) / 1_000_000 + " ms");
        if (first != null) {
            throw first;
        }
    }


    @Override
    public String toString() {
        return "cluster " + name + " of " + members;
    }
}

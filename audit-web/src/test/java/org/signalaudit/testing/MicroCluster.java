package org.signalaudit.testing;

import java.io.IOException;
import java.nio.file.Path;
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
 * member starts alone (it migrates the schema and creates the superadmin), the others together.
 * {@link #close()} kills them all: the tests are over by then, and an orderly stop of a grid member
 * is a hand-over of its partitions to the others.
 * {@link #kill} and {@link #restart} keep a member's HTTP and grid ports, so clients and the other
 * members find it where it was.
 */
public final class MicroCluster implements AutoCloseable {

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
        try {
            cluster.members.add(cluster.launch(0, 0).awaitReady());
            for (int i = 1; i < size; i++) {
                cluster.members.add(cluster.launch(i, 0));
            }
            cluster.members.forEach(MicroProcess::awaitReady);
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
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
        RuntimeException first = null;
        for (MicroProcess member : all) {
            try {
                // The test is over: an orderly stop would only have each member hand its share of
                // the grid to the others, one after another, for nothing (about 7 s in ClusterIT).
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
        if (first != null) {
            throw first;
        }
    }


    @Override
    public String toString() {
        return "cluster " + name + " of " + members;
    }
}

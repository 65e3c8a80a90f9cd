package org.signalaudit.health;

import java.util.Set;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.signalaudit.cluster.DataGrid;

/**
 * Ready while this instance's member of Payara's data grid runs: it says which cluster it is in,
 * how many members it sees (itself included) and whether every partition has its backup
 * ({@code safe}: false for a moment after a member joined or died, while the grid migrates). A
 * lone instance is a cluster of one and ready; so is an instance whose Payara runs without a data
 * grid ({@code "dataGrid": "off"}): nothing the application decides lives in the grid, so a
 * member that lost the others still serves correctly, only without their sessions.
 */
@Readiness
@ApplicationScoped
public class ClusterMembership implements HealthCheck {

    static final String NAME = "cluster";

    @Inject
    DataGrid grid;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        var member = grid.member();
        if (member.isEmpty()) {
            return response.up().withData("dataGrid", "off").build();
        }
        try {
            HazelcastInstance hazelcast = member.get();
            if (!hazelcast.getLifecycleService().isRunning()) {
                return response.down().withData("dataGrid", "stopped").build();
            }
            Set<Member> members = hazelcast.getCluster().getMembers();
            return response.up().withData("cluster", hazelcast.getConfig().getClusterName())
                    .withData("members", members.size())
                    .withData("self", hazelcast.getCluster().getLocalMember().getAddress().toString())
                    .withData("safe", hazelcast.getPartitionService().isClusterSafe()).build();
        } catch (RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage()).lines().findFirst().orElse(""))
                    .build();
        }
    }
}

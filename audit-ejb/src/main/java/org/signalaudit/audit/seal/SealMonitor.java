package org.signalaudit.audit.seal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.signalaudit.proof.MerkleTree;

/**
 * What the sealed log reports to operators: the seal lag (metric and readiness), the checkpoints
 * (metric, and each one's note in the server log, a copy outside the database), and every failed
 * verification: logged SEVERE once, counted, and readiness DOWN until the process restarts (PCI DSS
 * 10.3.4 asks for change detection with alerts, not on demand).
 */
@ApplicationScoped
public class SealMonitor {

    private static final Logger LOG = Logger.getLogger(SealMonitor.class.getName());

    @Inject
    MetricRegistry metrics;

    @Inject
    Checkpoints checkpoints;

    private final AtomicLong lagMillis = new AtomicLong();
    private final AtomicReference<String> verificationProblem = new AtomicReference<>();
    private final AtomicReference<String> sealingProblem = new AtomicReference<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    /** The text of the last checkpoint this instance signed or verified (see {@link #checkConsistency}). */
    private final AtomicReference<String> knownGood = new AtomicReference<>();
    private Counter checkpointCount;
    private Counter sealedRows;
    private Counter sealingMicros;
    private Counter verificationFailures;

    @PostConstruct
    void register() {
        checkpointCount = metrics.counter(Metadata.builder().withName("audit_checkpoints")
                .withDescription("Signed checkpoints of the sealed audit log written by this instance").build());
        // The two below give the sealer's cost per row (docs/PERFORMANCE.md): what bounds the rate
        // of a cluster's one sealer, whatever the number of instances.
        sealedRows = metrics.counter(Metadata.builder().withName("audit_sealed_rows")
                .withDescription("Audit rows this instance sealed into the tree").build());
        sealingMicros = metrics.counter(Metadata.builder().withName("audit_sealing_microseconds")
                .withDescription("Time this instance spent in seals that sealed rows, from taking the lock to the "
                        + "commit, in microseconds").build());
        verificationFailures = metrics.counter(Metadata.builder().withName("audit_verification_failures")
                .withDescription("Failed verifications of the sealed audit log (tampering, or a checkpoint that does "
                        + "not verify)").build());
        metrics.gauge(Metadata.builder().withName("audit_seal_lag").withUnit(MetricUnits.SECONDS)
                .withDescription("Age of the oldest committed audit row not yet sealed").build(),
                this, monitor -> monitor.lagMillis.get() / 1000.0);
    }

    void lag(long millis) {
        lagMillis.set(millis);
    }

    public long lagMillis() {
        return lagMillis.get();
    }

    /** The first failed verification since start, null while everything verified. */
    public String verificationProblem() {
        return verificationProblem.get();
    }

    void sealed(TreeStore.StoredCheckpoint checkpoint, int rows, long nanos) {
        checkpointCount.inc();
        sealedRows.inc(rows);
        sealingMicros.inc(nanos / 1000);
        LOG.info(() -> "Sealed " + rows + " audit rows; checkpoint " + checkpoint.treeSize() + ":\n" + checkpoint.note());
    }

    /**
     * Checks a new checkpoint against the one before it, in the sealing transaction: the earlier
     * signature verifies, and the tree the stored nodes describe proves the new root consistent
     * with the earlier one. A failure stops the seal: signing over a changed tree would bless it.
     *
     * <p>The earlier checkpoint is usually the one this instance signed in its previous seal: when
     * its stored text is the very text signed then (or verified before), it carries that valid
     * signature and is not verified again. Ed25519 in the JDK is slow enough that a verify per seal,
     * twice a second, was a visible share of the sealing instance's CPU under load (docs/
     * PERFORMANCE.md, run 15); a stored checkpoint that differs by a byte is verified as before.
     */
    void checkConsistency(Connection connection, Optional<TreeStore.StoredCheckpoint> previous,
                          TreeStore.StoredCheckpoint next) throws SQLException {
        if (previous.isEmpty() || previous.get().treeSize() == 0) {
            return;
        }
        TreeStore.StoredCheckpoint before = previous.get();
        if (!before.note().equals(knownGood.get())) {
            try {
                checkpoints.verified(before);
            } catch (RuntimeException e) {
                throw new TamperingException("Checkpoint " + before.treeSize() + " no longer verifies: "
                        + e.getMessage());
            }
        }
        if (before.treeSize() == next.treeSize()) {
            knownGood.set(next.note());
            return;
        }
        List<byte[]> proof = MerkleTree.consistencyProof(before.treeSize(), next.treeSize(),
                TreeStore.nodes(connection, MerkleTree.consistencyNodes(before.treeSize(), next.treeSize())));
        if (!MerkleTree.verifyConsistency(before.treeSize(), next.treeSize(), before.rootHash(), next.rootHash(), proof)) {
            throw new TamperingException("The tree is not consistent with checkpoint " + before.treeSize() + " (root "
                    + Base64.getEncoder().encodeToString(before.rootHash()) + "): its stored nodes were changed");
        }
        knownGood.set(next.note());
    }

    /** A verification failed: SEVERE once per problem, counted every time, readiness DOWN. */
    public void verificationFailed(String problem) {
        verificationFailures.inc();
        verificationProblem.compareAndSet(null, problem);
        if (reported.add(problem)) {
            LOG.severe(() -> "AUDIT LOG VERIFICATION FAILED: " + problem + ". Run GET /api/audit/verify for the "
                    + "rows concerned and compare the latest checkpoint with a copy held outside this database "
                    + "(server log, witness); docs/INTEGRITY.md says what to do.");
        }
    }

    /** Sealing failed (most often: the database is unreachable): one WARNING per spell, not one per attempt. */
    void sealingFailed(Exception e) {
        String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (sealingProblem.getAndSet(problem) == null) {
            LOG.warning(() -> "Sealing the audit log fails (" + problem + "); committed rows wait, nothing is lost; "
                    + "retrying every interval");
        }
    }

    void sealingWorks() {
        if (sealingProblem.getAndSet(null) != null) {
            LOG.info("Sealing the audit log works again");
        }
    }
}

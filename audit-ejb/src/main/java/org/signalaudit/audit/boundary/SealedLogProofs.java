package org.signalaudit.audit.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.signalaudit.account.Role;
import org.signalaudit.audit.CheckpointView;
import org.signalaudit.audit.ConsistencyProof;
import org.signalaudit.audit.InclusionProof;
import org.signalaudit.audit.NotSealedException;
import org.signalaudit.audit.ProofRefusedException;
import org.signalaudit.audit.SealKeyView;
import org.signalaudit.audit.SealStatus;
import org.signalaudit.audit.SealedLog;
import org.signalaudit.audit.entity.AuditTable;
import org.signalaudit.audit.retention.Tombstones;
import org.signalaudit.audit.seal.LogVerification;
import org.signalaudit.audit.seal.SealKey;
import org.signalaudit.audit.seal.SealMonitor;
import org.signalaudit.audit.seal.TreeStore;
import org.signalaudit.proof.MerkleTree;
import org.signalaudit.proof.SignedNote;
import org.signalaudit.store.SchemaMigration;

/**
 * Checkpoints and proofs for ADMIN and SUPERADMIN. A proof is computed against a signed tree size,
 * whose leaves and nodes never change once that checkpoint committed. Proofs are computed from the stored
 * perfect subtrees: O(log n) reads whatever the tree's size.
 */
@Stateless
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERADMIN_NAME})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SealedLogProofs implements SealedLog {

    private static final HexFormat HEX = HexFormat.of();

    @Inject
    SchemaMigration store;

    @Inject
    SealKey key;

    @Inject
    SealMonitor monitor;

    @Inject
    @ConfigProperty(name = "audit.seal.interval", defaultValue = "500")
    long sealIntervalMillis;

    @Override
    public CheckpointView checkpoint() {
        return read(connection -> view(TreeStore.latestCheckpoint(connection)
                .orElseThrow(() -> new NotSealedException("Nothing is sealed yet; the sealer runs every "
                        + sealIntervalMillis + " ms"))));
    }

    @Override
    public SealKeyView key() {
        var publicKey = key.pair().getPublic();
        return new SealKeyView(key.name(), key.keyIdHex(),
                Base64.getEncoder().encodeToString(SignedNote.rawPublicKey(publicKey)),
                Base64.getEncoder().encodeToString(publicKey.getEncoded()), key.verifierKey());
    }

    @Override
    public SealStatus status() {
        return read(connection -> {
            var latest = TreeStore.latestCheckpoint(connection);
            boolean valid = latest.map(checkpoint -> {
                try {
                    SignedNote.verify(checkpoint.note(), key.verifierKey());
                    return true;
                } catch (RuntimeException e) {
                    return false;
                }
            }).orElse(false);
            return new SealStatus(latest.map(this::view).orElse(null), valid, monitor.lagMillis(),
                    monitor.verificationProblem());
        });
    }

    @Override
    public InclusionProof inclusion(String tableCode, long id, Long treeSize) {
        AuditTable table = table(tableCode);
        return read(connection -> {
            long size = treeSize(connection, treeSize);
            TreeStore.Leaf leaf = TreeStore.leafOf(connection, table, id).orElseThrow(() -> new NotSealedException(
                    "The " + tableCode + " row " + id + " is not sealed (yet): committed rows are sealed within about "
                            + sealIntervalMillis + " ms once no older transaction is still running; unknown rows never are"));
            if (leaf.index() >= size) {
                throw new NotSealedException("The " + tableCode + " row " + id + " is leaf " + leaf.index()
                        + ", beyond a tree of " + size + " leaves");
            }
            var proof = MerkleTree.inclusionProof(leaf.index(), size,
                    TreeStore.nodes(connection, MerkleTree.inclusionNodes(leaf.index(), size)));
            byte[] root = root(connection, size);
            Optional<String> retired = Tombstones.retiredWith(connection, table.code(), leaf.index());
            if (retired.isPresent()) {
                throw new NotSealedException("The " + tableCode + " row " + id + " (leaf " + leaf.index() + ") was "
                        + "dropped by retention with the month " + retired.get() + ": its leaf hash stays in the tree, "
                        + "so the other rows' proofs and the checkpoints still check, but its content is gone");
            }
            byte[] leafData = TreeStore.leafData(connection, table, id);
            return new InclusionProof(table.code(), id, leaf.index(), size, Base64.getEncoder().encodeToString(leafData),
                    HEX.formatHex(leaf.hash()), HEX.formatHex(root), hex(proof));
        });
    }

    @Override
    public Long sealedIn(String tableCode, long id) {
        AuditTable table = table(tableCode);
        return read(connection -> {
            var leaf = TreeStore.leafOf(connection, table, id);
            if (leaf.isEmpty()) {
                return null;
            }
            return TreeStore.checkpointSealing(connection, leaf.get().index())
                    .map(TreeStore.StoredCheckpoint::treeSize).orElse(null);
        });
    }

    @Override
    public ConsistencyProof consistency(long from, long to) {
        if (from < 1 || to < from) {
            throw new ProofRefusedException("from must be at least 1 and to at least from; got from=" + from + ", to=" + to);
        }
        return read(connection -> {
            treeSize(connection, to);
            var proof = MerkleTree.consistencyProof(from, to,
                    TreeStore.nodes(connection, MerkleTree.consistencyNodes(from, to)));
            return new ConsistencyProof(from, to,
                    HEX.formatHex(root(connection, from)), HEX.formatHex(root(connection, to)), hex(proof));
        });
    }

    /** The signed root of a checkpoint of that size, or the root the stored subtrees give for any other size. */
    private static byte[] root(Connection connection, long size) throws SQLException {
        var checkpoint = TreeStore.checkpointAt(connection, size);
        if (checkpoint.isPresent()) {
            return checkpoint.get().rootHash();
        }
        return MerkleTree.root(size, TreeStore.nodes(connection, MerkleTree.rootNodes(size)));
    }

    private static AuditTable table(String code) {
        return AuditTable.byCode(code).orElseThrow(() -> new ProofRefusedException(
                "table must be one of state, entity, login, request, not " + code));
    }

    /** The requested size, or the latest checkpoint's; never beyond what is signed. */
    private long treeSize(Connection connection, Long requested) throws SQLException {
        long signed = TreeStore.latestCheckpoint(connection).map(TreeStore.StoredCheckpoint::treeSize)
                .orElseThrow(() -> new NotSealedException("Nothing is sealed yet"));
        if (requested == null) {
            return signed;
        }
        if (requested < 1 || requested > signed) {
            throw new ProofRefusedException("treeSize must be between 1 and the latest checkpoint's " + signed
                    + ", not " + requested);
        }
        return requested;
    }

    private CheckpointView view(TreeStore.StoredCheckpoint checkpoint) {
        String note = checkpoint.note();
        String signatureLine = note.substring(note.lastIndexOf('\u2014'));
        byte[] signed = Base64.getDecoder().decode(signatureLine.substring(signatureLine.lastIndexOf(' ') + 1).trim());
        String signature = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(signed, 4, signed.length));
        return new CheckpointView(checkpoint.treeSize(), HEX.formatHex(checkpoint.rootHash()),
                checkpoint.sealedAt().toInstant(), checkpoint.keyId(), signature, note);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    /**
     * Plain autocommit reads, no snapshot transaction: the tree only grows, and a checkpoint commits
     * together with the leaves and nodes under it, so whatever a later statement reads about a tree
     * size already signed is final. The snapshot's own settings and rollback cost as many round
     * trips as the proof itself (docs/PERFORMANCE.md, run 8).
     */
    private <T> T read(LogVerification.Reading<T> reading) {
        try (Connection connection = store.dataSource().getConnection()) {
            return reading.read(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("The sealed log could not be read", e);
        }
    }
}

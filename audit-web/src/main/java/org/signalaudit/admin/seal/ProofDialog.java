package org.signalaudit.admin.seal;

import java.io.Serializable;
import java.util.HexFormat;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.signalaudit.admin.Notices;
import org.signalaudit.audit.CheckpointView;
import org.signalaudit.audit.InclusionProof;
import org.signalaudit.audit.NotSealedException;
import org.signalaudit.audit.SealedLog;
import org.signalaudit.proof.MerkleTree;
import org.signalaudit.proof.SignedNote;

/**
 * The inclusion proof of one audit row, shown in a dialog and checked here, in the screen's own
 * process, against the latest signed checkpoint: the path leads from the row's leaf to the
 * checkpoint's root, and the checkpoint's signature verifies with the published key.
 */
@Named
@ViewScoped
public class ProofDialog implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SealedLog sealedLog;

    private InclusionProof proof;
    private CheckpointView checkpoint;
    private boolean verified;

    public void show(String table, long id) {
        try {
            checkpoint = sealedLog.checkpoint();
            proof = sealedLog.inclusion(table, id, checkpoint.treeSize());
            verified = check();
        } catch (NotSealedException e) {
            proof = null;
            Notices.refused(e.getMessage());
        }
    }

    private boolean check() {
        HexFormat hex = HexFormat.of();
        List<byte[]> path = proof.auditPath().stream().map(hex::parseHex).toList();
        boolean included = MerkleTree.verifyInclusion(proof.leafIndex(), proof.treeSize(), hex.parseHex(proof.leafHash()),
                path, hex.parseHex(checkpoint.rootHash()));
        try {
            SignedNote.verify(checkpoint.note(), sealedLog.key().verifierKey());
            return included;
        } catch (SignedNote.NoteException e) {
            return false;
        }
    }

    public InclusionProof getProof() {
        return proof;
    }

    public CheckpointView getCheckpoint() {
        return checkpoint;
    }

    public boolean isVerified() {
        return verified;
    }
}

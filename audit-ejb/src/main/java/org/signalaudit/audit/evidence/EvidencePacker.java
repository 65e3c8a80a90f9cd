package org.signalaudit.audit.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.signalaudit.audit.NotSealedException;
import org.signalaudit.audit.RetiredMonth;
import org.signalaudit.audit.entity.AuditTable;
import org.signalaudit.audit.retention.Tombstones;
import org.signalaudit.audit.seal.LogVerification;
import org.signalaudit.audit.seal.SealKey;
import org.signalaudit.audit.seal.TreeStore;
import org.signalaudit.proof.EvidenceManifest;
import org.signalaudit.proof.SignedNote;
import org.signalaudit.store.SchemaMigration;

/**
 * Makes an evidence pack from the ids of the rows a reader selected: reads them in batches of
 * {@value #BATCH} with their leaves and proofs against one checkpoint, writes each as it comes,
 * and signs a manifest of what was written with the seal key, so that the offline verifier can
 * tell a row taken out of the pack. Memory holds one batch, whatever the number of rows.
 */
@ApplicationScoped
public class EvidencePacker {

    /** Rows per query: their ids, and the nodes of their proofs, stay well within a statement's parameters. */
    static final int BATCH = 100;

    @Inject
    SchemaMigration store;

    @Inject
    SealKey key;

    /**
     * Writes the pack of the rows whose ids {@code selection} hands over (oldest first), proven
     * against the checkpoint of {@code treeSize} leaves.
     */
    public void write(AuditTable table, List<EvidenceManifest.Filter> filters, long treeSize,
                      Consumer<Consumer<Long>> selection, OutputStream out) throws IOException {
        TreeStore.StoredCheckpoint checkpoint = LogVerification.inSnapshot(store.dataSource(),
                connection -> TreeStore.checkpointAt(connection, treeSize))
                .orElseThrow(() -> new NotSealedException("No checkpoint has a tree of " + treeSize + " leaves"));
        SealedRows sealed = new SealedRows(table, treeSize);
        try (EvidenceZip zip = new EvidenceZip(out, table.code(), key.verifierKey(), checkpoint.note())) {
            List<Long> batch = new ArrayList<>(BATCH);
            selection.accept(id -> {
                batch.add(id);
                if (batch.size() == BATCH) {
                    flush(sealed, batch, zip);
                }
            });
            flush(sealed, batch, zip);
            EvidenceManifest manifest = new EvidenceManifest(key.name(), table.code(), filters,
                    Instant.now().truncatedTo(ChronoUnit.MICROS), treeSize, checkpoint.rootHash(), zip.rowCount(),
                    zip.unsealedCount(), zip.rowsDigest());
            List<RetiredMonth> retired = LogVerification.inSnapshot(store.dataSource(), Tombstones::all).stream()
                    .filter(month -> month.table().equals(table.code())).toList();
            zip.finish(SignedNote.sign(manifest.body(), key.name(), key.pair().getPrivate()), manifest, retired);
        }
    }

    private void flush(SealedRows sealed, List<Long> batch, EvidenceZip zip) {
        if (batch.isEmpty()) {
            return;
        }
        List<SealedRows.Row> rows = LogVerification.inSnapshot(store.dataSource(),
                connection -> sealed.read(connection, batch));
        rows.forEach(zip::row);
        batch.clear();
    }
}

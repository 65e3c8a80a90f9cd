package org.signalaudit.audit;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Evidence packs (ADMIN and above): the rows of one audit table that a query keeps, in a ZIP an
 * auditor checks offline with nothing but a JDK ({@code java -jar audit-verify.jar pack.zip}):
 * each row with its leaf data as hashed and its RFC 9162 inclusion proof, the signed checkpoint
 * they are proven against, a manifest signed by the seal key that fixes which rows the pack holds,
 * the verifier key and a README (layout: {@link org.signalaudit.proof.EvidencePack}).
 */
public interface AuditEvidence {

    /**
     * Writes the pack of the rows {@code query} keeps (its table is the query's: a
     * {@link StateChangeQuery} reads {@code user_state_audit}, and so on; {@code limit} and
     * {@code after} are ignored), oldest first, proven against the checkpoint of {@code treeSize}
     * leaves. Rows that checkpoint's tree does not hold yet are left out and counted. Streams: memory
     * holds one batch of rows whatever their number. {@link NotSealedException} when no checkpoint
     * has that size.
     */
    void write(AuditQuery query, long treeSize, OutputStream zip) throws IOException;
}

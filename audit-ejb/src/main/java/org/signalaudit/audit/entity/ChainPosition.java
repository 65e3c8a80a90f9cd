package org.signalaudit.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.signalaudit.audit.chain.ChainLink;

/** An audit row's place in its table's hash chain: the three chain columns every audit table has. */
@Embeddable
public class ChainPosition {

    @Column(name = "chain_seq", nullable = false, updatable = false)
    private long seq;

    @Column(name = "prev_hash", nullable = false, updatable = false, length = 64)
    private String prevHash;

    @Column(name = "row_hash", nullable = false, updatable = false, length = 64)
    private String rowHash;

    protected ChainPosition() {
        // for JPA
    }

    ChainPosition(ChainLink link) {
        this.seq = link.seq();
        this.prevHash = link.prevHash();
        this.rowHash = link.rowHash();
    }
}

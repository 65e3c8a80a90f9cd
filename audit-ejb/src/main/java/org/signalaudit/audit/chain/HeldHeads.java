package org.signalaudit.audit.chain;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.transaction.TransactionScoped;

/**
 * The chain heads the current transaction has locked, as it last left them. Once a transaction
 * holds a head nobody else can move it, so linking more rows needs no new SELECT: a transition
 * saves two round trips inside the section where audited writes queue. Bound to the transaction,
 * so a rollback forgets them with the rows.
 */
@TransactionScoped
public class HeldHeads implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, ChainLink> heads = new HashMap<>();

    boolean holdsAll(List<String> names) {
        return heads.keySet().containsAll(names);
    }

    Map<String, ChainLink> all() {
        return Map.copyOf(heads);
    }

    void locked(Map<String, ChainLink> locked) {
        heads.putAll(locked);
    }

    void moved(String name, ChainLink head) {
        heads.put(name, head);
    }
}

package org.signalaudit.admin.seal;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.signalaudit.audit.SealedLog;

/**
 * "Sealed in checkpoint N" next to an audit row on the screens: which signed checkpoint first
 * covered the row, or that it is not sealed yet (its commit was less than a second ago, or an
 * older transaction is still running). Looked up once per row and request.
 */
@Named
@RequestScoped
public class SealBadges {

    @Inject
    SealedLog sealedLog;

    private final Map<String, String> labels = new HashMap<>();

    /** {@code table}: state, entity, login or request. */
    public String label(String table, Long id) {
        if (id == null) {
            return "";
        }
        return labels.computeIfAbsent(table + ":" + id, key -> {
            Long checkpoint = sealedLog.sealedIn(table, id);
            return checkpoint == null ? "not sealed yet" : "sealed in checkpoint " + checkpoint;
        });
    }
}

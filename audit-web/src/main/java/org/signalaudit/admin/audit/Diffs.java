package org.signalaudit.admin.audit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.json.JsonObject;

/** {@code #{diffs.of(row.changes)}}: an entity change as field / before / after, for every screen that shows one. */
@Named
@ApplicationScoped
public class Diffs {

    public List<FieldDiff> of(JsonObject changes) {
        return FieldDiff.of(changes);
    }
}

package org.signalaudit.admin.audit;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.Size;

import org.signalaudit.audit.EntityAsOf;
import org.signalaudit.audit.EntityChangeLog;
import org.signalaudit.audit.EntityChangeQuery;
import org.signalaudit.audit.EntityChangeView;
import org.signalaudit.audit.EntityHistory;

/**
 * One audited entity's history ({@code admin/history.xhtml?type=Group&id=ops}): its attributes as
 * of a chosen moment (now until one is chosen) and its changes, newest first, a page at a time,
 * each as field / before / after.
 */
@Named
@ViewScoped
public class ShowHistory implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PAGE = 50;

    @Inject
    EntityHistory history;

    @Inject
    EntityChangeLog log;

    @Size(max = 128)
    private String type;
    @Size(max = 128)
    private String id;
    private LocalDateTime asOf;

    private EntityAsOf then;
    private Instant shownAt;
    private final List<EntityChangeView> changes = new ArrayList<>();
    private String next;

    /** The view action: the entity now and its newest changes. */
    public void load() {
        changes.clear();
        next = null;
        more();
        showAsOf();
    }

    /** The next page of older changes. */
    public void more() {
        var page = log.entityChanges(new EntityChangeQuery(type, id, null, null, null, null, PAGE,
                next == null ? null : Long.valueOf(next)));
        changes.addAll(page.items());
        next = page.next();
    }

    public void showAsOf() {
        shownAt = asOf == null ? Instant.now() : asOf.toInstant(ZoneOffset.UTC);
        then = history.entityAsOf(type, id, shownAt).orElse(null);
    }

    /** The attributes as name and text, in the order the rows gave them. */
    public List<Map.Entry<String, String>> getAttributes() {
        if (then == null) {
            return List.of();
        }
        return then.attributes().entrySet().stream()
                .map(attribute -> Map.entry(attribute.getKey(), text(attribute.getValue()))).toList();
    }

    private static String text(JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            return String.join(", ", value.asJsonArray().stream().map(ShowHistory::text).toList());
        }
        return value.toString();
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public LocalDateTime getAsOf() {
        return asOf;
    }

    public void setAsOf(LocalDateTime asOf) {
        this.asOf = asOf;
    }

    public EntityAsOf getThen() {
        return then;
    }

    public Instant getShownAt() {
        return shownAt;
    }

    public List<EntityChangeView> getChanges() {
        return changes;
    }

    public boolean isMore() {
        return next != null;
    }
}

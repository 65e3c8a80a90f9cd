package org.signalaudit.admin.audit;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.annotation.PostConstruct;
import jakarta.faces.component.UIData;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;

import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.signalaudit.api.export.RowWriter;
import org.signalaudit.audit.AuditExport;
import org.signalaudit.audit.AuditFilter;
import org.signalaudit.audit.AuditSearch;
import org.signalaudit.audit.AuditTrail;
import org.signalaudit.audit.EntityChangeView;
import org.signalaudit.audit.LoginView;
import org.signalaudit.audit.RequestDetail;
import org.signalaudit.audit.RequestView;
import org.signalaudit.audit.StateChangeView;

/**
 * The audit log: a tab per audit table, one filter (who, what, when, request id) for all of them,
 * pages newest first, and the detail of one request: every row that carries its id.
 */
@Named
@ViewScoped
public class AuditLog implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The client ids of the tabs' tables, which go back to their first page when the filter changes. */
    static final String[] TABLES = {"log:tabs:states", "log:tabs:entities", "log:tabs:requests", "log:tabs:logins"};

    @Inject
    AuditSearch search;

    @Inject
    AuditTrail trail;

    @Inject
    AuditExport export;

    @Size(max = 128)
    private String who;
    @Size(max = 128)
    private String what;
    private LocalDate from;
    private LocalDate to;
    @Size(max = 64)
    private String requestId;
    @Size(max = 16)
    private String category;

    private AuditFilter filter = AuditFilter.NONE;
    private AuditRows<StateChangeView> stateChanges;
    private AuditRows<EntityChangeView> entityChanges;
    private AuditRows<RequestView> requests;
    private AuditRows<LoginView> logins;
    private RequestDetail detail;

    @PostConstruct
    void init() {
        stateChanges = new AuditRows<>((first, max) -> search.stateChanges(filter, first, max));
        entityChanges = new AuditRows<>((first, max) -> search.entityChanges(filter, first, max));
        requests = new AuditRows<>((first, max) -> search.requests(filter, first, max));
        logins = new AuditRows<>((first, max) -> search.logins(filter, first, max));
    }

    /** The filter as typed; {@code to} is a whole day, so the filter ends at the next midnight (UTC). */
    public void apply() {
        filter = new AuditFilter(who, what, startOf(from), to == null ? null : startOf(to.plusDays(1)), requestId,
                category);
        FacesContext faces = FacesContext.getCurrentInstance();
        for (String table : TABLES) {
            if (faces.getViewRoot().findComponent(table) instanceof UIData data) {
                data.setFirst(0);
            }
        }
    }

    public void clear() {
        who = null;
        what = null;
        from = null;
        to = null;
        requestId = null;
        category = null;
        apply();
    }

    /**
     * The rows of one tab that the applied filter keeps, oldest first, as a CSV file streamed as
     * it is read in batches (the format and neutralising of {@code GET /api/audit/export}).
     */
    public StreamedContent export(String table) {
        AuditExport.Table which = AuditExport.Table.valueOf(table.toUpperCase(Locale.ROOT));
        AuditFilter applied = filter;
        RowWriter.Format format = RowWriter.Format.CSV;
        return DefaultStreamedContent.builder()
                .name(format.fileName(table, applied.from(), applied.to()))
                .contentType(format.mediaType())
                .writer(out -> {
                    try (RowWriter rows = format.open(out, which.rows())) {
                        export.filtered(which, applied, rows::writeUnchecked);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .build();
    }

    /** Everything the request did; an unknown id shows an empty detail. */
    public void showRequest(String id) {
        detail = trail.request(id).orElse(null);
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public AuditRows<StateChangeView> getStateChanges() {
        return stateChanges;
    }

    public AuditRows<EntityChangeView> getEntityChanges() {
        return entityChanges;
    }

    public AuditRows<RequestView> getRequests() {
        return requests;
    }

    public AuditRows<LoginView> getLogins() {
        return logins;
    }

    public RequestDetail getDetail() {
        return detail;
    }

    public String getWho() {
        return who;
    }

    public void setWho(String who) {
        this.who = who;
    }

    public String getWhat() {
        return what;
    }

    public void setWhat(String what) {
        this.what = what;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }
}

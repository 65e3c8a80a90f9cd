package org.signalaudit.admin.retention;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.signalaudit.admin.Notices;
import org.signalaudit.audit.AuditHolds;
import org.signalaudit.audit.AuditRetention;
import org.signalaudit.audit.HoldView;
import org.signalaudit.audit.PlaceHold;
import org.signalaudit.audit.RetentionException;
import org.signalaudit.audit.RetentionSchedule;

/**
 * The retention screen (web.xml lets only a SUPERADMIN open it; the boundaries check again): the
 * holds and the schedule, read once per view; placing and releasing a hold go through the same
 * boundary as {@code POST /api/audit/holds} and {@code DELETE /api/audit/holds/{id}}, and are
 * audited the same way (with origin ADMIN_UI).
 */
@Named
@ViewScoped
public class RetentionPlan implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditHolds holds;

    @Inject
    AuditRetention retention;

    private List<HoldView> holdList;
    private RetentionSchedule schedule;

    @Size(max = 128)
    private String username;
    private Instant from;
    private Instant to;

    @NotBlank
    @Size(max = 400)
    private String reason;

    @Size(max = 400)
    private String releaseReason;

    public void load() {
        holdList = holds.list();
        schedule = retention.schedule();
    }

    public void place() {
        PlaceHold command = new PlaceHold(username == null || username.isBlank() ? null : username.strip(), from, to,
                reason);
        if (!command.isScoped()) {
            Notices.refused("A hold needs a user name, a from or a to.");
            return;
        }
        if (!command.isRangeOrdered()) {
            Notices.refused("From must be before to.");
            return;
        }
        try {
            HoldView placed = holds.place(command);
            Notices.done("Legal hold " + placed.id() + " placed.");
            username = null;
            from = null;
            to = null;
            reason = null;
        } catch (EJBAccessException e) {
            Notices.refused("Only a SUPERADMIN may place a legal hold.");
        }
        load();
    }

    public void release(long id) {
        if (releaseReason == null || releaseReason.isBlank()) {
            Notices.refused("Releasing a hold needs a reason: the hold and the trail keep it.");
            return;
        }
        try {
            holds.release(id, releaseReason.strip());
            Notices.done("Legal hold " + id + " released.");
            releaseReason = null;
        } catch (RetentionException e) {
            Notices.refused(e.getMessage());
        } catch (EJBAccessException e) {
            Notices.refused("Only a SUPERADMIN may release a legal hold.");
        }
        load();
    }

    public List<HoldView> getHolds() {
        return holdList;
    }

    public RetentionSchedule getSchedule() {
        return schedule;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public Instant getFrom() {
        return from;
    }

    public void setFrom(Instant from) {
        this.from = from;
    }

    public Instant getTo() {
        return to;
    }

    public void setTo(Instant to) {
        this.to = to;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getReleaseReason() {
        return releaseReason;
    }

    public void setReleaseReason(String releaseReason) {
        this.releaseReason = releaseReason;
    }
}

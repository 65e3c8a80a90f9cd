package org.signalaudit.admin.users;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.signalaudit.admin.Notices;
import org.signalaudit.audit.EntityHistory;
import org.signalaudit.audit.UserAsOf;

/**
 * The user page's "as of" panel: the user as they were at a chosen moment (UTC, as every time on
 * the screens), rebuilt from the audit rows.
 */
@Named
@ViewScoped
public class PastUser implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EntityHistory history;

    private LocalDateTime asOf;
    private UserAsOf then;

    public void show(String username) {
        then = null;
        if (asOf == null) {
            Notices.refused("Choose a date and time first.");
            return;
        }
        then = history.userAsOf(username, asOf.toInstant(ZoneOffset.UTC)).orElse(null);
        if (then == null) {
            Notices.refused(username + " did not exist yet at " + asOf.toString().replace('T', ' ') + " UTC.");
        }
    }

    public LocalDateTime getAsOf() {
        return asOf;
    }

    public void setAsOf(LocalDateTime asOf) {
        this.asOf = asOf;
    }

    public UserAsOf getThen() {
        return then;
    }

    /** The groups then, or "no group" (unknown for a user older than entity auditing). */
    public String getGroups() {
        if (then == null || then.groups() == null) {
            return "unknown";
        }
        return then.groups().isEmpty() ? "no group" : String.join(", ", then.groups());
    }
}

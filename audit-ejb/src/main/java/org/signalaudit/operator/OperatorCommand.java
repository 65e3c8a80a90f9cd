package org.signalaudit.operator;

import java.util.Optional;

/**
 * One command of the operator's command line, as {@code audit-cli} passes it in the
 * {@code audit.cli.*} configuration. {@code osUser} is who ran it on the host: the rows name the
 * initiator {@code CLI}, and the reason names the person.
 */
record OperatorCommand(String name, String username, String argument, String reason, String osUser,
                       Optional<String> newPassword) {

    static final String INITIATOR = "CLI";

    /** What the rows' reason says: the operator's reason, and who ran the command on the host. */
    String auditedReason() {
        String who = "operating-system user " + osUser;
        return reason == null || reason.isBlank() ? "audit-cli, " + who : reason + " (audit-cli, " + who + ")";
    }

    /** The command as the trail shows it (never the password). */
    String line() {
        StringBuilder line = new StringBuilder(name);
        for (String part : new String[] {username, argument}) {
            if (part != null && !part.isBlank()) {
                line.append(' ').append(part);
            }
        }
        return line.toString();
    }
}

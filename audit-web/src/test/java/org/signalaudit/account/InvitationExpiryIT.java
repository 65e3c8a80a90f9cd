package org.signalaudit.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.signalaudit.testing.Accounts;
import org.signalaudit.testing.AuditDatabase;
import org.signalaudit.testing.AuditDatabase.AuditRow;
import org.signalaudit.testing.MicroProcess;
import org.signalaudit.testing.ReliabilityRun;
import org.signalaudit.testing.ScratchDatabase;

/**
 * Invitations not accepted within {@code audit.invitation.ttl} are DEACTIVATED by the system, on
 * two instances that share one database and both run the expiry timer: each expired user gets
 * exactly one DEACTIVATE row (initiator {@code system:invitation-expiry}, origin SYSTEM, no
 * address, no request), and an invitation accepted in time is left alone.
 */
class InvitationExpiryIT {

    private static final String TTL = "PT10S";
    private static final Duration WITHIN = Duration.ofMinutes(2);
    private static final String INITIATOR = "system:invitation-expiry";

    @RegisterExtension
    final ReliabilityRun run = new ReliabilityRun();

    @Test
    void invitationsNotAcceptedWithinTheTtlAreDeactivatedOnceBySystemEvenOnTwoInstances() throws InterruptedException {
        ScratchDatabase database = run.database("signal_audit_invitation_expiry");
        List<String> shortTtl = List.of("-Daudit.invitation.ttl=" + TTL);
        MicroProcess first = run.server(database, 0, shortTtl);
        MicroProcess second = run.server(database, 0, shortTtl);
        AuditDatabase db = AuditDatabase.at(database.url());
        var accounts = new Accounts(first.api().asSuperadmin());

        List<String> expiring = IntStream.range(0, 4).mapToObj(i -> accounts.invite("USER").username()).toList();
        String acceptedInTime = accounts.active("USER").username();
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!expiring.stream().allMatch(username -> "DEACTIVATED".equals(db.existingUser(username).state()))) {
            assertThat(System.nanoTime()).as("all expired invitations DEACTIVATED within %s", WITHIN).isLessThan(deadline);
            Thread.sleep(500);
        }
        // Both timers have looked again since (each looks every quarter of the TTL): a duplicate
        // row, had either instance written one, would be there now.
        Thread.sleep(Duration.parse(TTL).toMillis());

        assertThat(expiring).allSatisfy(username -> {
            List<AuditRow> rows = db.rowsOf(username);
            assertThat(rows).extracting(AuditRow::event).as("rows of %s", username).containsExactly("INVITE", "DEACTIVATE");
            AuditRow expiry = rows.get(1);
            assertThat(expiry.initiatedBy()).isEqualTo(INITIATOR);
            assertThat(expiry.origin()).isEqualTo("SYSTEM");
            assertThat(expiry.startState()).isEqualTo("INVITED");
            assertThat(expiry.endState()).isEqualTo("DEACTIVATED");
            assertThat(expiry.ipAddress()).isNull();
            assertThat(expiry.requestId()).isNull();
            assertThat(expiry.reason()).contains(TTL);
        });
        assertThat(db.existingUser(acceptedInTime).state()).isEqualTo("ACTIVE");
        assertThat(db.rowsOf(acceptedInTime)).extracting(AuditRow::event).containsExactly("INVITE", "ACTIVATE");
        assertThat(first.alive() && second.alive()).isTrue();
    }
}

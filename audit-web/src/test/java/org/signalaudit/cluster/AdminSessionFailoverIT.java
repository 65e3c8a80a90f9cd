package org.signalaudit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.signalaudit.testing.Accounts;
import org.signalaudit.testing.AuditDatabase;
import org.signalaudit.testing.AuditDatabase.AuditRow;
import org.signalaudit.testing.Browser;
import org.signalaudit.testing.Browsers;
import org.signalaudit.testing.FailoverProxy;
import org.signalaudit.testing.MicroCluster;
import org.signalaudit.testing.ReliabilityRun;
import org.signalaudit.testing.ScratchDatabase;

/**
 * An admin working through a load balancer carries on when the instance behind it is killed: the
 * web module is distributable, so the session (the signed-in caller) and the Faces views (the
 * server-side view state and the view-scoped beans, which Mojarra keeps in the session) live in
 * Payara's data grid, with a backup on the other member. The browser talks to one address only, a
 * {@link FailoverProxy} in front of member 0 and, once it is dead, member 1; the page it shows
 * when member 0 dies is the one member 0 rendered, and the button clicked on it posts member 0's
 * view state to member 1.
 */
class AdminSessionFailoverIT {

    @RegisterExtension
    final ReliabilityRun run = new ReliabilityRun();

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void aTransitionClickedOnAPageAKilledInstanceRenderedIsAppliedByTheSurvivorWithoutSigningInAgain() {
        ScratchDatabase database = run.database(ClusterDatabases.named("session"));
        MicroCluster cluster = run.instances(database, 2, List.of());
        AuditDatabase db = AuditDatabase.at(database.url());
        var accounts = new Accounts(cluster.member(0).api());
        var admin = accounts.active("ADMIN");
        var user = accounts.active("USER");
        try (FailoverProxy balancer = FailoverProxy.before(cluster.members())) {
            Browser browser = browsers.open(balancer.base()).signIn(admin.username(), admin.password());
            assertThat(browser.title()).as("signed in").startsWith("Dashboard");
            browser.go("admin/user.xhtml?name=" + user.username())
                    .type(By.id("user:reason"), "it: locked through the surviving instance");
            assertThat(balancer.connectionsTo(1)).as("connections to member 1 while member 0 lived").isZero();

            cluster.kill(0);
            browser.click(By.cssSelector("button.transition-LOCK"));

            assertThat(balancer.connectionsTo(1)).as("connections to member 1 after the kill").isPositive();
            assertThat(browser.title()).as("the page after the click (no sign-in, no expired page, no error)")
                    .startsWith("User");
            browser.waitForText(By.id("user:state"), "LOCKED");
        }
        List<AuditRow> rows = db.rowsOf(user.username());
        assertThat(rows.get(rows.size() - 1))
                .extracting(AuditRow::event, AuditRow::initiatedBy, AuditRow::origin, AuditRow::reason)
                .containsExactly("LOCK", admin.username(), "ADMIN_UI", "it: locked through the surviving instance");
    }
}

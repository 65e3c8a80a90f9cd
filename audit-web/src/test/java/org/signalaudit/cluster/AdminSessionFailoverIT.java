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
import org.signalaudit.testing.MicroCluster;
import org.signalaudit.testing.ReliabilityRun;
import org.signalaudit.testing.ScratchDatabase;

/**
 * An admin signed in through one instance carries on through another when the first is killed:
 * the web module is distributable, so the session (the signed-in caller, the Faces views) lives
 * in Payara's data grid, with a backup on the other member. The browser keeps its one session
 * cookie: cookies belong to a host, not to a port, so the second instance on 127.0.0.1 gets the
 * cookie the first one set, as it would behind a load balancer.
 */
class AdminSessionFailoverIT {

    @RegisterExtension
    final ReliabilityRun run = new ReliabilityRun();

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void anAdminSignedInThroughAKilledInstanceAppliesATransitionThroughAnotherWithoutSigningInAgain() {
        ScratchDatabase database = run.database(ClusterDatabases.named("session"));
        MicroCluster cluster = run.instances(database, 2, List.of());
        AuditDatabase db = AuditDatabase.at(database.url());
        var accounts = new Accounts(cluster.member(0).api());
        var admin = accounts.active("ADMIN");
        var user = accounts.active("USER");
        Browser browser = browsers.open(cluster.member(0).base()).signIn(admin.username(), admin.password());
        assertThat(browser.title()).as("signed in through member 0").startsWith("Dashboard");
        browser.go("admin/user.xhtml?name=" + user.username());

        cluster.kill(0);
        browser.go(cluster.member(1).base().resolve("admin/user.xhtml?name=" + user.username()).toString());

        assertThat(browser.present(By.id("signin:username"))).as("asked to sign in again").isFalse();
        browser.type(By.id("user:reason"), "it: locked through the surviving instance")
                .click(By.cssSelector("button.transition-LOCK"))
                .waitForText(By.id("user:state"), "LOCKED");
        List<AuditRow> rows = db.rowsOf(user.username());
        assertThat(rows.get(rows.size() - 1))
                .extracting(AuditRow::event, AuditRow::initiatedBy, AuditRow::origin, AuditRow::reason)
                .containsExactly("LOCK", admin.username(), "ADMIN_UI", "it: locked through the surviving instance");
    }
}

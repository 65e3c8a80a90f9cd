package org.signalaudit.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.signalaudit.testing.Accounts;
import org.signalaudit.testing.AdminSession;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.ApplicationIT;
import org.signalaudit.testing.AuditDatabase.AuditRow;
import org.signalaudit.testing.Browser;
import org.signalaudit.testing.Browsers;
import org.signalaudit.testing.Sealing;

/**
 * The admin screens in a real browser (headless chromium) on Payara Micro and PostgreSQL: what an
 * administrator sees and does, checked in the browser and in the audit tables.
 */
class AdminScreensIT extends ApplicationIT {

    private static final String HOSTILE = "<script>alert(1)</script>";

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void aSuperadminOverridesAStateWithAReasonAndTheRowShowsInTheAuditLog() {
        var user = accounts.active("USER");
        String reason = "it: superadmin override " + UUID.randomUUID();
        Browser browser = browsers.open(api.base()).signIn(Api.SUPERADMIN, Api.SUPERADMIN_PASSWORD);
        assertThat(browser.title()).startsWith("Dashboard");
        browser.waitFor(By.cssSelector("canvas"));
        browser.screenshot(Browsers.screenshot("dashboard"));

        browser.go("admin/user.xhtml?name=" + user.username());
        assertThat(browser.text(By.id("user:state"))).isEqualTo("ACTIVE");
        browser.screenshot(Browsers.screenshot("user"));
        browser.submit(By.id("user:override"));
        browser.click(By.xpath("//*[@id='override:target']//label[normalize-space()='LOCKED']"))
                .type(By.id("override:reason"), reason)
                .click(By.id("override:review"))
                .waitForText(By.id("confirmForm:to"), "LOCKED");
        assertThat(browser.text(By.id("confirmForm:reason"))).isEqualTo(reason);
        browser.screenshot(Browsers.screenshot("override"));
        browser.click(By.id("confirmForm:apply"))
                .waitForText(By.id("messages"), "Override: " + user.username() + " is now LOCKED.")
                .waitForText(By.id("user:state"), "LOCKED");

        List<AuditRow> rows = db.rowsOf(user.username());
        AuditRow override = rows.get(rows.size() - 1);
        assertThat(override.event()).isEqualTo("OVERRIDE");
        assertThat(override.initiatedBy()).isEqualTo(Api.SUPERADMIN);
        assertThat(override.origin()).isEqualTo("ADMIN_UI");
        assertThat(override.reason()).isEqualTo(reason);
        assertThat(override.startState()).isEqualTo("ACTIVE");
        assertThat(override.endState()).isEqualTo("LOCKED");
        assertThat(api.clientAddresses()).contains(override.ipAddress());
        assertThat(db.awaitRequestRow(override.requestId()))
                .containsEntry("method", "POST")
                .containsEntry("actor", Api.SUPERADMIN)
                .containsEntry("origin", "ADMIN_UI")
                .containsEntry("path", "/audit/admin/override.xhtml?jakarta.faces.Token=***");

        browser.go("admin/audit.xhtml?who=" + user.username());
        WebElement newest = browser.find(By.cssSelector("[id='log:tabs:states'] tbody tr"));
        assertThat(newest.getText()).contains("OVERRIDE", "ACTIVE", "LOCKED", Api.SUPERADMIN, "ADMIN_UI", reason,
                override.requestId());
        browser.screenshot(Browsers.screenshot("audit-log"));
        browser.click(By.cssSelector("[id='log:tabs:states'] tbody tr .request-link"))
                .waitForText(By.id("requestForm:summary"), "POST /audit/admin/override.xhtml");
        assertThat(browser.text(By.id("requestForm:stateChanges"))).contains(user.username(), "OVERRIDE", reason);
        // The diff column may be scrolled out of the dialog: read the cells' text, not what is in view.
        assertThat(browser.find(By.id("requestForm:entityChanges")).getAttribute("textContent"))
                .contains("UserAccount " + user.username(), "UPDATE");
        assertThat(diffLines(browser, "[id='requestForm:entityChanges']"))
                .contains(List.of("state", "ACTIVE", "LOCKED"));
        browser.screenshot(Browsers.screenshot("request"));

        browser.go("admin/audit.xhtml?requestId=" + override.requestId()).click(By.linkText("Entity changes"));
        browser.waitForText(By.cssSelector("[id='log:tabs:entities'] tbody tr"), user.username());
        assertThat(browser.find(By.cssSelector("[id='log:tabs:entities'] tbody tr")).getAttribute("textContent"))
                .contains("UserAccount", "UPDATE", "state", "LOCKED", Api.SUPERADMIN, "ADMIN_UI");
        assertThat(diffLines(browser, "[id='log:tabs:entities']")).contains(List.of("state", "ACTIVE", "LOCKED"));
    }

    @Test
    void aUsersHistorySaysWhichCheckpointSealedEachRowAndShowsItsProofVerified() {
        var user = accounts.active("USER");
        db.rowsOf(user.username()).forEach(row -> Sealing.awaitSealed(db, "state", row.id()));
        Browser browser = browsers.open(api.base()).signIn(Api.SUPERADMIN, Api.SUPERADMIN_PASSWORD);
        browser.go("admin/user.xhtml?name=" + user.username());

        assertThat(browser.all(By.cssSelector(".history-entry .sealed"))).isNotEmpty()
                .allSatisfy(label -> assertThat(label.getText()).startsWith("sealed in checkpoint "));
        browser.click(By.cssSelector(".history-entry .show-proof"))
                .waitForText(By.id("proofVerdict"), "proof verified");
        assertThat(browser.text(By.id("proof"))).contains("state", "Leaf", "Audit path", "Signed checkpoint");
        browser.screenshot(Browsers.screenshot("proof"));
    }

    @Test
    void anOverrideFormThatSawAnOlderStateIsRefused() {
        var user = accounts.active("USER");
        Browser browser = browsers.open(api.base()).signIn(Api.SUPERADMIN, Api.SUPERADMIN_PASSWORD);
        browser.go("admin/override.xhtml?name=" + user.username());
        assertThat(browser.title()).as("a protected view opened without the link's token").startsWith("Page expired");
        assertThat(browser.present(By.id("override:reason"))).isFalse();
        browser.go("admin/user.xhtml?name=" + user.username()).submit(By.id("user:override"));
        browser.click(By.xpath("//*[@id='override:target']//label[normalize-space()='DEACTIVATED']"))
                .type(By.id("override:reason"), "it: stale form")
                .click(By.id("override:review"))
                .waitForText(By.id("confirmForm:to"), "DEACTIVATED");

        assertThat(api.asSuperadmin().post("api/users/" + user.username() + "/transitions")
                .json(Api.json("event", "LOCK", "reason", "meanwhile")).send().status()).isEqualTo(200);
        browser.click(By.id("confirmForm:apply"))
                .waitForText(By.id("messages"), "was changed by someone else while this form was open");

        assertThat(browser.text(By.id("override:current"))).isEqualTo("LOCKED");
        assertThat(db.existingUser(user.username()).state()).isEqualTo("LOCKED");
        assertThat(db.rowsOf(user.username())).extracting(AuditRow::event).doesNotContain("OVERRIDE");
    }

    @Test
    void aSuperadminProvesTheAuditLogIntactFromTheDashboardAndAnAdminIsNotOffered() {
        var admin = accounts.active("ADMIN");
        Browser browser = browsers.open(api.base()).signIn(Api.SUPERADMIN, Api.SUPERADMIN_PASSWORD);
        assertThat(browser.text(By.cssSelector("[id$='integrityForm:checkpoint'] .signature"))).isEqualTo("signature valid");
        assertThat(browser.text(By.cssSelector("[id$='integrityForm:checkpoint']"))).contains("Latest checkpoint", "Seal lag");
        browser.click(By.cssSelector("[id$='integrityForm:verify']"))
                .waitFor(By.cssSelector("[id$='integrityForm:replay']"));
        for (String table : List.of("state", "entity", "request", "login")) {
            assertThat(browser.text(By.cssSelector(".integrity-" + table))).as(table).isEqualTo("intact");
        }
        assertThat(browser.text(By.cssSelector("[id$='integrityForm:tree']"))).contains("checkpoints verify");
        assertThat(browser.text(By.cssSelector("[id$='integrityForm:replay']"))).contains("users")
                .contains("state changes replayed");
        browser.screenshot(Browsers.screenshot("integrity"));

        Browser adminBrowser = browsers.open(api.base()).signIn(admin.username(), admin.password());
        assertThat(adminBrowser.title()).startsWith("Dashboard");
        assertThat(adminBrowser.present(By.cssSelector("[id$='integrityForm:verify']"))).isFalse();
    }

    @Test
    void anAdminLocksAndUnlocksWithTheButtonsAndIsRefusedTheOverride() {
        var admin = accounts.active("ADMIN");
        var user = accounts.active("USER");
        Browser browser = browsers.open(api.base()).signIn(admin.username(), admin.password());
        browser.go("admin/user.xhtml?name=" + user.username());
        assertThat(browser.present(By.id("user:override"))).as("override offered to an ADMIN").isFalse();

        browser.type(By.id("user:reason"), "it: locked from the screen")
                .click(By.cssSelector("button.transition-LOCK"))
                .waitForText(By.id("user:state"), "LOCKED");
        assertThat(browser.present(By.cssSelector("button.transition-LOCK"))).isFalse();
        browser.click(By.cssSelector("button.transition-UNLOCK")).waitForText(By.id("user:state"), "ACTIVE");

        List<AuditRow> rows = db.rowsOf(user.username());
        assertThat(rows.subList(rows.size() - 2, rows.size()))
                .extracting(AuditRow::event, AuditRow::initiatedBy, AuditRow::origin, AuditRow::reason)
                .containsExactly(
                        tuple("LOCK", admin.username(), "ADMIN_UI", "it: locked from the screen"),
                        tuple("UNLOCK", admin.username(), "ADMIN_UI", null));
        assertThat(rows.get(rows.size() - 1).ipAddress()).isIn(api.clientAddresses());

        browser.go("admin/override.xhtml?name=" + user.username());
        assertThat(browser.title()).startsWith("Not allowed");
        assertThat(browser.present(By.id("override:reason"))).isFalse();
        assertThat(db.select("SELECT status FROM request_audit WHERE actor = ? AND path LIKE ?", admin.username(),
                "/audit/admin/override.xhtml%")).extracting(row -> row.get("status")).containsExactly(403);
        assertThat(db.existingUser(user.username()).state()).isEqualTo("ACTIVE");
    }

    @Test
    void aUserIsRefusedEveryAdminScreen() {
        var user = accounts.active("USER");
        Browser browser = browsers.open(api.base()).signIn(user.username(), user.password());
        assertThat(browser.title()).startsWith("Not allowed");
        assertThat(browser.text(By.id("forbidden"))).contains("Your role does not allow this page");
        for (String screen : List.of("admin/users.xhtml", "admin/audit.xhtml", "admin/user.xhtml?name=superadmin")) {
            assertThat(browser.go(screen).title()).as(screen).startsWith("Not allowed");
        }
        assertThat(db.select("SELECT status FROM request_audit WHERE actor = ? AND path LIKE ? AND path NOT LIKE ?",
                user.username(), "/audit/admin/%", "/audit/admin/signin%"))
                .extracting(row -> row.get("status")).hasSize(4).containsOnly(403);
    }

    @Test
    void aBadPasswordAndANonActiveAccountGetAClearMessage() {
        var user = accounts.active("USER");
        api.asSuperadmin().post("api/users/" + user.username() + "/transitions").json(Api.json("event", "LOCK")).send();
        Browser browser = browsers.open(api.base()).signIn(user.username(), "wrong-" + user.password());
        assertThat(browser.text(By.id("messages"))).contains("The user name or the password is wrong.");
        browser.signIn(user.username(), user.password());
        assertThat(browser.text(By.id("messages"))).contains("This account is not active");
        browser.screenshot(Browsers.screenshot("signin"));
    }

    @Test
    void anEndedSessionLeadsBackToTheSignInPageEvenFromAnAjaxRequest() {
        var admin = accounts.active("ADMIN");
        Browser browser = browsers.open(api.base()).signIn(admin.username(), admin.password());
        browser.go("admin/audit.xhtml").loseSession();

        browser.click(By.id("log:apply")).waitForTitle("Sign in");
        assertThat(browser.url()).endsWith("/audit/admin/signin?expired");
        assertThat(browser.text(By.id("expired"))).contains("Your session has ended.");
    }

    @Test
    void aHostileUserAgentAndUserNameAreShownAsText() {
        String visit = Api.newRequestId();
        String refused = Api.newRequestId();
        assertThat(api.asSuperadmin().get("api/users/superadmin").requestId(visit).header("User-Agent", HOSTILE)
                .send().status()).isEqualTo(200);
        assertThat(api.as(HOSTILE, "any-password").get("api/users").requestId(refused).header("User-Agent", HOSTILE)
                .send().status()).isEqualTo(401);
        db.awaitRequestRow(visit);
        db.awaitRequestRow(refused);
        var admin = accounts.active("ADMIN");

        Browser browser = browsers.open(api.base()).signIn(admin.username(), admin.password());
        browser.go("admin/audit.xhtml?requestId=" + visit).click(By.linkText("Requests"));
        assertThat(browser.text(By.cssSelector("[id='log:tabs:requests'] tbody tr .user-agent"))).isEqualTo(HOSTILE);
        assertThat(browser.alertShown()).isFalse();
        assertThat(browser.source()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        browser.screenshot(Browsers.screenshot("requests"));

        browser.type(By.id("log:requestId"), refused).click(By.id("log:apply")).click(By.linkText("Logins"));
        browser.waitForText(By.cssSelector("[id='log:tabs:logins'] tbody tr"), "UNKNOWN_USER");
        assertThat(browser.text(By.cssSelector("[id='log:tabs:logins'] tbody tr .login-username"))).isEqualTo(HOSTILE);
        assertThat(browser.alertShown()).isFalse();
    }

    @Test
    void aForgedFormChangesNothingAndItsFailureStaysOnTheServer() {
        var admin = accounts.active("ADMIN");
        var user = accounts.active("USER");
        var session = new AdminSession(api);
        assertThat(session.signIn(admin.username(), admin.password(), Api.newRequestId()).status()).isEqualTo(302);
        String forged = Api.newRequestId();

        Api.Response answer = session.post("admin/user.xhtml?name=" + user.username(), Map.of(
                "user", "user", "user:reason", "forged", "jakarta.faces.ViewState", "-1234567890:987654321"), forged);

        assertThat(answer.status()).isEqualTo(302);
        String errorPage = answer.header("Location").orElseThrow();
        assertThat(errorPage).endsWith("/audit/errors/expired.xhtml");
        assertThat(session.get(errorPage, Api.newRequestId()).body()).as("no stack trace")
                .contains("This page has expired").doesNotContain("at org.", "at jakarta.", "at com.sun.");
        assertThat(db.existingUser(user.username()).state()).isEqualTo("ACTIVE");
        assertThat(db.awaitRequestRow(forged)).containsEntry("status", 302).containsEntry("actor", admin.username())
                .containsEntry("error_class", "jakarta.faces.application.ViewExpiredException");
    }

    @Test
    void anAdminInvitesAUserAndSeesTheTokenOnce() {
        var admin = accounts.active("ADMIN");
        String invitee = Accounts.uniqueName("invitee");
        Browser browser = browsers.open(api.base()).signIn(admin.username(), admin.password());
        browser.go("admin/users.xhtml").waitFor(By.cssSelector("[id='users:table'] tbody tr"));
        browser.screenshot(Browsers.screenshot("users"));
        browser.click(By.id("users:invite"));
        assertThat(browser.all(By.cssSelector("select[id='inviteForm:role_input'] option")))
                .extracting(option -> option.getDomAttribute("value")).containsExactly("USER");
        browser.type(By.id("inviteForm:username"), invitee)
                .type(By.id("inviteForm:email"), invitee + "@example.test")
                .click(By.id("inviteForm:send"));
        String token = browser.text(By.id("inviteForm:token"));
        assertThat(token).hasSizeGreaterThan(20);
        browser.screenshot(Browsers.screenshot("invitation"));
        browser.click(By.id("inviteForm:done"));
        assertThat(browser.present(By.id("inviteForm:token"))).as("the token is gone once the dialog closes").isFalse();

        assertThat(db.existingUser(invitee).state()).isEqualTo("INVITED");
        assertThat(db.rowsOf(invitee)).extracting(AuditRow::event, AuditRow::initiatedBy, AuditRow::origin)
                .containsExactly(tuple("INVITE", admin.username(), "ADMIN_UI"));
        assertThat(api.anonymous().post("api/invitations/accept")
                .json(Api.json("username", invitee, "token", token, "password", "a-long-password-" + UUID.randomUUID()))
                .send().status()).as("the token shown is the one that works").isEqualTo(200);

        browser.type(By.id("users:table:username:filter"), invitee)
                .waitForText(By.id("users:table"), "1-1 of 1");
        assertThat(browser.text(By.cssSelector("[id='users:table'] tbody"))).contains(invitee, "ACTIVE", "USER");
    }

    @Test
    void theUserPageShowsTheUserAsOfAChosenMomentAndTheFieldHistoryAsDiffs() {
        String username = accounts.invite("USER").username();
        Instant invited = db.rowsOf(username).get(0).occurredAt().toInstant();
        // A whole second after the invitation, and the override after it: the picker has seconds.
        Instant moment = invited.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        while (!Instant.now().isAfter(moment)) {
            Thread.onSpinWait();
        }
        String group = Accounts.uniqueName("screens");
        assertThat(superadmin.put("api/users/" + username + "/state")
                .json(Api.json("state", "LOCKED", "reason", "it: as of")).send().status()).isEqualTo(200);
        assertThat(superadmin.post("api/groups").json(Api.json("name", group)).send().status()).isEqualTo(201);
        assertThat(superadmin.put("api/groups/" + group + "/members/" + username).send().status()).isEqualTo(200);

        Browser browser = browsers.open(api.base()).signIn(Api.SUPERADMIN, Api.SUPERADMIN_PASSWORD);
        browser.go("admin/user.xhtml?name=" + username);
        assertThat(browser.text(By.id("user:state"))).isEqualTo("LOCKED");
        browser.type(By.id("user:asOf_input"), UtcInstants.FORMAT.format(moment).replace(" UTC", ""))
                .click(By.id("user:showAsOf"))
                .waitForText(By.id("user:thenState"), "INVITED");
        assertThat(browser.text(By.id("user:thenEmail"))).isEqualTo(username + "@example.test");
        assertThat(browser.text(By.id("user:thenGroups"))).isEqualTo("no group");
        browser.screenshot(Browsers.screenshot("user-as-of"));

        browser.submit(By.id("user:fieldHistory"));
        assertThat(browser.title()).startsWith("History of UserAccount " + username);
        assertThat(diffLines(browser, "[id='history:changes']")).contains(List.of("state", "INVITED", "LOCKED"),
                List.of("groups", "", "+ " + group));
        assertThat(browser.text(By.id("history:attributes"))).contains("LOCKED", group);
        browser.screenshot(Browsers.screenshot("entity-history"));

        browser.go("admin/user.xhtml?name=" + username).submit(By.cssSelector("a.membership"));
        assertThat(browser.title()).startsWith("History of Group " + group);
        assertThat(diffLines(browser, "[id='history:changes']")).contains(List.of("members", "", "+ " + username));
    }

    @Test
    void theExportButtonDownloadsTheFilteredRowsAsCsv() throws Exception {
        String username = accounts.invite("USER").username();
        assertThat(superadmin.put("api/users/" + username + "/state")
                .json(Api.json("state", "LOCKED", "reason", "=HYPERLINK(\"http://evil\")")).send().status())
                .isEqualTo(200);
        Browser browser = browsers.open(api.base()).signIn(Api.SUPERADMIN, Api.SUPERADMIN_PASSWORD);
        browser.go("admin/audit.xhtml?who=" + username);
        Path file = browser.download(By.id("log:tabs:export-state"));
        assertThat(file.getFileName().toString()).isEqualTo("audit-state-start-now.csv");
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            assertThat(parser.getRecords()).extracting(row -> row.get("username"), row -> row.get("event"),
                            row -> row.get("reason"))
                    .containsExactly(tuple(username, "INVITE", ""),
                            tuple(username, "OVERRIDE", "'=HYPERLINK(\"http://evil\")"));
        }
    }

    @Test
    void theRequestsTabShowsWhoLookedAtTheAuditLog() {
        var admin = accounts.active("ADMIN");
        String subject = accounts.invite("USER").username();
        String looked = Api.newRequestId();
        String other = Api.newRequestId();
        admin.client(api).get("api/audit/state-changes?username=" + subject).requestId(looked).send();
        admin.client(api).get("api/users/" + subject).requestId(other).send();
        db.awaitRequestRow(looked);
        db.awaitRequestRow(other);

        Browser browser = browsers.open(api.base()).signIn(Api.SUPERADMIN, Api.SUPERADMIN_PASSWORD);
        browser.go("admin/audit.xhtml?who=" + admin.username() + "&category=AUDIT_READ")
                .click(By.linkText("Requests"));
        assertThat(browser.text(By.id("log:category"))).contains("reads of the audit log");
        browser.waitForText(By.cssSelector("[id='log:tabs:requests'] tbody"), looked);
        List<WebElement> rows = browser.all(By.cssSelector("[id='log:tabs:requests'] tbody tr"));
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.getText())
                .contains("GET /audit/api/audit/state-changes?username=" + subject, "AUDIT_READ", looked));
    }

    /** Every line of the diff tables under {@code container}: field, before, after, as the cells read. */
    private static List<List<String>> diffLines(Browser browser, String container) {
        return browser.all(By.cssSelector(container + " table.diff tbody tr")).stream()
                .map(line -> line.findElements(By.tagName("td")).stream()
                        .map(cell -> cell.getAttribute("textContent").replaceAll("\\s+", " ").strip()).toList())
                .toList();
    }
}

package org.signalaudit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signalaudit.testing.AuditDatabase.literal;
import static org.signalaudit.testing.ProblemAssertions.assertProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.signalaudit.testing.Accounts;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.ApplicationIT;
import org.signalaudit.testing.AuditDatabase.AuditRow;
import org.signalaudit.testing.AuditDatabase.Trigger;
import org.signalaudit.testing.AuditDatabase.UserRow;

/**
 * The change and its audit row share one transaction: whichever of the two fails, neither stays.
 * PostgreSQL triggers, scoped to the test's own user, make the database refuse on purpose.
 */
class TransactionalAuditIT extends ApplicationIT {

    @Test
    void aCommitThatFailsLeavesNeitherTheChangeNorItsRow() {
        String username = accounts.active("USER").username();
        List<AuditRow> before = db.rowsOf(username);
        UserRow user = db.existingUser(username);
        // Sequences ignore rollbacks: the trigger counts here that the LOCK row was already written
        // in the failing transaction, so the test proves a rollback, not a row that never was.
        String witness = "it_witness_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        db.execute("CREATE SEQUENCE " + witness);
        String requestId = Api.newRequestId();
        try (Trigger refuseAtCommit = db.createTrigger("user_account",
                "CREATE CONSTRAINT TRIGGER {trigger} AFTER UPDATE ON user_account"
                        + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
                        + " WHEN (NEW.username = " + literal(username) + ") EXECUTE FUNCTION {function}()",
                "IF EXISTS (SELECT 1 FROM user_state_audit WHERE username = NEW.username AND event = 'LOCK') THEN"
                        + " PERFORM nextval(" + literal(witness) + "); END IF;"
                        + " RAISE EXCEPTION 'integration test refuses the commit for %', NEW.username;")) {

            Api.Response failed = superadmin.post("api/users/" + username + "/transitions").requestId(requestId)
                    .json(Api.json("event", "LOCK", "reason", "commit will fail")).send();

            assertThat(failed.status()).as("%s", failed).isBetween(500, 599);
            assertProblem(failed, failed.status());
            assertThat(db.queryForLong("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM " + witness))
                    .as("the audit row had been inserted when the commit failed").isEqualTo(1);
        } finally {
            db.execute("DROP SEQUENCE IF EXISTS " + witness);
        }
        assertThat(db.existingUser(username)).isEqualTo(user);
        assertThat(db.rowsOf(username)).isEqualTo(before);
        assertThat(db.rowsOfRequest(requestId)).isEmpty();

        // Without the trigger the same request goes through: the refusal was the commit's alone.
        Api.Response locked = superadmin.post("api/users/" + username + "/transitions")
                .json(Api.json("event", "LOCK")).send();
        assertThat(locked.status()).as("%s", locked).isEqualTo(200);
        assertThat(db.rowsOf(username)).hasSize(before.size() + 1);
    }

    @Test
    void aFailingAuditInsertRollsTheStateChangeBack() {
        String username = accounts.active("USER").username();
        List<AuditRow> before = db.rowsOf(username);
        UserRow user = db.existingUser(username);
        String requestId = Api.newRequestId();
        try (Trigger refuseAuditRow = db.createTrigger("user_state_audit",
                "CREATE TRIGGER {trigger} BEFORE INSERT ON user_state_audit FOR EACH ROW"
                        + " WHEN (NEW.username = " + literal(username) + ") EXECUTE FUNCTION {function}()",
                "RAISE EXCEPTION 'integration test refuses the audit row of %', NEW.username;")) {

            Api.Response failed = superadmin.post("api/users/" + username + "/transitions").requestId(requestId)
                    .json(Api.json("event", "DEACTIVATE", "reason", "audit will fail")).send();

            assertThat(failed.status()).as("%s", failed).isBetween(500, 599);
            assertProblem(failed, failed.status());
        }
        assertThat(db.existingUser(username)).isEqualTo(user);
        assertThat(db.rowsOf(username)).isEqualTo(before);
        assertThat(db.rowsOfRequest(requestId)).isEmpty();
    }

    @Test
    void ofTwoConcurrentConflictingTransitionsExactlyOneWins() throws Exception {
        String prefix = Accounts.uniqueName("race");
        List<String> users = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            users.add(accounts.active(prefix + "-" + round, "USER").username());
        }
        // Holds the first UPDATE for a moment, so the other request has surely read the same
        // version by then: the race happens every round instead of now and then.
        try (Trigger widenTheRace = db.createTrigger("user_account",
                "CREATE TRIGGER {trigger} BEFORE UPDATE ON user_account FOR EACH ROW"
                        + " WHEN (NEW.username LIKE " + literal(prefix + "-%") + ") EXECUTE FUNCTION {function}()",
                "PERFORM pg_sleep(1); RETURN NEW;")) {
            for (String username : users) {
                assertExactlyOneWins(username);
            }
        }
    }

    private void assertExactlyOneWins(String username) throws Exception {
        List<AuditRow> before = db.rowsOf(username);
        Map<String, String> targets = Map.of("LOCK", "LOCKED", "DEACTIVATE", "DEACTIVATED");
        Map<String, Api.Response> answers = race(username, "LOCK", "DEACTIVATE");

        assertThat(answers.values()).extracting(Api.Response::status).as("%s", answers)
                .containsExactlyInAnyOrder(200, 412);
        String winner = answers.entrySet().stream().filter(answer -> answer.getValue().status() == 200)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        answers.values().stream().filter(answer -> answer.status() == 412)
                .forEach(loser -> assertProblem(loser, 412));

        List<AuditRow> after = db.rowsOf(username);
        assertThat(after).as("rows of %s", username).hasSize(before.size() + 1);
        assertThat(after.get(after.size() - 1)).extracting(AuditRow::startState, AuditRow::endState, AuditRow::event)
                .containsExactly("ACTIVE", targets.get(winner), winner);
        assertThat(db.existingUser(username).state()).isEqualTo(targets.get(winner));
    }

    /**
     * Every business transaction locks the rows it changes first and the audit chains' heads last,
     * at the end of its flush (docs/INTEGRITY.md, "Concurrency"). Here the writers that lock one
     * user's row in different ways run at once, the row held a moment at each UPDATE so that they
     * overlap: transitions (the row at their flush), wrong passwords (the lockout policy locks the
     * row before anything) and group memberships (the row's key, by the foreign key). Had any of
     * them taken the heads before a row, it would wait for the row while the row's holder waits for
     * the heads; PostgreSQL breaks such a cycle by failing one transaction: a 5xx here.
     */
    @Test
    void writersLockingOneUserInDifferentWaysNeitherDeadlockNorBreakTheChains() throws Exception {
        String username = accounts.active("USER").username();
        String group = Accounts.uniqueName("lock-order");
        assertThat(superadmin.post("api/groups").json(Api.json("name", group, "description", "lock order")).send()
                .status()).isEqualTo(201);
        Api wrongPassword = api.as(username, "not-the-password");
        List<Api.Call> calls = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            calls.add(superadmin.post("api/users/" + username + "/transitions")
                    .json(Api.json("event", round % 2 == 0 ? "LOCK" : "UNLOCK", "reason", "lock order")));
            calls.add(wrongPassword.get("api/users/" + username));
            calls.add(superadmin.put("api/groups/" + group + "/members/" + username));
            calls.add(superadmin.delete("api/groups/" + group + "/members/" + username));
        }
        List<Api.Response> answers;
        try (Trigger holdTheRow = db.createTrigger("user_account",
                "CREATE TRIGGER {trigger} BEFORE UPDATE ON user_account FOR EACH ROW"
                        + " WHEN (NEW.username = " + literal(username) + ") EXECUTE FUNCTION {function}()",
                "PERFORM pg_sleep(0.2); RETURN NEW;")) {
            answers = allAtOnce(calls);
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as("%s", answer).isLessThan(500));
        assertThat(answers).filteredOn(answer -> answer.status() >= 400)
                .allSatisfy(answer -> assertProblem(answer, answer.status()));
        List<AuditRow> rows = db.rowsOf(username);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).startState()).as("row %s of %s", i, rows).isEqualTo(rows.get(i - 1).endState());
        }
        assertThat(rows.get(rows.size() - 1).endState()).isEqualTo(db.existingUser(username).state());
        Api.Response verified = superadmin.get("api/audit/verify").send();
        assertThat(verified.json().getBoolean("intact")).as("%s", verified).isTrue();
    }

    /** Sends the calls from one thread each, released at the same instant; answers in call order. */
    private static List<Api.Response> allAtOnce(List<Api.Call> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (Api.Call call : calls) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.send();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Sends one transition per event, all released at the same instant, each on the version both
     * clients read (If-Match); answers by event. Without If-Match the loser would fail on the row's
     * version all the same, as a 409 (a concurrent change), not a 412.
     */
    private Map<String, Api.Response> race(String username, String... events) throws Exception {
        String version = superadmin.get("api/users/" + username).send().header("ETag").orElseThrow();
        List<Api.Call> calls = new ArrayList<>();
        for (String event : events) {
            calls.add(superadmin.post("api/users/" + username + "/transitions")
                    .ifMatch(version).json(Api.json("event", event, "reason", "race")));
        }
        List<Api.Response> sent = allAtOnce(calls);
        Map<String, Api.Response> answers = new LinkedHashMap<>();
        for (int i = 0; i < events.length; i++) {
            answers.put(events[i], sent.get(i));
        }
        return answers;
    }
}

package org.signalaudit.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.signalaudit.signal.SignalRecorder.about;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signalaudit.account.Role;
import org.signalaudit.account.StateEvent;
import org.signalaudit.account.UserState;
import org.signalaudit.account.control.PasswordHashing;
import org.signalaudit.account.control.StateTransitions;
import org.signalaudit.account.entity.UserAccount;
import org.signalaudit.cluster.DataGrid;
import org.signalaudit.group.entity.Group;
import org.signalaudit.metrics.ChangeCounters;
import org.signalaudit.testing.AuditDatabase;
import org.signalaudit.testing.AuditDatabase.EntityRow;
import org.signalaudit.testing.Deployments;

/**
 * The model signals inside the server: the built WAR plus a test receiver that records every
 * signal. Each test works on entities with names of its own, so the shared database and the
 * shared recorder never mix tests up.
 */
@ExtendWith(ArquillianExtension.class)
class EntitySignalsIT {

    private static final Duration ASYNC = Duration.ofSeconds(10);

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationWith(SignalRecorder.class, Transactions.class, StatementCounter.class,
                AuditDatabase.class);
    }

    @Inject
    SignalRecorder recorder;

    @Inject
    Transactions transactions;

    @Inject
    ChangeCounters counters;

    @Inject
    PasswordHashing passwords;

    @Inject
    StateTransitions states;

    @Inject
    DataGrid grid;

    private final AuditDatabase db = AuditDatabase.fromSystemProperties();

    @Test
    void everyCallbackFiresItsSignalOnceInOrderPreBeforePost() {
        String name = uniqueName("order");
        transactions.commitDoing(em -> em.persist(new Group(name, "first")));
        transactions.commitDoing(em -> group(em, name).describe("second"));
        transactions.commitDoing(em -> em.remove(group(em, name)));

        List<EntityChanged> changes = changesOf(name);
        assertThat(changes).extracting(EntityChanged::kind, EntityChanged::phase).containsExactly(
                tuple(ChangeKind.CREATE, ChangePhase.PRE), tuple(ChangeKind.CREATE, ChangePhase.POST),
                tuple(ChangeKind.UPDATE, ChangePhase.PRE), tuple(ChangeKind.UPDATE, ChangePhase.POST),
                tuple(ChangeKind.DELETE, ChangePhase.PRE), tuple(ChangeKind.DELETE, ChangePhase.POST));
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.entityType()).isEqualTo("Group");
            assertThat(change.initiator()).isEqualTo(Transactions.INITIATOR);
        });
        assertThat(changes.get(1).changes()).isEqualTo(Map.of(
                "name", new FieldChange.Value(null, name), "description", new FieldChange.Value(null, "first")));
        assertThat(changes.get(3).changes()).isEqualTo(Map.of("description", new FieldChange.Value("first", "second")));
        assertThat(changes.get(5).changes()).isEqualTo(Map.of(
                "name", new FieldChange.Value(name, null), "description", new FieldChange.Value("second", null)));
        // The PRE and POST signals of one change tell the same diff.
        assertThat(changes.get(2).changes()).isEqualTo(changes.get(3).changes());
        // Loaded twice (for the update, for the delete), each time signalled once.
        assertThat(recorder.received(about(name))).filteredOn(EntityLoaded.class::isInstance).hasSize(2);

        assertThat(db.entityRowsOf("Group", name)).extracting(EntityRow::action, EntityRow::changes)
                .containsExactly(
                        tuple("CREATE", json("{\"description\":{\"old\":null,\"new\":\"first\"},\"name\":{\"old\":null,\"new\":\"" + name + "\"}}")),
                        tuple("UPDATE", json("{\"description\":{\"old\":\"first\",\"new\":\"second\"}}")),
                        tuple("DELETE", json("{\"description\":{\"old\":\"second\",\"new\":null},\"name\":{\"old\":\"" + name + "\",\"new\":null}}")));
        assertThat(db.entityRowsOf("Group", name)).allSatisfy(row -> {
            assertThat(row.initiatedBy()).isEqualTo(Transactions.INITIATOR);
            assertThat(row.occurredAt()).isNotNull();
        });
    }

    @Test
    void diffsHoldExactlyTheChangedFieldsWithSecretsMaskedAndIgnoredFieldsLeftOut() {
        String username = uniqueName("diff");
        String tokenHash = "token-hash-" + UUID.randomUUID();
        String passwordHash = "PBKDF2WithHmacSHA256:600000:" + UUID.randomUUID();
        transactions.commitDoing(em -> em.persist(new UserAccount(username, username + "@example.test", Role.USER, tokenHash)));
        transactions.commitDoing(em -> {
            UserAccount user = user(em, username);
            user.acceptInvitation(passwordHash);
            user.changeState(UserState.ACTIVE);
        });
        // Setting what is already there is no change: no signal, no row.
        transactions.commitDoing(em -> user(em, username).changeState(UserState.ACTIVE));
        // Changing only an ignored field is written to the database, and signals nothing.
        transactions.commitDoing(em -> setField(user(em, username), "failedLogins", 3));
        assertThat(db.queryForLong("SELECT failed_logins FROM user_account WHERE username = "
                + AuditDatabase.literal(username))).isEqualTo(3);

        List<EntityChanged> posts = changesOf(username).stream().filter(change -> change.phase() == ChangePhase.POST).toList();
        assertThat(posts).extracting(EntityChanged::kind).containsExactly(ChangeKind.CREATE, ChangeKind.UPDATE);
        assertThat(posts.get(0).changes()).isEqualTo(Map.of(
                "username", new FieldChange.Value(null, username),
                "email", new FieldChange.Value(null, username + "@example.test"),
                "role", new FieldChange.Value(null, "USER"),
                "state", new FieldChange.Value(null, "INVITED"),
                "invitationTokenHash", new FieldChange.Value(null, FieldChange.MASKED)));
        assertThat(posts.get(1).changes()).isEqualTo(Map.of(
                "passwordHash", new FieldChange.Value(null, FieldChange.MASKED),
                "invitationTokenHash", new FieldChange.Value(FieldChange.MASKED, null),
                "state", new FieldChange.Value("INVITED", "ACTIVE")));

        List<EntityRow> rows = db.entityRowsOf("UserAccount", username);
        assertThat(rows).extracting(EntityRow::action).containsExactly("CREATE", "UPDATE");
        assertThat(rows.get(1).changes().getJsonObject("passwordHash").getString("new")).isEqualTo(FieldChange.MASKED);
        assertThat(rows).allSatisfy(row -> assertThat(row.changes().toString())
                .doesNotContain(tokenHash).doesNotContain(passwordHash).doesNotContain("failedLogins")
                .doesNotContain("createdAt").doesNotContain("version"));
    }

    /**
     * The verified-password memo (a JCache of the data grid) is forgotten by the account's entity
     * signal once a change of the account commits, a change of state through the state machine
     * included, and not by one that rolls back. The identity store reads the state on every request
     * anyway; this proves the invalidation the cluster relies on for the rest.
     */
    @Test
    void aCommittedChangeOfAnAccountForgetsItsVerifiedPasswordAndARolledBackOneDoesNot() {
        String username = uniqueName("memo");
        String password = "memo-password-" + UUID.randomUUID();
        String hash = passwords.hash(password);
        transactions.commitDoing(em -> {
            var user = new UserAccount(username, username + "@example.test", Role.USER, "token-hash");
            user.acceptInvitation(hash);
            user.changeState(UserState.ACTIVE);
            em.persist(user);
        });
        var memo = grid.caches().orElseThrow().getCache("signal-audit.verified-passwords", String.class, String.class);

        assertThat(passwords.verify(username, password, hash)).isTrue();
        assertThat(memo.containsKey(username)).as("remembered after a verification").isTrue();
        transactions.rollBack(em -> states.apply(user(em, username), StateEvent.LOCK, Transactions.INITIATOR, "rolled back"));
        assertThat(memo.containsKey(username)).as("a rolled-back LOCK forgets nothing").isTrue();
        transactions.commitDoing(em -> states.apply(user(em, username), StateEvent.LOCK, Transactions.INITIATOR, "memo"));
        assertThat(memo.containsKey(username)).as("a committed LOCK forgets the verification").isFalse();

        assertThat(passwords.verify(username, password, hash)).isTrue();
        String newHash = passwords.hash(password + "-changed");
        transactions.commitDoing(em -> user(em, username).setPasswordHash(newHash));
        assertThat(memo.containsKey(username)).as("a committed password change forgets the verification").isFalse();
    }

    @Test
    void membershipChangesFireCollectionChangedAndWriteRowsOnBothSides() {
        String name = uniqueName("members");
        String username = uniqueName("member");
        transactions.commitDoing(em -> {
            em.persist(new UserAccount(username, username + "@example.test", Role.USER, "hash"));
            em.persist(new Group(name, null));
        });
        transactions.commitDoing(em -> group(em, name).add(user(em, username)));
        transactions.commitDoing(em -> group(em, name).remove(user(em, username)));

        assertThat(recorder.received(about(name))).filteredOn(CollectionChanged.class::isInstance)
                .extracting(signal -> (CollectionChanged) signal)
                .extracting(CollectionChanged::collection, CollectionChanged::added, CollectionChanged::removed)
                .containsExactly(tuple("members", List.of(username), List.of()), tuple("members", List.of(), List.of(username)));
        assertThat(recorder.received(about(username))).filteredOn(CollectionChanged.class::isInstance)
                .extracting(signal -> (CollectionChanged) signal)
                .extracting(CollectionChanged::collection, CollectionChanged::added, CollectionChanged::removed)
                .containsExactly(tuple("groups", List.of(name), List.of()), tuple("groups", List.of(), List.of(name)));

        assertThat(db.entityRowsOf("Group", name)).extracting(EntityRow::action, EntityRow::changes)
                .containsExactly(
                        tuple("CREATE", json("{\"name\":{\"old\":null,\"new\":\"" + name + "\"}}")),
                        tuple("UPDATE", json("{\"members\":{\"added\":[\"" + username + "\"],\"removed\":[]}}")),
                        tuple("UPDATE", json("{\"members\":{\"added\":[],\"removed\":[\"" + username + "\"]}}")));
        assertThat(db.entityRowsOf("UserAccount", username)).extracting(EntityRow::action, EntityRow::changes)
                .endsWith(
                        tuple("UPDATE", json("{\"groups\":{\"added\":[\"" + name + "\"],\"removed\":[]}}")),
                        tuple("UPDATE", json("{\"groups\":{\"added\":[],\"removed\":[\"" + name + "\"]}}")));
    }

    @Test
    void aRolledBackChangeLeavesNoRowAndReachesNoAsynchronousReceiverNorCounter() {
        String name = uniqueName("rollback");
        long created = counters.snapshot().getOrDefault("Group:CREATE", 0L);

        transactions.rollBack(em -> em.persist(new Group(name, "never committed")));

        // The synchronous receivers saw it happen inside the transaction ...
        assertThat(changesOf(name)).extracting(EntityChanged::phase).containsExactly(ChangePhase.PRE, ChangePhase.POST);
        // ... but neither the row nor the asynchronous receivers outlive the rollback.
        assertThat(db.entityRowsOf("Group", name)).isEmpty();
        String committed = uniqueName("committed");
        transactions.commitDoing(em -> em.persist(new Group(committed, null)));
        await(() -> recorder.receivedAsync(about(committed)).size() == 1);
        assertThat(recorder.receivedAsync(about(name))).isEmpty();
        // The metrics receiver observes after success: the committed group counts, the other not.
        assertThat(counters.snapshot().get("Group:CREATE")).isEqualTo(created + 1);
    }

    @Test
    void theSecondReceiverSeesTheSameCommittedSignals() {
        String name = uniqueName("counted");
        String username = uniqueName("counted-user");
        Map<String, Long> before = counters.snapshot();

        transactions.commitDoing(em -> {
            em.persist(new UserAccount(username, username + "@example.test", Role.USER, "hash"));
            em.persist(new Group(name, "counted"));
        });
        transactions.commitDoing(em -> group(em, name).describe("counted again"));
        transactions.commitDoing(em -> group(em, name).add(user(em, username)));

        await(() -> recorder.receivedAsync(about(name)).size() == 4);
        List<Object> posts = recorder.received(about(name)).stream()
                .filter(signal -> signal instanceof CollectionChanged
                        || signal instanceof EntityChanged changed && changed.phase() == ChangePhase.POST)
                .toList();
        assertThat(recorder.receivedAsync(about(name))).containsExactlyInAnyOrderElementsOf(posts);
        await(() -> counters.snapshot().getOrDefault("Group:members", 0L) >= before.getOrDefault("Group:members", 0L) + 1);
        Map<String, Long> after = counters.snapshot();
        assertThat(after.get("Group:CREATE")).isGreaterThanOrEqualTo(before.getOrDefault("Group:CREATE", 0L) + 1);
        assertThat(after.get("Group:UPDATE")).isGreaterThanOrEqualTo(before.getOrDefault("Group:UPDATE", 0L) + 2);
        assertThat(after.get("UserAccount:CREATE")).isGreaterThanOrEqualTo(before.getOrDefault("UserAccount:CREATE", 0L) + 1);
    }

    @Test
    void bulkStatementsAreAuditedWithTheirKindTargetAndRowCount() {
        String prefix = uniqueName("bulk");
        long last = db.lastEntityRowId();
        transactions.commitDoing(em -> {
            em.persist(new Group(prefix + "-a", null));
            em.persist(new Group(prefix + "-b", null));
        });
        int updated = transactions.commit(em -> em
                .createQuery("UPDATE Group g SET g.description = :description WHERE g.name LIKE :prefix")
                .setParameter("description", "set in bulk").setParameter("prefix", prefix + "-%").executeUpdate());
        int deleted = transactions.commit(em -> {
            var cb = em.getCriteriaBuilder();
            var delete = cb.createCriteriaDelete(Group.class);
            var group = delete.from(Group.class);
            return em.createQuery(delete.where(cb.like(group.get("name"), prefix + "-%"))).executeUpdate();
        });
        assertThat(updated).isEqualTo(2);
        assertThat(deleted).isEqualTo(2);

        List<EntityRow> bulk = db.entityRowsAfter(last, "Group").stream().filter(row -> row.entityId() == null).toList();
        assertThat(bulk).extracting(EntityRow::action).containsExactly("UPDATE", "DELETE");
        var update = bulk.get(0).changes().getJsonObject("bulk");
        assertThat(update.getInt("rowsAffected")).isEqualTo(2);
        assertThat(update.getString("statement")).isEqualTo("UPDATE Group g SET g.description = :description WHERE g.name LIKE :prefix");
        assertThat(update.getJsonObject("parameters").getString("description")).isEqualTo("set in bulk");
        assertThat(update.getJsonObject("parameters").getString("prefix")).isEqualTo(prefix + "-%");
        assertThat(bulk.get(1).changes().getJsonObject("bulk").getInt("rowsAffected")).isEqualTo(2);
        assertThat(bulk).allSatisfy(row -> assertThat(row.initiatedBy()).isEqualTo(Transactions.INITIATOR));
    }

    @Test
    void aBulkStatementThatWritesASecretKeepsItsValuesOutOfTheLog() {
        String username = uniqueName("bulk-secret");
        String secret = "PBKDF2WithHmacSHA256:600000:" + UUID.randomUUID();
        long last = db.lastEntityRowId();
        transactions.commitDoing(em -> em.persist(new UserAccount(username, username + "@example.test", Role.USER, "hash")));

        transactions.commit(em -> em.createQuery("UPDATE UserAccount u SET u.passwordHash = :value WHERE u.username = :username")
                .setParameter("value", secret).setParameter("username", username).executeUpdate());

        List<EntityRow> bulk = db.entityRowsAfter(last, "UserAccount").stream().filter(row -> row.entityId() == null).toList();
        assertThat(bulk).hasSize(1);
        var statement = bulk.get(0).changes().getJsonObject("bulk");
        assertThat(statement.getInt("rowsAffected")).isEqualTo(1);
        assertThat(statement.getJsonObject("parameters").values()).containsOnly(jsonString(FieldChange.MASKED));
        assertThat(bulk.get(0).changes().toString()).doesNotContain(secret).doesNotContain(username);
    }

    @Test
    void anAuditedUpdateSendsNoSelectToReadItsOldValues() {
        String name = uniqueName("no-select");
        transactions.commitDoing(em -> em.persist(new Group(name, "before")));
        StatementCounter counter = new StatementCounter();
        transactions.serverSession().getEventManager().addListener(counter);
        List<String> statements;
        try {
            statements = transactions.commit(em -> {
                Group group = group(em, name);
                counter.start();
                group.describe("after");
                em.flush();
                return counter.stop();
            });
        } finally {
            transactions.serverSession().getEventManager().removeListener(counter);
        }

        assertThat(statements).as("SQL of the audited update").hasSize(1)
                .allSatisfy(sql -> assertThat(sql).startsWithIgnoringCase("UPDATE user_group SET description = ?"));
        assertThat(db.entityRowsOf("Group", name)).last().extracting(EntityRow::changes)
                .isEqualTo(json("{\"description\":{\"old\":\"before\",\"new\":\"after\"}}"));
    }

    private List<EntityChanged> changesOf(String entityId) {
        return recorder.received(about(entityId)).stream().filter(EntityChanged.class::isInstance)
                .map(EntityChanged.class::cast).toList();
    }

    private static Group group(EntityManager em, String name) {
        return em.createNamedQuery(Group.FIND_BY_NAME, Group.class).setParameter("name", name).getSingleResult();
    }

    private static UserAccount user(EntityManager em, String username) {
        return em.createNamedQuery(UserAccount.FIND_BY_USERNAME, UserAccount.class).setParameter("username", username)
                .getSingleResult();
    }

    /**
     * Sets a field the way the entity's own code would. No production code changes the login
     * counter yet, so the test calls the setter EclipseLink wove into the entity for the field
     * (which reports the change to the unit of work), or sets the field when nothing was woven.
     */
    private static void setField(Object entity, String field, Object value) {
        try {
            Class<?> type = entity.getClass();
            var declared = type.getDeclaredField(field);
            try {
                var woven = type.getMethod("_persistence_set_" + field, declared.getType());
                woven.invoke(entity, value);
            } catch (NoSuchMethodException notWoven) {
                declared.setAccessible(true);
                declared.set(entity, value);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot set " + field, e);
        }
    }

    private static String uniqueName(String purpose) {
        return "it-" + purpose + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static JsonValue jsonString(String value) {
        return Json.createValue(value);
    }

    /** PostgreSQL's jsonb keeps its own key order: rows are compared as JSON, not as text. */
    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static void await(Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(ASYNC);
        while (!condition.get()) {
            assertThat(Instant.now()).as("waiting for the asynchronous receivers").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

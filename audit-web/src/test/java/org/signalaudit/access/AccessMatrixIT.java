package org.signalaudit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.signalaudit.access.AccessMatrixIT.Caller.ADMIN;
import static org.signalaudit.access.AccessMatrixIT.Caller.ANONYMOUS;
import static org.signalaudit.access.AccessMatrixIT.Caller.SUPERADMIN;
import static org.signalaudit.access.AccessMatrixIT.Caller.USER;
import static org.signalaudit.testing.ProblemAssertions.assertProblem;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.signalaudit.testing.Sealing;
import org.signalaudit.testing.Accounts;
import org.signalaudit.testing.AdminSession;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.ApplicationIT;
import org.signalaudit.testing.AuditDatabase;
import org.signalaudit.testing.Endpoints;

/**
 * The access-control matrix (issue 6): every endpoint of the API and every page the WAR serves,
 * against anonymous, USER, ADMIN and SUPERADMIN, asserted cell by cell; one run reports every
 * cell that is wrong. The expectations come from what the code enforces, checked against
 * DESIGN.md's state machine ("who") and the README's endpoint table:
 * <ul>
 * <li>web.xml: {@code /api/*} needs a signed-in caller of any role (anonymous: 401), except
 * {@code /api/invitations/*}; {@code /admin/*} is for ADMIN and SUPERADMIN (anonymous: to the
 * sign-in page; USER: 403), except the sign-in page; {@code override.xhtml} is SUPERADMIN only;
 * the Faces fragments under {@code tables/} and {@code dialogs/} are nobody's pages;</li>
 * <li>the EJB boundaries: {@code @RolesAllowed(ADMIN)} on the groups, the audit queries and the
 * account administration (a role includes those below it), SUPERADMIN for the override, and two
 * checks inside methods: only a SUPERADMIN invites anyone but a USER, a USER reads only themself.</li>
 * </ul>
 * An allowed cell proves that the call was authorised, not merely "not 403": a 2xx whose effect is
 * read back, or a 404/409 that only the business logic behind the role check can give. A refused
 * state-changing cell proves that nothing changed. Every target is fresh and uniquely named.
 */
class AccessMatrixIT extends ApplicationIT {

    private static final String REASON = "it: access matrix";
    private static final Pattern TITLE = Pattern.compile("<title>\\s*([^<]*)</title>");

    enum Caller { ANONYMOUS, USER, ADMIN, SUPERADMIN }

    /** The answer one caller must get: a refusal (401, 403, the sign-in page) or an authorised one. */
    record Expected(Caller caller, int status) {
        boolean refused() {
            return status == 401 || status == 403 || status == 302;
        }
    }

    static Expected anon(int status) {
        return new Expected(ANONYMOUS, status);
    }

    static Expected user(int status) {
        return new Expected(USER, status);
    }

    static Expected admin(int status) {
        return new Expected(ADMIN, status);
    }

    static Expected superadmin(int status) {
        return new Expected(SUPERADMIN, status);
    }

    /** What a cell sent back, and the evidence that tells an authorised call from a refused one. */
    record Attempt(Api.Response response, Runnable ifAllowed, Runnable ifRefused) {
        static Attempt of(Api.Response response, Runnable ifAllowed) {
            return new Attempt(response, ifAllowed, () -> { });
        }
    }

    /** Sends one cell's request as {@code caller} through {@code client}, with fresh targets. */
    interface Probe<C> {
        Attempt send(Caller caller, C client);
    }

    /** One row: a verb, a path (template), what the row tries, and the four cells in column order. */
    record Row<C>(String verb, String path, String variant, Probe<C> probe, List<Expected> cells) {
        String name() {
            return verb + " " + path + (variant.isEmpty() ? "" : " [" + variant + "]");
        }
    }

    /** Each caller's user name (none for anonymous), Basic client and signed-in admin session. */
    private final Map<Caller, String> names = new EnumMap<>(Caller.class);
    private final Map<Caller, String> passwords = new EnumMap<>(Caller.class);
    private final Map<Caller, Api> clients = new EnumMap<>(Caller.class);
    private final Map<Caller, AdminSession> sessions = new EnumMap<>(Caller.class);

    @Test
    void everyApiEndpointAnswersEachRoleAsTheTableSays() {
        enrolCallers();
        assertMatrix("API", apiTable(), clients, this::apiAnswer);
    }

    @Test
    void everyPageAnswersEachRoleAsTheTableSays() {
        enrolCallers();
        sessions.put(ANONYMOUS, new AdminSession(api));
        sessions.put(USER, signedIn(USER));
        sessions.put(ADMIN, signedIn(ADMIN));
        sessions.put(SUPERADMIN, signedIn(SUPERADMIN));
        assertMatrix("pages", pageTable(), sessions, this::pageAnswer);
    }

    /** The tables stay complete: a new resource method or page without its row fails here. */
    @Test
    void theTablesNameEveryResourceMethodAndEveryPageTheWarShips() {
        Set<String> declared = Endpoints.resourceMethods();
        Set<String> apiRows = apiTable().stream().filter(row -> !row.variant().equals(NO_RESOURCE_METHOD))
                .map(row -> row.verb() + " " + row.path()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> undeclaredRows = apiTable().stream().filter(row -> row.variant().equals(NO_RESOURCE_METHOD))
                .map(row -> row.verb() + " " + row.path()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> pageRows = pageTable().stream().map(row -> row.path().replaceFirst("\\?.*", ""))
                .collect(Collectors.toCollection(TreeSet::new));

        assertAll(
                () -> assertThat(apiRows).as("the API rows: every resource method has one").containsAll(declared),
                () -> assertThat(declared).as("the resource methods: every API row names one").containsAll(apiRows),
                () -> assertThat(declared).as("rows of verbs no resource declares").doesNotContainAnyElementsOf(undeclaredRows),
                () -> assertThat(pageRows).as("the page rows: every page of the WAR has one").containsAll(Endpoints.pages()));
    }

    // ---------------------------------------------------------------------------------------------
    // The API. Column order: anonymous, USER, ADMIN, SUPERADMIN.

    /** The variant of the rows that no resource method serves: they must stay without one. */
    static final String NO_RESOURCE_METHOD = "no resource method";

    private List<Row<Api>> apiTable() {
        return List.of(
                // Accounts: the boundary (AccountAdministration) decides; web.xml only wants a caller.
                endpoint("POST", "/api/users", "invite a USER", invite("USER"),
                        anon(401), user(403), admin(201), superadmin(201)),
                endpoint("POST", "/api/users", "invite an ADMIN", invite("ADMIN"),
                        anon(401), user(403), admin(403), superadmin(201)),
                endpoint("POST", "/api/users", "invite a SUPERADMIN", invite("SUPERADMIN"),
                        anon(401), user(403), admin(403), superadmin(201)),
                endpoint("GET", "/api/users", "", list("api/users"),
                        anon(401), user(403), admin(200), superadmin(200)),
                endpoint("GET", "/api/users/{username}", "the caller's own account", this::readSelf,
                        anon(401), user(200), admin(200), superadmin(200)),
                endpoint("GET", "/api/users/{username}", "another user", this::readOther,
                        anon(401), user(403), admin(200), superadmin(200)),
                // A USER learns nothing about who exists: the role check comes before the lookup.
                endpoint("GET", "/api/users/{username}", "an unknown name", this::readUnknown,
                        anon(401), user(403), admin(404), superadmin(404)),
                // As of a moment the user is rebuilt from the audit rows: a read of the audit log
                // (EntityHistories is @RolesAllowed(ADMIN)), even of the caller's own account.
                endpoint("GET", "/api/users/{username}", "the caller's own account as of now", this::readSelfAsOf,
                        anon(401), user(403), admin(200), superadmin(200)),
                endpoint("POST", "/api/users/{username}/transitions", "ACTIVATE an INVITED user",
                        transition("INVITED", "ACTIVATE", "ACTIVE"), anon(401), user(403), admin(200), superadmin(200)),
                endpoint("POST", "/api/users/{username}/transitions", "LOCK an ACTIVE user",
                        transition("ACTIVE", "LOCK", "LOCKED"), anon(401), user(403), admin(200), superadmin(200)),
                endpoint("POST", "/api/users/{username}/transitions", "UNLOCK a LOCKED user",
                        transition("LOCKED", "UNLOCK", "ACTIVE"), anon(401), user(403), admin(200), superadmin(200)),
                endpoint("POST", "/api/users/{username}/transitions", "DEACTIVATE an ACTIVE user",
                        transition("ACTIVE", "DEACTIVATE", "DEACTIVATED"), anon(401), user(403), admin(200), superadmin(200)),
                endpoint("POST", "/api/users/{username}/transitions", "REACTIVATE a DEACTIVATED user",
                        transition("DEACTIVATED", "REACTIVATE", "ACTIVE"), anon(401), user(403), admin(200), superadmin(200)),
                // The state machine answers only callers past the role check: 409, not 403.
                endpoint("POST", "/api/users/{username}/transitions", "LOCK an INVITED user (illegal)",
                        transition("INVITED", "LOCK", "INVITED"), anon(401), user(403), admin(409), superadmin(409)),
                endpoint("PUT", "/api/users/{username}/state", "override INVITED to LOCKED", this::override,
                        anon(401), user(403), admin(403), superadmin(200)),
                endpoint("POST", "/api/invitations/accept", "a valid token", this::accept,
                        anon(200), user(200), admin(200), superadmin(200)),

                // The audit trail: AuditQueries and EntityChangeQueries are @RolesAllowed(ADMIN).
                endpoint("GET", "/api/audit/state-changes", "", list("api/audit/state-changes"),
                        anon(401), user(403), admin(200), superadmin(200)),
                endpoint("GET", "/api/audit/requests", "", list("api/audit/requests"),
                        anon(401), user(403), admin(200), superadmin(200)),
                endpoint("GET", "/api/audit/requests/{requestId}", "a request that wrote a row", this::requestDetail,
                        anon(401), user(403), admin(200), superadmin(200)),
                endpoint("GET", "/api/audit/logins", "", list("api/audit/logins"),
                        anon(401), user(403), admin(200), superadmin(200)),
                endpoint("GET", "/api/audit/entity-changes", "", list("api/audit/entity-changes"),
                        anon(401), user(403), admin(200), superadmin(200)),
                endpoint("GET", "/api/audit/entities/{type}/{id}", "",
                        read("api/audit/entities/UserAccount/" + Api.SUPERADMIN, "attributes", "upTo"),
                        anon(401), user(403), admin(200), superadmin(200)),
                endpoint("GET", "/api/audit/entities/{type}/{id}/history", "",
                        list("api/audit/entities/UserAccount/" + Api.SUPERADMIN + "/history"),
                        anon(401), user(403), admin(200), superadmin(200)),
                // The export checks the role before its first byte (ExportResource), and AuditExports
                // is @RolesAllowed(ADMIN).
                endpoint("GET", "/api/audit/export", "", this::export,
                        anon(401), user(403), admin(200), superadmin(200)),
                // The evidence pack checks the role before its first byte (EvidenceResource), and
                // EvidencePacks is @RolesAllowed(ADMIN).
                endpoint("GET", "/api/audit/evidence", "", this::evidence,
                        anon(401), user(403), admin(200), superadmin(200)),
                // The sealed log's checkpoint and proofs: SealedLogProofs is @RolesAllowed(ADMIN, SUPERADMIN).
                endpoint("GET", "/api/audit/checkpoint", "", read("api/audit/checkpoint", "treeSize", "rootHash", "note"),
                        anon(401), user(403), admin(200), superadmin(200)),
                endpoint("GET", "/api/audit/checkpoint/key", "", read("api/audit/checkpoint/key", "keyId", "verifierKey"),
                        anon(401), user(403), admin(200), superadmin(200)),
                endpoint("GET", "/api/audit/proofs/inclusion", "the first sealed row",
                        read("api/audit/proofs/inclusion?table=state&id=" + firstStateRow(), "leafIndex", "auditPath"),
                        anon(401), user(403), admin(200), superadmin(200)),
                endpoint("GET", "/api/audit/proofs/consistency", "", read("api/audit/proofs/consistency?from=1&to=1", "proof"),
                        anon(401), user(403), admin(200), superadmin(200)),
                // The integrity checks read whole tables: SUPERADMIN only (the endpoint contract,
                // IntegrityChecks is @RolesAllowed(SUPERADMIN)).
                endpoint("GET", "/api/audit/verify", "", read("api/audit/verify", "intact", "rows", "tables"),
                        anon(401), user(403), admin(403), superadmin(200)),
                endpoint("GET", "/api/audit/replay-check", "", read("api/audit/replay-check", "clean", "users", "rows", "mismatches"),
                        anon(401), user(403), admin(403), superadmin(200)),
                // Retention and legal holds: RetentionRuns and LegalHolds are @RolesAllowed(SUPERADMIN).
                endpoint("POST", "/api/audit/retention/run", "", this::runRetention,
                        anon(401), user(403), admin(403), superadmin(200)),
                endpoint("GET", "/api/audit/retention/schedule", "",
                        read("api/audit/retention/schedule", "retentionMonths", "months", "retired"),
                        anon(401), user(403), admin(403), superadmin(200)),
                endpoint("GET", "/api/audit/holds", "", this::listHolds,
                        anon(401), user(403), admin(403), superadmin(200)),
                endpoint("POST", "/api/audit/holds", "", this::placeHold,
                        anon(401), user(403), admin(403), superadmin(201)),
                endpoint("DELETE", "/api/audit/holds/{id}", "an active hold", this::releaseHold,
                        anon(401), user(403), admin(403), superadmin(200)),

                // Groups: GroupAdministration is @RolesAllowed(ADMIN).
                endpoint("POST", "/api/groups", "", this::createGroup,
                        anon(401), user(403), admin(201), superadmin(201)),
                endpoint("GET", "/api/groups", "", list("api/groups"),
                        anon(401), user(403), admin(200), superadmin(200)),
                endpoint("GET", "/api/groups/{name}", "", this::readGroup,
                        anon(401), user(403), admin(200), superadmin(200)),
                endpoint("PATCH", "/api/groups/{name}", "", this::describeGroup,
                        anon(401), user(403), admin(200), superadmin(200)),
                endpoint("DELETE", "/api/groups/{name}", "", this::deleteGroup,
                        anon(401), user(403), admin(204), superadmin(204)),
                endpoint("PUT", "/api/groups/{name}/members/{username}", "", this::addMember,
                        anon(401), user(403), admin(200), superadmin(200)),
                endpoint("DELETE", "/api/groups/{name}/members/{username}", "", this::removeMember,
                        anon(401), user(403), admin(200), superadmin(200)),

                // A verb no resource declares is no way around the checks.
                endpoint("DELETE", "/api/users/{username}", NO_RESOURCE_METHOD, undeclared("DELETE"),
                        anon(401), user(405), admin(405), superadmin(405)),
                endpoint("PUT", "/api/audit/state-changes", NO_RESOURCE_METHOD, undeclared("PUT"),
                        anon(401), user(405), admin(405), superadmin(405)),
                // The API's root is under its constraint as well: a 401, never the sign-in page.
                endpoint("GET", "/api", NO_RESOURCE_METHOD, read("api", "status"),
                        anon(401), user(404), admin(404), superadmin(404)));
    }

    /**
     * The form every API answer must have: a refusal or a failure is problem+json with its request
     * id and no trace. (A 2xx may well say "Exception": the request trail lists error classes.)
     */
    private void apiAnswer(Expected expected, Api.Response response) {
        if (expected.status() >= 400) {
            assertProblem(response, expected.status());
        }
        if (expected.status() == 401) {
            assertThat(response.header("WWW-Authenticate")).as("the Basic challenge").isPresent();
        }
    }

    private Probe<Api> invite(String role) {
        return (caller, client) -> {
            String name = Accounts.uniqueName("matrix");
            Api.Response answer = client.post("api/users")
                    .json(Api.json("username", name, "email", name + "@example.test", "role", role)).send();
            return new Attempt(answer, () -> {
                assertThat(answer.json().getString("invitationToken")).isNotBlank();
                assertThat(db.existingUser(name).role()).isEqualTo(role);
            }, () -> assertThat(db.user(name)).as("user %s after a refused invitation", name).isEmpty());
        };
    }

    private Probe<Api> list(String path) {
        return read(path, "items", "next");
    }

    /** The oldest state row (the bootstrap's), sealed: every caller may ask for its proof. */
    private long firstStateRow() {
        long id = db.queryForLong("SELECT min(id) FROM user_state_audit");
        Sealing.awaitSealed(db, "state", id);
        return id;
    }

    /** A read whose JSON answer has these members: only the query behind the role check writes them. */
    private Probe<Api> read(String path, String... members) {
        return (caller, client) -> {
            Api.Response answer = client.get(path).send();
            return Attempt.of(answer, () -> assertThat(answer.json().keySet()).contains(members));
        };
    }

    private Attempt readSelf(Caller caller, Api client) {
        String self = names.getOrDefault(caller, Api.SUPERADMIN);
        Api.Response answer = client.get("api/users/" + self).send();
        return Attempt.of(answer, () -> assertThat(answer.json().getString("username")).isEqualTo(self));
    }

    private Attempt readSelfAsOf(Caller caller, Api client) {
        String self = names.getOrDefault(caller, Api.SUPERADMIN);
        Api.Response answer = client.get("api/users/" + self + "?asOf=" + java.time.Instant.now()).send();
        return Attempt.of(answer, () -> assertThat(answer.json().getString("state")).isEqualTo("ACTIVE"));
    }

    private Attempt export(Caller caller, Api client) {
        Api.Response answer = client.get("api/audit/export?table=state&username=" + Api.SUPERADMIN).send();
        return Attempt.of(answer, () -> assertThat(answer.body()).startsWith("id,username,initiatedBy,"));
    }

    /** A run writes its request-trail row (category RETENTION) only past the role check. */
    private Attempt runRetention(Caller caller, Api client) {
        String reason = REASON + " " + Accounts.uniqueName("run");
        Api.Response answer = client.post("api/audit/retention/run").json(Api.json("reason", reason)).send();
        return new Attempt(answer, () -> assertThat(retentionRows(reason)).isOne(),
                () -> assertThat(retentionRows(reason)).as("trail rows of a refused run").isZero());
    }

    private long retentionRows(String text) {
        return db.select("SELECT id FROM request_audit WHERE category = 'RETENTION' AND path LIKE ?", "%" + text + "%")
                .size();
    }

    private Attempt listHolds(Caller caller, Api client) {
        Api.Response answer = client.get("api/audit/holds").send();
        return Attempt.of(answer, () -> assertThat(answer.body()).startsWith("["));
    }

    private Attempt placeHold(Caller caller, Api client) {
        String username = Accounts.uniqueName("held");
        Api.Response answer = client.post("api/audit/holds").json(Api.json("username", username, "reason", REASON)).send();
        return new Attempt(answer, () -> assertThat(holdsOf(username)).isOne(),
                () -> assertThat(holdsOf(username)).as("holds after a refused placement").isZero());
    }

    private Attempt releaseHold(Caller caller, Api client) {
        String username = Accounts.uniqueName("held");
        long id = api.asSuperadmin().post("api/audit/holds").json(Api.json("username", username, "reason", REASON))
                .send().json().getJsonNumber("id").longValue();
        Api.Response answer = client.delete("api/audit/holds/" + id + "?reason=it").send();
        return new Attempt(answer, () -> assertThat(activeHolds(id)).isZero(),
                () -> assertThat(activeHolds(id)).as("hold %d after a refused release", id).isOne());
    }

    private long holdsOf(String username) {
        return db.queryForLong("SELECT count(*) FROM legal_hold WHERE username = " + AuditDatabase.literal(username));
    }

    private long activeHolds(long id) {
        return db.queryForLong("SELECT count(*) FROM legal_hold WHERE released_at IS NULL AND id = " + id);
    }

    /** A ZIP (it starts with "PK") that the pack's writer alone produces. */
    private Attempt evidence(Caller caller, Api client) {
        Api.Response answer = client.get("api/audit/evidence?table=state&username=" + Api.SUPERADMIN).send();
        return Attempt.of(answer, () -> {
            assertThat(answer.contentType()).isEqualTo("application/zip");
            assertThat(answer.body()).startsWith("PK");
        });
    }

    private Attempt readOther(Caller caller, Api client) {
        String other = accounts.inState("INVITED");
        Api.Response answer = client.get("api/users/" + other).send();
        return Attempt.of(answer, () -> assertThat(answer.json().getString("username")).isEqualTo(other));
    }

    private Attempt readUnknown(Caller caller, Api client) {
        String nobody = Accounts.uniqueName("nobody");
        Api.Response answer = client.get("api/users/" + nobody).send();
        return Attempt.of(answer, () -> assertThat(answer.json().getString("detail")).contains(nobody));
    }

    /** {@code event} on a fresh user in {@code from}: authorised, it ends in {@code to}; refused, it stays. */
    private Probe<Api> transition(String from, String event, String to) {
        return (caller, client) -> {
            String target = accounts.inState(from);
            Api.Response answer = client.post("api/users/" + target + "/transitions")
                    .json(Api.json("event", event, "reason", REASON)).send();
            return new Attempt(answer, () -> {
                assertState(target, to);
                if (answer.status() == 409) {
                    assertThat(answer.json().getString("detail")).contains(event + " is not allowed from " + from);
                }
            }, () -> assertState(target, from));
        };
    }

    private Attempt override(Caller caller, Api client) {
        String target = accounts.inState("INVITED");
        Api.Response answer = client.put("api/users/" + target + "/state")
                .json(Api.json("state", "LOCKED", "reason", REASON)).send();
        return new Attempt(answer, () -> assertState(target, "LOCKED"), () -> assertState(target, "INVITED"));
    }

    /** Anyone holding an invitation's token may accept it, signed in or not. */
    private Attempt accept(Caller caller, Api client) {
        Accounts.Invited invited = accounts.invite("USER");
        Api.Response answer = client.post("api/invitations/accept").json(Api.json("username", invited.username(),
                "token", invited.token(), "password", "pw-" + UUID.randomUUID())).send();
        return new Attempt(answer, () -> assertState(invited.username(), "ACTIVE"),
                () -> assertState(invited.username(), "INVITED"));
    }

    /** The detail of a request that wrote a state row (an invitation), so only the query can find it. */
    private Attempt requestDetail(Caller caller, Api client) {
        String requestId = Api.newRequestId();
        String invitee = Accounts.uniqueName("matrix");
        assertThat(superadmin.post("api/users").requestId(requestId)
                .json(Api.json("username", invitee, "email", invitee + "@example.test", "role", "USER"))
                .send().status()).isEqualTo(201);
        Api.Response answer = client.get("api/audit/requests/" + requestId).send();
        return Attempt.of(answer, () -> assertThat(answer.json().getJsonArray("stateChanges"))
                .extracting(row -> row.asJsonObject().getString("username")).containsExactly(invitee));
    }

    private Attempt createGroup(Caller caller, Api client) {
        String name = Accounts.uniqueName("group");
        Api.Response answer = client.post("api/groups").json(Api.json("name", name, "description", REASON)).send();
        return new Attempt(answer, () -> assertThat(groupStatus(name)).isEqualTo(200),
                () -> assertThat(groupStatus(name)).as("group %s after a refused creation", name).isEqualTo(404));
    }

    private Attempt readGroup(Caller caller, Api client) {
        String name = group();
        Api.Response answer = client.get("api/groups/" + name).send();
        return Attempt.of(answer, () -> assertThat(answer.json().getString("name")).isEqualTo(name));
    }

    private Attempt describeGroup(Caller caller, Api client) {
        String name = group();
        String described = "described by " + caller;
        Api.Response answer = client.patch("api/groups/" + name).json(Api.json("description", described)).send();
        return new Attempt(answer, () -> assertThat(group(name).getString("description")).isEqualTo(described),
                () -> assertThat(group(name).getString("description")).isEqualTo(REASON));
    }

    private Attempt deleteGroup(Caller caller, Api client) {
        String name = group();
        Api.Response answer = client.delete("api/groups/" + name).send();
        return new Attempt(answer, () -> assertThat(groupStatus(name)).isEqualTo(404),
                () -> assertThat(groupStatus(name)).as("group %s after a refused deletion", name).isEqualTo(200));
    }

    private Attempt addMember(Caller caller, Api client) {
        String name = group();
        String member = accounts.inState("INVITED");
        Api.Response answer = client.put("api/groups/" + name + "/members/" + member).send();
        return new Attempt(answer, () -> assertThat(members(name)).containsExactly(member),
                () -> assertThat(members(name)).isEmpty());
    }

    private Attempt removeMember(Caller caller, Api client) {
        String name = group();
        String member = accounts.inState("INVITED");
        assertThat(superadmin.put("api/groups/" + name + "/members/" + member).send().status()).isEqualTo(200);
        Api.Response answer = client.delete("api/groups/" + name + "/members/" + member).send();
        return new Attempt(answer, () -> assertThat(members(name)).isEmpty(),
                () -> assertThat(members(name)).containsExactly(member));
    }

    /** A verb on a path that has other verbs: 405 for every caller the container lets through. */
    private Probe<Api> undeclared(String verb) {
        return (caller, client) -> {
            String target = accounts.inState("INVITED");
            Api.Response answer = verb.equals("DELETE")
                    ? client.delete("api/users/" + target).send()
                    : client.put("api/audit/state-changes").json(Api.json("event", "LOCK")).send();
            return Attempt.of(answer, () -> assertState(target, "INVITED"));
        };
    }

    // ---------------------------------------------------------------------------------------------
    // The pages (every file the WAR serves, and the addresses that lead to them).
    // Column order: anonymous, USER, ADMIN, SUPERADMIN. 302 is "sent to the sign-in page".

    private List<Row<AdminSession>> pageTable() {
        return List.of(
                page("/", "Signal Audit", anon(200), user(200), admin(200), superadmin(200)),
                page("/index.html", "Signal Audit", anon(200), user(200), admin(200), superadmin(200)),
                // The API's documentation (Swagger UI): public, it only shows the public /openapi document.
                page("/api-docs/index.html", "Signal Audit API", anon(200), user(200), admin(200), superadmin(200)),
                page("/admin/signin", "Sign in", anon(200), user(200), admin(200), superadmin(200)),
                page("/admin/signin.xhtml", "Sign in", anon(200), user(200), admin(200), superadmin(200)),
                dashboard("/admin/", anon(302), user(403), admin(200), superadmin(200)),
                dashboard("/admin/dashboard.xhtml", anon(302), user(403), admin(200), superadmin(200)),
                page("/admin/users.xhtml", "Users", anon(302), user(403), admin(200), superadmin(200)),
                new Row<>("GET", "/admin/user.xhtml?name={username}", "", this::userPage,
                        List.of(anon(302), user(403), admin(200), superadmin(200))),
                page("/admin/audit.xhtml", "Audit log", anon(302), user(403), admin(200), superadmin(200)),
                page("/admin/retention.xhtml", "Retention and legal holds", anon(302), user(403), admin(403),
                        superadmin(200)),
                page("/admin/history.xhtml?type=UserAccount&id=" + Api.SUPERADMIN, "History of UserAccount",
                        anon(302), user(403), admin(200), superadmin(200)),
                // A protected view: even a SUPERADMIN opens it only from the link the application
                // rendered, never typed or from another site; the others are refused before that.
                new Row<>("GET", "/admin/override.xhtml?name={username}", "typed, without the link's token",
                        this::typedOverridePage, List.of(anon(302), user(403), admin(403), superadmin(302))),
                new Row<>("GET", "/admin/override.xhtml?name={username}&jakarta.faces.Token={token}",
                        "the link the user page rendered for the superadmin", this::overridePage,
                        List.of(anon(302), user(403), admin(403), superadmin(200))),
                // Faces fragments are parts of pages, never pages of their own.
                page("/admin/tables/stateChanges.xhtml", "", anon(403), user(403), admin(403), superadmin(403)),
                page("/admin/tables/requests.xhtml", "", anon(403), user(403), admin(403), superadmin(403)),
                page("/admin/tables/requestLink.xhtml", "", anon(403), user(403), admin(403), superadmin(403)),
                page("/admin/tables/logins.xhtml", "", anon(403), user(403), admin(403), superadmin(403)),
                page("/admin/tables/entityChanges.xhtml", "", anon(403), user(403), admin(403), superadmin(403)),
                page("/admin/tables/diff.xhtml", "", anon(403), user(403), admin(403), superadmin(403)),
                page("/admin/dialogs/invite.xhtml", "", anon(403), user(403), admin(403), superadmin(403)),
                page("/admin/dialogs/request.xhtml", "", anon(403), user(403), admin(403), superadmin(403)),
                page("/admin/dialogs/confirmOverride.xhtml", "", anon(403), user(403), admin(403), superadmin(403)),
                // The error pages hold no data: anyone may see them.
                page("/errors/forbidden.xhtml", "Not allowed", anon(200), user(200), admin(200), superadmin(200)),
                page("/errors/expired.xhtml", "Page expired", anon(200), user(200), admin(200), superadmin(200)),
                page("/errors/failure.html", "Something went wrong", anon(200), user(200), admin(200), superadmin(200)),
                // The screens' style sheet is needed by the sign-in page, before anyone signs in.
                page("/jakarta.faces.resource/admin.css.xhtml?ln=signal-audit", "", anon(200), user(200), admin(200),
                        superadmin(200)),
                // The two sign-ins never cross, however the path is spelled: the API ignores the
                // screens' session, the screens ignore Basic credentials, and a path is judged as
                // the container maps it (the raw /api/../admin/ used to be given to Basic).
                new Row<>("GET", "/api/users", "the admin session instead of Basic credentials",
                        (caller, session) -> Attempt.of(session.get("api/users", Api.newRequestId()), () -> { }),
                        List.of(anon(401), user(401), admin(401), superadmin(401))),
                new Row<>("GET", "/admin/../api/users", "as written, with the admin session",
                        (caller, session) -> Attempt.of(session.getAsWritten("admin/../api/users", Api.newRequestId()),
                                () -> { }),
                        List.of(anon(401), user(401), admin(401), superadmin(401))),
                new Row<>("GET", "/api/../admin/users.xhtml", "as written, Basic credentials and no session",
                        this::pageByBasic, List.of(anon(302), user(302), admin(302), superadmin(302))),
                // A path that merely starts like an excluded one is still a page, and in the trail.
                new Row<>("GET", "/health/../admin/users.xhtml", "as written", this::trailedPage,
                        List.of(anon(302), user(403), admin(200), superadmin(200))),
                // WEB-INF is never served, to anyone.
                page("/WEB-INF/web.xml", "", anon(404), user(404), admin(404), superadmin(404)),
                page("/WEB-INF/templates/admin.xhtml", "", anon(404), user(404), admin(404), superadmin(404)));
    }

    /**
     * The form of every page answer: an anonymous caller's 302 leads to the sign-in page (a
     * signed-in caller's 302 is the row's business); a 403 is the application's "Not allowed"
     * page; a 401 (the API's) is problem+json; nothing shows a stack frame. (Pages do say
     * "Exception": PrimeFaces' configuration names the exceptions that have error pages.)
     */
    private void pageAnswer(Expected expected, Api.Response response) {
        assertThat(response.body()).as("a page").doesNotContainPattern("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)");
        if (expected.status() == 401) {
            assertProblem(response, 401);
        }
        if (expected.status() == 302 && expected.caller() == ANONYMOUS) {
            assertSignInPage(response);
        }
        if (expected.status() == 403) {
            assertThat(title(response)).startsWith("Not allowed");
        }
    }

    /** A page by its address; authorised, it is the page whose title starts with {@code title}. */
    private Row<AdminSession> page(String path, String title, Expected... cells) {
        Probe<AdminSession> probe = (caller, session) -> {
            Api.Response answer = session.get(path.substring(1), Api.newRequestId());
            return Attempt.of(answer, () -> {
                if (answer.status() == 200 && !title.isEmpty()) {
                    assertThat(title(answer)).startsWith(title);
                }
                if (answer.status() == 404) {
                    assertThat(answer.body()).doesNotContain("security-constraint").doesNotContain("ui:insert");
                }
            });
        };
        return new Row<>("GET", path, "", probe, List.of(cells));
    }

    /** The dashboard; a SUPERADMIN also sees the integrity panel (its checks are SUPERADMIN's), an ADMIN does not. */
    private Row<AdminSession> dashboard(String path, Expected... cells) {
        Probe<AdminSession> probe = (caller, session) -> {
            Api.Response answer = session.get(path.substring(1), Api.newRequestId());
            return Attempt.of(answer, () -> {
                assertThat(title(answer)).startsWith("Dashboard");
                assertThat(answer.body().contains("id=\"integrityForm\"")).as("the integrity panel shown")
                        .isEqualTo(caller == SUPERADMIN);
            });
        };
        return new Row<>("GET", path, "", probe, List.of(cells));
    }

    /** The user page; a SUPERADMIN also sees the link to the override, an ADMIN does not. */
    private Attempt userPage(Caller caller, AdminSession session) {
        String target = accounts.inState("INVITED");
        Api.Response answer = session.get("admin/user.xhtml?name=" + target, Api.newRequestId());
        return Attempt.of(answer, () -> {
            assertThat(title(answer)).startsWith("User " + target);
            assertThat(answer.body().contains("id=\"user:override\"")).as("the override link shown")
                    .isEqualTo(caller == SUPERADMIN);
        });
    }

    /** The users screen with the caller's Basic credentials: the screens want their own sign-in. */
    private Attempt pageByBasic(Caller caller, AdminSession session) {
        Api.Response answer = clients.get(caller).get("api/../admin/users.xhtml").asWritten().send();
        return new Attempt(answer, () -> { }, () -> assertSignInPage(answer));
    }

    /** The users screen by a path that starts like one the trail excludes: it has its trail row all the same. */
    private Attempt trailedPage(Caller caller, AdminSession session) {
        String requestId = Api.newRequestId();
        Api.Response answer = session.getAsWritten("health/../admin/users.xhtml", requestId);
        Runnable trailed = () -> assertThat(db.awaitRequestRow(requestId)).containsEntry("status", answer.status());
        return new Attempt(answer, () -> {
            assertThat(title(answer)).startsWith("Users");
            trailed.run();
        }, trailed);
    }

    /** The override page typed by hand: a SUPERADMIN is sent to "Page expired", the state unchanged. */
    private Attempt typedOverridePage(Caller caller, AdminSession session) {
        String target = accounts.inState("INVITED");
        Api.Response answer = session.get("admin/override.xhtml?name=" + target, Api.newRequestId());
        return new Attempt(answer, () -> { }, () -> {
            if (caller == SUPERADMIN) {
                assertThat(answer.header("Location")).hasValueSatisfying(
                        location -> assertThat(location).endsWith("/errors/expired.xhtml"));
            }
            assertState(target, "INVITED");
        });
    }

    /** The override page by the link the superadmin's user page rendered, in each caller's session. */
    private Attempt overridePage(Caller caller, AdminSession session) {
        String target = accounts.inState("INVITED");
        String link = sessions.get(SUPERADMIN).link("admin/user.xhtml?name=" + target, "user:override")
                .orElseThrow(() -> new AssertionError("no override link on the superadmin's user page"));
        assertThat(link).contains("jakarta.faces.Token=");
        Api.Response answer = session.get(link, Api.newRequestId());
        return Attempt.of(answer, () -> {
            assertThat(title(answer)).startsWith("Override the state of " + target);
            assertThat(answer.body()).contains("id=\"override:reason\"");
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Running the matrix.

    /**
     * Runs every cell, even after failures, and reports each failed cell (verb, path, role,
     * expected, actual) in the table's order. The four columns run side by side, each in its own
     * thread and in row order, so one caller's session never sees two requests at once; every
     * cell has targets of its own, so the columns cannot disturb each other.
     */
    private <C> void assertMatrix(String heading, List<Row<C>> table, Map<Caller, C> clients,
                                  BiConsumer<Expected, Api.Response> answerForm) {
        for (Row<C> row : table) {
            assertThat(row.cells()).extracting(Expected::caller).as("columns of %s", row.name())
                    .containsExactly(Caller.values());
        }
        long started = System.nanoTime();
        Map<Caller, List<Throwable>> failures = new EnumMap<>(Caller.class);
        ExecutorService columns = Executors.newFixedThreadPool(Caller.values().length);
        try {
            Map<Caller, Future<List<Throwable>>> running = new EnumMap<>(Caller.class);
            for (Caller caller : Caller.values()) {
                running.put(caller, columns.submit(() -> table.stream()
                        .map(row -> failureOf(row, row.cells().get(caller.ordinal()), clients.get(caller), answerForm))
                        .toList()));
            }
            for (Caller caller : Caller.values()) {
                failures.put(caller, running.get(caller).get(5, TimeUnit.MINUTES));
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The " + heading + " matrix did not complete", e);
        } finally {
            columns.shutdownNow();
            System.out.printf("%s access matrix: %d cells in %d ms%n", heading, table.size() * Caller.values().length,
                    (System.nanoTime() - started) / 1_000_000);
        }
        assertAll(heading + " access matrix", IntStream.range(0, table.size()).boxed()
                .flatMap(row -> Arrays.stream(Caller.values()).map(caller -> failures.get(caller).get(row)))
                .filter(Objects::nonNull)
                .map(failure -> (Executable) () -> {
                    throw failure;
                }));
    }

    /** The cell's failure, or null when it answered as the table says. */
    private <C> Throwable failureOf(Row<C> row, Expected expected, C client, BiConsumer<Expected, Api.Response> answerForm) {
        try {
            cell(row, expected, client, answerForm);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e;
        }
    }

    private <C> void cell(Row<C> row, Expected expected, C client, BiConsumer<Expected, Api.Response> answerForm) {
        String cell = row.name() + " as " + expected.caller() + ": expected " + expected.status();
        Attempt attempt;
        try {
            attempt = row.probe().send(expected.caller(), client);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(cell + ", but the set-up or the call failed: " + abbreviate(e.getMessage()), e);
        }
        Api.Response response = attempt.response();
        if (response.status() != expected.status()) {
            throw new AssertionError(cell + ", got " + brief(response));
        }
        try {
            answerForm.accept(expected, response);
            (expected.refused() ? attempt.ifRefused() : attempt.ifAllowed()).run();
        } catch (AssertionError e) {
            throw new AssertionError(cell + " and got it, but " + (expected.refused() ? "the refusal" : "the answer")
                    + " is wrong: " + abbreviate(e.getMessage()) + "\n  answer: " + brief(response), e);
        }
    }

    private static String brief(Api.Response response) {
        return response.status() + " " + response.contentType() + " " + abbreviate(response.body());
    }

    /** A page or an assertion quoting one is thousands of characters; the start tells enough. */
    private static String abbreviate(String text) {
        String line = String.valueOf(text).replaceAll("\\s+", " ");
        return line.length() > 400 ? line.substring(0, 400) + "..." : line;
    }

    // ---------------------------------------------------------------------------------------------
    // Fixtures and evidence.

    /** A fresh USER and ADMIN for this test (invited by the superadmin, activated by their token). */
    private void enrolCallers() {
        var user = accounts.active("USER");
        var admin = accounts.active("ADMIN");
        names.put(USER, user.username());
        names.put(ADMIN, admin.username());
        names.put(SUPERADMIN, Api.SUPERADMIN);
        passwords.put(USER, user.password());
        passwords.put(ADMIN, admin.password());
        passwords.put(SUPERADMIN, Api.SUPERADMIN_PASSWORD);
        clients.put(ANONYMOUS, api.anonymous());
        clients.put(USER, user.client(api));
        clients.put(ADMIN, admin.client(api));
        clients.put(SUPERADMIN, superadmin);
    }

    private AdminSession signedIn(Caller caller) {
        var session = new AdminSession(api);
        assertThat(session.signIn(names.get(caller), passwords.get(caller), Api.newRequestId()).status())
                .as("sign-in of %s", names.get(caller)).isEqualTo(302);
        return session;
    }

    private static void assertSignInPage(Api.Response redirect) {
        assertThat(redirect.header("Location")).as("where the redirect leads")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/admin/signin"));
    }

    private void assertState(String username, String state) {
        assertThat(db.existingUser(username).state()).as("state of %s", username).isEqualTo(state);
    }

    /** A fresh group with the description {@link #REASON}, created by the superadmin. */
    private String group() {
        String name = Accounts.uniqueName("group");
        Api.Response created = superadmin.post("api/groups").json(Api.json("name", name, "description", REASON)).send();
        assertThat(created.status()).as("creation of group %s: %s", name, created).isEqualTo(201);
        return name;
    }

    private JsonObject group(String name) {
        Api.Response found = superadmin.get("api/groups/" + name).send();
        assertThat(found.status()).as("group %s: %s", name, found).isEqualTo(200);
        return found.json();
    }

    private int groupStatus(String name) {
        return superadmin.get("api/groups/" + name).send().status();
    }

    private List<String> members(String name) {
        return group(name).getJsonArray("members").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }

    private static String title(Api.Response page) {
        var title = TITLE.matcher(page.body());
        return title.find() ? title.group(1).trim() : "(no title) " + brief(page);
    }

    private static Row<Api> endpoint(String verb, String path, String variant, Probe<Api> probe, Expected... cells) {
        return new Row<>(verb, path, variant, probe, List.of(cells));
    }
}

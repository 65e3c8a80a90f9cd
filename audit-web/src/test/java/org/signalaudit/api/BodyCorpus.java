package org.signalaudit.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.signalaudit.api.CorpusBuilder.json;

/**
 * The corpus for request bodies: every command endpoint with broken JSON, wrong types, unknown,
 * missing and null fields, invalid enums, hostile text in every field, bytes that are not UTF-8,
 * enormous bodies and wrong content types. Each command's base body is refused on its own (a
 * taken name, an illegal transition, an unknown target), so no variant can change anything
 * even if the server ignored what is wrong with it.
 */
final class BodyCorpus {

    /** One command endpoint and its base body, field by field as JSON values. */
    record Command(String name, String method, String path, boolean anonymous, Map<String, String> fields,
                   Set<String> enums) {

        String body() {
            return with(Map.of());
        }

        /** The base body with some fields replaced by raw JSON values (null: left out). */
        String with(Map<String, String> replaced) {
            var members = new ArrayList<String>();
            var all = new LinkedHashMap<>(fields);
            all.putAll(replaced);
            all.forEach((name, value) -> {
                if (value != null) {
                    members.add(json(name) + ":" + value);
                }
            });
            return "{" + String.join(",", members) + "}";
        }

        String with(String field, String value) {
            var replaced = new LinkedHashMap<String, String>();
            replaced.put(field, value);
            return with(replaced);
        }
    }

    private static final List<String> WRONG_TYPES = List.of(
            "1", "-0", "1e999999", "true", "[]", "[\"x\"]", "{}", "{\"a\":{\"b\":{}}}", json("x".repeat(10_000)));

    private static final List<String> UNKNOWN_FIELDS = List.of(
            "extra", "__proto__", "id", "version", "state", "passwordHash", "admin", "$where");

    private final CorpusBuilder corpus;
    private final List<Command> commands;

    BodyCorpus(CorpusBuilder corpus, Fixtures fixtures) {
        this.corpus = corpus;
        this.commands = List.of(
                command("invite", "POST", "users", false, Set.of("role"),
                        "username", json("superadmin"), "email", json("someone@example.test"), "role", json("USER")),
                command("transition", "POST", "users/" + fixtures.user() + "/transitions", false, Set.of("event"),
                        "event", json("LOCK"), "reason", json("hostile corpus")),
                command("override", "PUT", "users/" + fixtures.nobody() + "/state", false, Set.of("state"),
                        "state", json("LOCKED"), "reason", json("hostile corpus")),
                command("accept", "POST", "invitations/accept", true, Set.of(),
                        "username", json(fixtures.user()), "token", json("not-the-token"),
                        "password", json("a-long-enough-password")),
                command("create-group", "POST", "groups", false, Set.of(),
                        "name", json(fixtures.group()), "description", json("hostile corpus")),
                command("change-group", "PATCH", "groups/" + fixtures.noGroup(), false, Set.of(),
                        "description", json("hostile corpus")));
    }

    private static Command command(String name, String method, String path, boolean anonymous, Set<String> enums,
                                   String... fieldsAndValues) {
        var fields = new LinkedHashMap<String, String>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return new Command(name, method, path, anonymous, fields, enums);
    }

    void addAll() {
        for (Command command : commands) {
            brokenJson(command);
            fields(command);
            text(command);
            encodings(command);
            sizes(command);
        }
    }

    private CorpusBuilder.Draft send(String category, Command command, String body) {
        var draft = corpus.to(category, command.method(), command.path()).body(body)
                .label(body.length() > 120 ? body.substring(0, 120) + "... (" + body.length() + " chars)" : body);
        return command.anonymous() ? draft.anonymous() : draft;
    }

    private void brokenJson(Command command) {
        String base = command.body();
        var broken = new ArrayList<>(List.of(
                base.substring(0, base.length() / 4), base.substring(0, base.length() / 2),
                base.substring(0, base.length() - 1), base + "garbage", base + "}", base + base, "[" + base + "]",
                "\"" + base, base.replace('"', '\''), base.replace("}", ",}"), "{", "}", "", "   ", "null", "true",
                "1", "\"text\"", "[]", "{\"x\":{", "{\"x\":[", "/*comment*/" + base, "\ufeff" + base,
                "[".repeat(10_000), "{\"a\":".repeat(10_000), base.replace(":", ":NaN,\"n\":"),
                inFirstString(base, "\\x"), inFirstString(base, "\\u12"), inFirstString(base, "\u0001")));
        for (String body : broken) {
            send("broken JSON", command, body).refused();
        }
    }

    private void fields(Command command) {
        for (String field : command.fields().keySet()) {
            for (String wrong : WRONG_TYPES) {
                send("wrong types", command, command.with(field, wrong)).refused();
            }
            send("missing and null fields", command, command.with(field, null)).refused();
            send("missing and null fields", command, command.with(field, "null")).refused();
            if (command.enums().contains(field)) {
                for (String junk : HostileValues.ENUM_JUNK) {
                    send("invalid enums", command, command.with(field, json(junk))).status(400).refused();
                }
            }
        }
        send("missing and null fields", command, "{}").refused();
        var allNull = new LinkedHashMap<String, String>();
        command.fields().keySet().forEach(field -> allNull.put(field, "null"));
        send("missing and null fields", command, command.with(allNull)).refused();
        for (String unknown : UNKNOWN_FIELDS) {
            if (command.fields().containsKey(unknown)) {
                continue;
            }
            var extra = new LinkedHashMap<String, String>();
            extra.put(unknown, unknown.equals("state") ? json("ACTIVE") : "true");
            // Refused, not ignored: an unknown field is a 400 (JsonShape says why).
            send("unknown fields", command, command.with(extra)).status(400).refused();
        }
    }

    /** Hostile text in every text field: the base body keeps the request refused whatever happens to it. */
    private void text(Command command) {
        for (String field : command.fields().keySet()) {
            if (command.enums().contains(field)) {
                continue;
            }
            for (String value : HostileValues.UNICODE) {
                boolean unstorable = value.indexOf('\u0000') >= 0 || hasLoneSurrogate(value);
                var draft = send("unicode edge cases", command, command.with(field, json(value)));
                (unstorable ? draft.status(400) : draft).refused();
            }
            for (String value : HostileValues.SQL) {
                send("SQL injection", command, command.with(field, json(value))).refused();
            }
            for (String value : HostileValues.SCRIPT) {
                send("script injection", command, command.with(field, json(value))).refused();
            }
        }
    }

    /** Bytes that are not UTF-8 inside a string, and charsets other than UTF-8. */
    private void encodings(Command command) {
        String field = command.fields().keySet().stream().filter(f -> !command.enums().contains(f)).findFirst()
                .orElseThrow();
        for (byte[] invalid : HostileValues.INVALID_UTF8) {
            String[] parts = command.with(field, "\"MARK\"").split("MARK");
            byte[] head = parts[0].getBytes(StandardCharsets.UTF_8);
            byte[] tail = parts[1].getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[head.length + invalid.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(invalid, 0, body, head.length, invalid.length);
            System.arraycopy(tail, 0, body, head.length + invalid.length, tail.length);
            var draft = corpus.to("invalid UTF-8 bytes", command.method(), command.path()).bytes(body)
                    .label("raw bytes " + hex(invalid) + " in " + field).status(400);
            (command.anonymous() ? draft.anonymous() : draft).refused();
        }
        for (String type : List.of("text/plain", "application/xml", "application/json; charset=ISO-8859-1",
                "application/json; charset=UTF-16", ";;;===", "application/json, text/plain",
                "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "*/*", "application/*",
                "application/json; charset=\"utf-8", "application/" + "x".repeat(6_000))) {
            var draft = send("bad Content-Type and Accept", command, command.body()).contentType(type)
                    .label("Content-Type: " + (type.length() > 60 ? type.substring(0, 60) + "..." : type));
            (command.anonymous() ? draft.anonymous() : draft).refused();
        }
        var none = send("bad Content-Type and Accept", command, command.body()).contentType(null).label("no Content-Type");
        (command.anonymous() ? none.anonymous() : none).refused();
    }

    /** Bodies over the limit (64 KiB by default) are 413 however they are framed; at the limit they are read. */
    private void sizes(Command command) {
        String field = command.fields().keySet().iterator().next();
        int limit = 64 * 1024;
        String over = command.with(field, json("x".repeat(limit)));
        send("enormous bodies", command, over).label("body of " + over.length() + " bytes").status(413).refused();
        String base = command.body();
        String atLimit = base.substring(0, base.length() - 1) + " ".repeat(limit - base.length()) + "}";
        send("enormous bodies", command, atLimit).label("body of exactly " + limit + " bytes").refused();
    }

    /** The big ones, once each: megabytes of JSON, of nesting, of nothing. */
    void enormous() {
        Command invite = commands.get(0);
        send("enormous bodies", invite, invite.with("username", json("a".repeat(5 * 1024 * 1024))))
                .label("5 MB username").status(413).refused();
        Command group = commands.get(4);
        send("enormous bodies", group, group.with("description", json("d".repeat(20 * 1024 * 1024))))
                .label("20 MB description").status(413).refused();
        Command change = commands.get(5);
        send("enormous bodies", change, "[".repeat(12 * 1024 * 1024)).label("12 MB of '['").status(413).refused();
        corpus.to("enormous bodies", "GET", "users").body("x".repeat(1024 * 1024)).label("1 MB body on a GET")
                .containerMayAnswer().answered();
        corpus.to("enormous bodies", "DELETE", "groups/" + "hostile-none").body("{}").label("a body on a DELETE")
                .containerMayAnswer().refused();
    }

    /** The body with {@code text} put at the start of its first string value, as it is. */
    private static String inFirstString(String body, String text) {
        int at = body.indexOf("\":\"") + 3;
        return body.substring(0, at) + text + body.substring(at);
    }

    static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String hex(byte[] bytes) {
        var hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02X ", b));
        }
        return hex.toString().trim();
    }
}

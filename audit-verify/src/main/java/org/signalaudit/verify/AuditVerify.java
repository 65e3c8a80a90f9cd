package org.signalaudit.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code java -jar audit-verify.jar pack.zip [--key key.pub]}: checks an evidence pack of Signal
 * Audit offline, prints one line per check and the verdict, and exits 0 when it is VERIFIED, 1
 * when it FAILED, 2 when the command was used wrongly. {@code --key} names a file holding the
 * verifier key ({@code name+keyid+base64}), or the JSON of {@code GET /api/audit/checkpoint/key}.
 */
public final class AuditVerify {

    static final int VERIFIED = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = "usage: java -jar audit-verify.jar <evidence-pack.zip> [--key <key file>]\n"
            + "  --key  a file holding the log's verifier key (name+keyid+base64), or the JSON of\n"
            + "         GET /api/audit/checkpoint/key; obtained elsewhere than the pack, so that the pack is\n"
            + "         proven against a key you trust. Without it the pack's own key.pub is used.\n"
            + "Exit status: 0 verified, 1 failed, 2 usage.";

    private AuditVerify() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command without exiting, for tests. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path pack = null;
        Path keyFile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--key") && i + 1 < args.length) {
                keyFile = Path.of(args[++i]);
            } else if (args[i].equals("--help") || args[i].equals("-h")) {
                out.println(USAGE_TEXT);
                return USAGE;
            } else if (args[i].startsWith("-") || pack != null) {
                err.println("audit-verify: unexpected argument '" + args[i] + "'");
                err.println(USAGE_TEXT);
                return USAGE;
            } else {
                pack = Path.of(args[i]);
            }
        }
        if (pack == null) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        String trustedKey = null;
        if (keyFile != null) {
            try {
                trustedKey = verifierKey(Files.readString(keyFile, StandardCharsets.UTF_8));
            } catch (IOException | IllegalArgumentException e) {
                err.println("audit-verify: cannot read a verifier key from " + keyFile + ": " + e.getMessage());
                return USAGE;
            }
        }
        out.println("audit-verify: " + pack);
        Report report = PackVerifier.verify(pack, trustedKey);
        report.print(out);
        return report.verified() ? VERIFIED : FAILED;
    }

    /** The verifier key of a key file: its first line, or the verifierKey member of the API's JSON. */
    static String verifierKey(String file) {
        String text = file.strip();
        if (text.startsWith("{")) {
            if (Json.parse(text) instanceof Map<?, ?> json && json.get("verifierKey") instanceof String key) {
                return key.strip();
            }
            throw new IllegalArgumentException("the JSON has no verifierKey member");
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the file is empty");
        }
        return text.lines().findFirst().orElseThrow().strip();
    }
}

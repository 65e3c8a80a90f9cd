package org.signalaudit.verify;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The checks of one pack, in the order they ran, and the verdict they add up to. */
final class Report {

    /** One line of the verdict: what was checked, whether it held, and what was found. */
    record Check(boolean ok, String what, String detail) {

        @Override
        public String toString() {
            return (ok ? "OK    " : "FAIL  ") + what + ": " + detail;
        }
    }

    private final List<Check> checks = new ArrayList<>();
    private String summary = "";

    void ok(String what, String detail) {
        checks.add(new Check(true, what, detail));
    }

    void fail(String what, String detail) {
        checks.add(new Check(false, what, detail));
    }

    /** What a verified pack proves, for the last line. */
    void summary(String summary) {
        this.summary = summary;
    }

    List<Check> checks() {
        return List.copyOf(checks);
    }

    boolean verified() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::ok);
    }

    /** "VERIFIED: ..." or "FAILED: <the first failure>". */
    String verdict() {
        if (verified()) {
            return "VERIFIED: " + summary;
        }
        return checks.stream().filter(check -> !check.ok()).findFirst()
                .map(check -> "FAILED: " + check.what() + ": " + check.detail()).orElse("FAILED: nothing was checked");
    }

    void print(PrintStream out) {
        checks.forEach(out::println);
        out.println(verdict());
    }
}

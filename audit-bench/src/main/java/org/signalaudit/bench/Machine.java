package org.signalaudit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/** What the figures were measured on: they mean nothing without it. */
final class Machine {

    private Machine() {
    }

    static String describe(Database db) throws SQLException {
        return String.join("\n",
                "cpu: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores",
                "memory: " + memory(),
                "java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                "os: " + System.getProperty("os.name") + " " + System.getProperty("os.version"),
                "postgresql: " + db.queryForString("SHOW server_version"));
    }

    private static String cpuModel() {
        return firstLine(Path.of("/proc/cpuinfo"), "model name");
    }

    private static String memory() {
        return firstLine(Path.of("/proc/meminfo"), "MemTotal");
    }

    private static String firstLine(Path file, String key) {
        try (var lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(key)).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}

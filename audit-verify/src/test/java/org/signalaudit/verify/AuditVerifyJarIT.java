package org.signalaudit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalaudit.proof.EvidencePack;

/**
 * The jar the build produced, as an auditor runs it: {@code java -jar audit-verify.jar} in a
 * process of its own with nothing but the JDK (no class path, no other jar, no network), on a real
 * pack and a tampered one; and the jar holds only the verifier and the proof package.
 */
class AuditVerifyJarIT {

    @TempDir
    Path dir;

    private final Path jar = Path.of(System.getProperty("audit.verify.jar", "target/audit-verify.jar"));

    @Test
    void theJarVerifiesARealPackAndFailsATamperedOneWithOnlyTheJdk() throws Exception {
        TestPack log = new TestPack();
        Map<String, String> real = log.entries();
        Path pack = TestPack.write(dir.resolve("pack.zip"), real);
        Path tampered = TestPack.write(dir.resolve("tampered.zip"),
                TestPack.with(real, EvidencePack.ROWS, rows -> rows.replaceFirst("alice-11", "alice-1l")));

        Result good = java(pack.toString());
        Result bad = java(tampered.toString());

        assertThat(good.status).as(good.out).isZero();
        assertThat(good.out).contains("VERIFIED: 5 row(s) of table state");
        assertThat(bad.status).as(bad.out).isEqualTo(1);
        assertThat(bad.out).contains("FAILED: row: state row 11 (rows.jsonl line 3, leaf 7): the field username shows");
    }

    @Test
    void theJarHoldsTheVerifierAndTheProofPackageAndNothingElse() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(AuditVerify.class.getName());
            assertThat(file.getManifest().getMainAttributes().getValue("Class-Path")).isNull();
            List<String> classes = Collections.list(file.entries()).stream().map(ZipEntry::getName)
                    .filter(name -> name.endsWith(".class")).toList();
            assertThat(classes).isNotEmpty().allSatisfy(name -> assertThat(name)
                    .matches("org/signalaudit/(verify|proof)/[^/]+\\.class"));
            assertThat(classes).contains("org/signalaudit/proof/MerkleTree.class", "org/signalaudit/verify/AuditVerify.class");
        }
    }

    private Result java(String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the verifier ended").isTrue();
        return new Result(process.exitValue(), out);
    }

    record Result(int status, String out) {
    }
}

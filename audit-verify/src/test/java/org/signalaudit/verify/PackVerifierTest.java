package org.signalaudit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalaudit.proof.EvidencePack;
import org.signalaudit.proof.SealKeys;
import org.signalaudit.proof.SignedNote;

/**
 * The verifier on packs built in the test: a real one passes; each kind of tampering fails with
 * exit status 1 and a line that names what was tampered with (the row, the checkpoint, the key,
 * the manifest).
 */
class PackVerifierTest {

    @TempDir
    Path dir;

    private final TestPack log = new TestPack();
    private final Map<String, String> real = log.entries();

    @Test
    void aRealPackIsVerified() throws IOException {
        Run run = run(TestPack.write(dir.resolve("pack.zip"), real));

        assertThat(run.status).as(run.out).isZero();
        assertThat(run.lines()).last().asString().startsWith("VERIFIED: 5 row(s) of table state")
                .contains("filter from=2026-11-30T00:00:00Z, username=a b&c=d").contains("13 leaves");
        assertThat(run.out).contains("OK    key: " + log.verifierKey() + " from the pack's own key.pub")
                .contains("OK    checkpoint: a tree of 13 leaves").contains("OK    rows: 5 row(s)")
                .contains("1 more matching row(s) left out").contains("that no other row matched the filter is the server's word")
                .doesNotContain("FAIL");
    }

    @Test
    void aRealPackIsVerifiedWithTheKeyGivenApartInEitherForm() throws IOException {
        Path pack = TestPack.write(dir.resolve("pack.zip"), real);
        Path line = Files.writeString(dir.resolve("key.pub"), log.verifierKey() + "\n");
        Path json = Files.writeString(dir.resolve("key.json"), "{\"name\":\"" + TestPack.ORIGIN + "\",\"verifierKey\":\""
                + log.verifierKey() + "\"}");

        for (Path key : List.of(line, json)) {
            Run run = run(pack, "--key", key.toString());
            assertThat(run.status).as(run.out).isZero();
            assertThat(run.out).contains("given with --key, the same as the pack's key.pub");
        }
    }

    @Test
    void oneChangedByteOfARowsFieldFailsNamingTheRowAndTheField() throws IOException {
        Run run = run(tampered(EvidencePack.ROWS, rows -> rows.replaceFirst("alice-8", "alice-9")));

        assertThat(run.status).isEqualTo(1);
        assertThat(run.out).contains("FAIL  row: state row 8 (rows.jsonl line 2, leaf 4): the field username shows "
                + "'alice-9' but was sealed as 'alice-8'");
        assertThat(run.lines()).last().asString().startsWith("FAILED: row: state row 8 (rows.jsonl line 2");
    }

    @Test
    void aFieldWithLineBreaksIsShownOnOneLine() throws IOException {
        Run run = run(tampered(EvidencePack.ROWS, rows -> rows.replaceFirst("over two lines", "over 2 lines")));

        assertThat(run.status).isEqualTo(1);
        assertThat(run.out).contains("FAIL  row: state row 7 (rows.jsonl line 1, leaf 1): the field reason shows "
                + "'a \"quoted\" reason\\nover 2 lines, caf\u00e9 \u2603' but was sealed as 'a \"quoted\" reason\\nover two lines");
    }

    @Test
    void oneChangedByteOfARowsLeafDataFailsNamingTheRow() throws IOException {
        Run run = run(tampered(EvidencePack.ROWS, rows -> {
            String[] lines = rows.split("\n");
            int at = lines[2].indexOf("\"leafData\":\"") + 40;
            char c = lines[2].charAt(at);
            lines[2] = lines[2].substring(0, at) + (c == 'A' ? 'B' : 'A') + lines[2].substring(at + 1);
            return String.join("\n", lines) + "\n";
        }));

        assertThat(run.status).isEqualTo(1);
        assertThat(run.out).contains("FAIL  row: state row 11 (rows.jsonl line 3, leaf 7)")
                .contains("FAIL  completeness: the rows of rows.jsonl are not the ones the manifest was signed over");
    }

    @Test
    void aRowWhoseLeafDataAndFieldsWereBothChangedFailsItsInclusionProof() throws IOException {
        Run run = run(tampered(EvidencePack.ROWS, rows -> {
            String[] lines = rows.split("\n");
            String other = new String(java.util.Base64.getDecoder().decode(lines[0].replaceAll(".*\"leafData\":\"([^\"]*)\".*",
                    "$1")), StandardCharsets.ISO_8859_1).replace("LOCKED", "ACTIVE");
            String data = java.util.Base64.getEncoder().encodeToString(other.getBytes(StandardCharsets.ISO_8859_1));
            byte[] hash = org.signalaudit.proof.MerkleHash.leaf(other.getBytes(StandardCharsets.ISO_8859_1));
            lines[0] = lines[0].replace("\"end_state\":\"LOCKED\"", "\"end_state\":\"ACTIVE\"")
                    .replaceAll("\"leafData\":\"[^\"]*\"", "\"leafData\":\"" + data + "\"")
                    .replaceAll("\"leafHash\":\"[^\"]*\"", "\"leafHash\":\"" + java.util.HexFormat.of().formatHex(hash) + "\"");
            return String.join("\n", lines) + "\n";
        }));

        assertThat(run.status).isEqualTo(1);
        assertThat(run.out).contains("FAIL  row: state row 7 (rows.jsonl line 1, leaf 1): not in the signed log as shown");
    }

    @Test
    void aDroppedRowFailsNamingWhereItWasAndTheCount() throws IOException {
        Run run = run(tampered(EvidencePack.ROWS, rows -> {
            List<String> lines = new ArrayList<>(Arrays.asList(rows.split("\n")));
            lines.remove(2);
            return String.join("\n", lines) + "\n";
        }));

        assertThat(run.status).isEqualTo(1);
        assertThat(run.out).contains("FAIL  row: state row 12 (rows.jsonl line 3, leaf 10): it is numbered 4 where row 3"
                + " belongs: row(s) 3 were removed")
                .contains("FAIL  completeness: rows.jsonl holds 4 row(s), the signed manifest 5: rows were removed");
    }

    @Test
    void theLastRowDroppedIsCaughtByTheSignedCount() throws IOException {
        Run run = run(tampered(EvidencePack.ROWS, rows -> rows.substring(0, rows.lastIndexOf('\n', rows.length() - 2) + 1)));

        assertThat(run.status).isEqualTo(1);
        assertThat(run.lines()).last().asString()
                .isEqualTo("FAILED: completeness: rows.jsonl holds 4 row(s), the signed manifest 5: rows were removed");
    }

    @Test
    void aRepeatedOrMovedRowFails() throws IOException {
        Run repeated = run(tampered(EvidencePack.ROWS, rows -> rows + rows.substring(0, rows.indexOf('\n') + 1)));
        Run moved = run(tampered(EvidencePack.ROWS, rows -> {
            List<String> lines = new ArrayList<>(Arrays.asList(rows.split("\n")));
            lines.add(0, lines.remove(1));
            return String.join("\n", lines) + "\n";
        }));

        assertThat(repeated.status).isEqualTo(1);
        assertThat(repeated.out).contains("(rows.jsonl line 6, leaf 1): it is numbered 1 where row 6 belongs");
        assertThat(moved.status).isEqualTo(1);
        assertThat(moved.out).contains("state row 8 (rows.jsonl line 1, leaf 4): it is numbered 2 where row 1 belongs");
    }

    @Test
    void anotherGenuineCheckpointSwappedInFails() throws IOException {
        Run run = run(tampered(EvidencePack.CHECKPOINT, note -> log.checkpoint(12)));

        assertThat(run.status).isEqualTo(1);
        assertThat(run.out).contains("OK    checkpoint: a tree of 12 leaves")
                .contains("FAIL  checkpoint: checkpoint.note is a tree of 12 leaves")
                .contains("but the manifest was signed over the tree of 13 leaves").contains("the checkpoint was swapped");
    }

    @Test
    void anEditedCheckpointFailsItsSignature() throws IOException {
        Run run = run(tampered(EvidencePack.CHECKPOINT, note -> note.replaceFirst("\n13\n", "\n14\n")));

        assertThat(run.status).isEqualTo(1);
        assertThat(run.lines()).anySatisfy(line -> assertThat(line).startsWith("FAIL  checkpoint: checkpoint.note: the signature")
                .contains("does not verify"));
    }

    @Test
    void anEditedManifestFailsItsSignature() throws IOException {
        Run run = run(tampered(EvidencePack.MANIFEST, note -> note.replaceFirst("rows 5\n", "rows 4\n")));

        assertThat(run.status).isEqualTo(1);
        assertThat(run.out).contains("FAIL  manifest: manifest.note: the signature");
    }

    @Test
    void anotherKeyInThePackFailsEverySignature() throws IOException {
        String other = SignedNote.verifierKey(TestPack.ORIGIN, SealKeys.generate().getPublic());
        Run run = run(tampered(EvidencePack.KEY, key -> other + "\n"));

        assertThat(run.status).isEqualTo(1);
        assertThat(run.out).contains("FAIL  checkpoint: checkpoint.note: no signature of "
                + String.join("+", Arrays.copyOf(other.split("\\+"), 2)) + " on the note");
    }

    @Test
    void aPackWhoseKeyIsNotTheTrustedOneFailsNamingBoth() throws IOException {
        String trusted = SignedNote.verifierKey(TestPack.ORIGIN, SealKeys.generate().getPublic());
        Path key = Files.writeString(dir.resolve("trusted.pub"), trusted);
        Run run = run(TestPack.write(dir.resolve("pack.zip"), real), "--key", key.toString());

        assertThat(run.status).isEqualTo(1);
        assertThat(run.out).contains("FAIL  key: the pack's key.pub (" + log.verifierKey()
                + ") is not the key given with --key (" + trusted + ")");
    }

    @Test
    void aMissingEntryOrNoZipFails() throws IOException {
        Map<String, String> noManifest = new java.util.LinkedHashMap<>(real);
        noManifest.remove(EvidencePack.MANIFEST);
        Run missing = run(TestPack.write(dir.resolve("missing.zip"), noManifest));
        Run notZip = run(Files.writeString(dir.resolve("not.zip"), "hello"));

        assertThat(missing.status).isEqualTo(1);
        assertThat(missing.out).contains("FAIL  manifest: the pack has no manifest.note");
        assertThat(notZip.status).isEqualTo(1);
        assertThat(notZip.out).contains("is not a readable ZIP file");
    }

    @Test
    void aWrongCommandLineIsAUsageError() {
        assertThat(run(new String[] {}).status).isEqualTo(2);
        assertThat(run(new String[] {"a.zip", "b.zip"}).status).isEqualTo(2);
        assertThat(run(new String[] {"a.zip", "--key", dir.resolve("absent").toString()}).status).isEqualTo(2);
    }

    private Path tampered(String entry, java.util.function.UnaryOperator<String> change) throws IOException {
        return TestPack.write(Files.createTempFile(dir, "tampered", ".zip"), TestPack.with(real, entry, change));
    }

    private static Run run(Path pack, String... more) {
        String[] args = new String[more.length + 1];
        args[0] = pack.toString();
        System.arraycopy(more, 0, args, 1, more.length);
        return run(args);
    }

    private static Run run(String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AuditVerify.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    record Run(int status, String out) {
        List<String> lines() {
            return out.lines().toList();
        }
    }
}

package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.record.Recording;

/** {@code syntop once --replay FILE [--at TIME]}: one tick of a recording, with the verdicts of its history. */
class OnceReplayTest {
    @TempDir
    Path tmp;

    private Path demo;
    private Recording recording;

    @BeforeEach
    void copyDemo() throws Exception {
        demo = tmp.resolve("demo.syntop");
        try (InputStream in = getClass().getResourceAsStream(ReplayCommand.DEMO)) {
            Files.copy(in, demo);
        }
        recording = Recording.open(demo);
    }

    @Test
    void aTickInTheFloodHasTheSynFloodVerdict() {
        Cli r = Cli.run("once", "--replay", demo.toString(), "--at", "+20s", "--format", "json");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.contains("\"kind\": \"syn_flood\""), r.out);
        assertTrue(r.out.contains("\"port\": 8080"), r.out);
        assertTrue(r.out.contains("\"rate_status\": \"ok\""), "rates from the replayed history");
        Cli text = Cli.run("once", "--replay", demo.toString(), "--at", "+20s");
        assertTrue(text.out.contains("verdict: CRITICAL SYN flood on :8080"), text.out);
        Cli csv = Cli.run("once", "--replay", demo.toString(), "--at", "+20s", "--format", "csv");
        assertEquals(0, csv.exit, csv.err);
        assertTrue(csv.out.lines().count() > 2, csv.out);
    }

    @Test
    void quietAtTheStartAndTimesAsInstants() {
        Cli start = Cli.run("once", "--replay", demo.toString(), "--at", "+2s", "--format", "json");
        assertTrue(start.out.contains("\"verdicts\": []"), start.out);
        String instant = recording.at(20).toString();
        Cli byInstant = Cli.run("once", "--replay", demo.toString(), "--at", instant, "--format", "json");
        assertTrue(byInstant.out.contains("\"at\": \"" + instant + "\""), byInstant.out);
        Cli end = Cli.run("once", "--replay", demo.toString(), "--at", "-0s", "--format", "json");
        assertTrue(end.out.contains("\"at\": \"" + recording.at(recording.size() - 1) + "\""), end.out);
    }

    @Test
    void withoutAtTheLastTickIsShown() {
        Cli noAt = Cli.run("once", "--replay", demo.toString(), "--format", "json");
        assertEquals(0, noAt.exit, noAt.err);
        assertTrue(noAt.out.contains("\"at\": \"" + recording.at(recording.size() - 1) + "\""), noAt.out);
    }

    @Test
    void aMissingFileIsSaidSo() {
        Path none = tmp.resolve("none.syntop");
        Cli once = Cli.run("once", "--replay", none.toString());
        assertEquals(ExitCodes.USAGE, once.exit);
        assertEquals("syntop once: no such file: " + none, once.err.strip());
        Cli replay = Cli.run("replay", none.toString());
        assertEquals(ExitCodes.USAGE, replay.exit);
        assertEquals("syntop replay: no such file: " + none, replay.err.strip());
    }

    @Test
    void usageErrors() {
        Cli before = Cli.run("once", "--replay", demo.toString(), "--at", "2020-01-01T00:00:00Z");
        assertEquals(ExitCodes.USAGE, before.exit);
        assertTrue(before.err.contains("is outside the recording, which runs from " + recording.at(0)), before.err);
        Cli bad = Cli.run("once", "--replay", demo.toString(), "--at", "yesterday");
        assertEquals(ExitCodes.USAGE, bad.exit);
        assertTrue(bad.err.startsWith("syntop once: --at: 'yesterday' is not a time"), bad.err);
        Cli noReplay = Cli.run("once", "--at", "+3s");
        assertEquals(ExitCodes.USAGE, noReplay.exit);
        assertTrue(noReplay.err.startsWith("syntop once: --at needs --replay FILE"), noReplay.err);
        Cli notARecording = Cli.run("once", "--replay", "pom.xml", "--at", "+1s");
        assertEquals(ExitCodes.USAGE, notARecording.exit);
        assertTrue(notARecording.err.contains("not a syntop recording"), notARecording.err);
    }

    @Test
    void aTornCopyStillAnswersAndSaysWhatWasSkipped() throws Exception {
        byte[] all = Files.readAllBytes(demo);
        Path torn = tmp.resolve("torn.syntop");
        Files.write(torn, java.util.Arrays.copyOf(all, all.length - 7000));
        Cli r = Cli.run("once", "--replay", torn.toString(), "--at", "+20s");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.err.contains("the last record is cut short"), r.err);
    }

    @Test
    void helpListsTheNewCommands() {
        Cli r = Cli.run("--help");
        assertTrue(r.out.contains("record") && r.out.contains("replay") && r.out.contains("--demo")
                && r.out.contains("--record=FILE") && r.out.contains("--on-verdict"), r.out);
        assertEquals(0, Cli.run("replay", "--help").exit);
        Cli missing = Cli.run("replay", tmp.resolve("none.syntop").toString());
        assertEquals(ExitCodes.USAGE, missing.exit);
    }
}

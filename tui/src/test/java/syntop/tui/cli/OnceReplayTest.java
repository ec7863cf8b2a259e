package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.model.HostInfo;
import syntop.collectors.record.RecordWriter;
import syntop.collectors.record.Recording;
import syntop.collectors.record.RecordingHeader;
import syntop.collectors.record.TickRecord;
import syntop.collectors.source.RawOutput;
import syntop.collectors.text.Printable;

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
        r.outHas("\"kind\": \"syn_flood\"", "\"port\": 8080");
        assertTrue(r.out.contains("\"rate_status\": \"ok\""), "rates from the replayed history");
        Cli text = Cli.run("once", "--replay", demo.toString(), "--at", "+20s");
        assertTrue(text.out.contains("verdict: CRITICAL SYN flood on :8080"), text.out);
        Cli csv = Cli.run("once", "--replay", demo.toString(), "--at", "+20s", "--format", "csv");
        assertEquals(0, csv.exit, csv.err);
        assertTrue(csv.out.lines().count() > 2, csv.out);
    }

    @Test
    void ratesAreGivenForCountersOnlyNotForGauges() {
        Cli text = Cli.run("once", "--replay", demo.toString(), "--at", "+20s");
        String gauge = text.out.lines().filter(l -> l.strip().startsWith("sockets_in_use ")).findFirst().orElseThrow();
        assertTrue(gauge.strip().matches("sockets_in_use +[0-9]+"), "no rate for a gauge: " + gauge);
        assertTrue(text.out.lines().anyMatch(l -> l.strip().matches("passive_opens +[0-9]+ [0-9.]+/s")), text.out);
        Cli csv = Cli.run("once", "--replay", demo.toString(), "--at", "+20s", "--format", "csv");
        assertTrue(csv.out.lines().anyMatch(l -> l.matches(".*,counter,sockets_in_use,[0-9]+,")), csv.out);
        assertTrue(csv.out.lines().anyMatch(l -> l.matches(".*,counter,passive_opens,[0-9]+,[0-9.]+")), csv.out);
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

    /** OSC (retitle the window), clear screen, cursor home, C1 CSI, a bidi override. */
    private static final String EVIL = "\u001b]0;owned\u0007\u001b[2J\u001b[H\u009b31m\u202e";

    /** The demo with the host's name, a command's stderr and exit, and a note made of escape sequences. */
    private Path crafted() throws Exception {
        RecordingHeader h = recording.header();
        RecordingHeader evil = new RecordingHeader(h.formatVersion(), h.writer(), h.runId(), h.created(),
                new HostInfo("web" + EVIL, h.host().os(), "Linux " + EVIL), h.interval(), h.sources(), h.rawTableLimit(),
                h.rawTableEvery());
        Path file = tmp.resolve("crafted.syntop");
        RecordWriter w = new RecordWriter(file, RecordWriter.Limits.defaults(), evil, RecordWriter.files(),
                java.time.Clock.systemUTC(), m -> { });
        for (int i = 0; i < 5; i++) {
            TickRecord t = recording.tick(i);
            List<TickRecord.SourceEntry> sources = new ArrayList<>();
            for (TickRecord.SourceEntry e : t.sources()) {
                if (e instanceof TickRecord.Raw r && r.id().equals("proc-net-snmp")) {
                    RawOutput raw = r.raw();
                    e = new TickRecord.Raw(new RawOutput(raw.sourceId(), RawOutput.Outcome.FAILED, List.of(), EVIL, 1,
                            raw.took(), "failed " + EVIL), r.every());
                }
                sources.add(e);
            }
            w.tick(new TickRecord(t.at(), t.monoNanos(), sources, t.snapshot(), t.verdicts()));
        }
        w.gap("a note " + EVIL);
        w.close();
        return file;
    }

    private static void assertNoControlCharacters(String out) {
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            assertTrue(c == '\n' || !Printable.isUnsafe(c),
                    "character " + (int) c + " at " + i + " reaches the terminal:\n" + Printable.of(out));
        }
    }

    @Test
    void aCraftedRecordingPutsNoControlCharacterOnTheTerminal() throws Exception {
        Path file = crafted();
        for (String format : new String[] {"text", "csv", "json"}) {
            Cli r = Cli.run("once", "--replay", file.toString(), "--at", "-0s", "--format", format);
            assertEquals(ExitCodes.SOURCE_FAILED, r.exit, r.toString());
            assertNoControlCharacters(r.out);
            assertNoControlCharacters(r.err);
            // (CSV holds no host name nor source detail)
            assertTrue(format.equals("csv") || r.out.contains("\\x1b]0;owned\\x07")
                    || r.out.contains("\\u001b]0;owned\\u0007"), "the escapes are shown, not dropped: " + r.out);
        }
        assertTrue(Cli.run("once", "--replay", file.toString(), "--at", "-0s").err.contains("a note \\x1b]0;owned"));
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

package syntop.tui.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.record.Recording;
import syntop.collectors.record.RecordingFormatException;
import syntop.collectors.record.Replay;
import syntop.collectors.text.Printable;

/** {@code syntop replay FILE…}: the console over a recording, with pause, step, speed and jumps to verdicts. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Watch a recording in the console: the raw outputs of each tick are parsed again "
                + "(with the parsers of the OS that recorded them, on any OS), and history and verdicts rebuilt.",
            "Give rotated files in any order (FILE.2 FILE.1 FILE): they play as one.",
            "Keys: space pause, , . step, 1 2 3 speed x1 x10 x60, v first verdict, n next verdict, Home End."})
public final class ReplayCommand implements Callable<Integer> {
    /** The recording shipped for {@code syntop --demo}. */
    static final String DEMO = "/syntop/demo/lab-synflood.syntop";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "recording file(s)")
    List<Path> files;

    @Option(names = "--theme", paramLabel = "NAME", description = "colour theme")
    String theme;

    @Option(names = "--ascii", description = "ASCII glyphs only")
    boolean ascii;

    @Option(names = "--loop", description = "start again at the end")
    boolean loop;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Replay replay;
        try {
            replay = open(files, err);
        } catch (IOException | RecordingFormatException e) {
            err.println("syntop replay: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (replay == null) {
            return ExitCodes.USAGE;
        }
        return console(replay, loop, theme, ascii, err);
    }

    /** Reads the files and says what was skipped in them; null (after saying why) when nothing can be played. */
    static Replay open(List<Path> files, PrintWriter err) throws IOException {
        List<Recording> rs = new ArrayList<>();
        for (Path f : files) {
            if (!Files.exists(f)) {
                throw new IOException("no such file: " + f);
            }
            try {
                rs.add(Recording.open(f));
            } catch (RecordingFormatException e) {
                throw new RecordingFormatException(f + ": " + e.getMessage());
            }
        }
        Replay replay = new Replay(rs, Thresholds.defaults());
        for (String n : replay.notes()) {
            err.println("syntop: note: " + Printable.of(n));
        }
        err.flush();
        if (replay.isEmpty()) {
            err.println("syntop: the recording holds no complete tick");
            return null;
        }
        return replay;
    }

    /** {@code syntop --demo}: the shipped lab recording, looping. */
    static int demo(String theme, boolean ascii, PrintWriter err) {
        Replay replay;
        try (InputStream in = ReplayCommand.class.getResourceAsStream(DEMO)) {
            if (in == null) {
                err.println("syntop: the demo recording is missing from this build");
                return ExitCodes.SOURCE_FAILED;
            }
            replay = new Replay(List.of(Recording.of("demo", in)), Thresholds.defaults());
        } catch (IOException | RecordingFormatException e) {
            err.println("syntop: the demo recording cannot be read: " + e.getMessage());
            return ExitCodes.SOURCE_FAILED;
        }
        return console(replay, true, theme, ascii, err);
    }

    static int console(Replay replay, boolean loop, String theme, boolean ascii, PrintWriter err) {
        return ReplayConsole.run(replay, loop, theme, ascii, err);
    }
}

package syntop.tui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import syntop.collectors.alert.HookCommand;
import syntop.collectors.alert.VerdictHooks;
import syntop.collectors.judge.LivePipeline;
import syntop.collectors.platform.Platform;
import syntop.collectors.record.RecordWriter;
import syntop.collectors.record.RecordingHeader;
import syntop.collectors.record.TickRecorder;
import syntop.collectors.source.ProcessCommandRunner;

/**
 * What listens to a sampler besides the screen: the recorder ({@code record}, {@code --record}) and
 * the verdict hooks ({@code --on-verdict}). Knows nothing of the terminal, so {@code syntop record}
 * runs without one.
 */
final class BlackBox implements AutoCloseable {
    private static final Duration MESSAGE_SHOWN = Duration.ofSeconds(20);

    private final TickRecorder recorder;
    private final VerdictHooks hooks;
    /** The last problem or recovery said, and when: one value, so the status never pairs a text with another's time. */
    private volatile Said lastSaid;

    private record Said(String text, Instant at) {
    }

    private BlackBox(TickRecorder recorder, VerdictHooks hooks) {
        this.recorder = recorder;
        this.hooks = hooks;
    }

    /**
     * Starts recording to {@code file} (if not null) and the hooks (if asked for), for what
     * {@code platform} samples; they see the ticks and verdicts once {@link #listenTo} a pipeline.
     *
     * @param say told of problems and recoveries (a full disk, a failing hook), once each
     * @throws IllegalArgumentException a wrong option, with the reason
     * @throws IOException              the file cannot be recorded to (no such folder, another syntop records to it)
     */
    static BlackBox open(Platform platform, Path file, RecordOptions options, Duration interval,
                         Consumer<String> say) throws IOException {
        RecordWriter.Limits limits = options.limits();
        List<String> argv = null;
        if (options.onVerdict != null) {
            try {
                argv = HookCommand.split(options.onVerdict);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--on-verdict: " + e.getMessage());
            }
            if (new ProcessCommandRunner().resolve(argv.get(0)).isEmpty()) {
                throw new IllegalArgumentException("--on-verdict: " + argv.get(0) + ": command not found");
            }
        }
        Duration hookTimeout = options.hookTimeout();
        BlackBox[] self = new BlackBox[1];
        Consumer<String> tell = m -> {
            if (self[0] != null) {
                self[0].lastSaid = new Said(m, Instant.now());
            }
            say.accept(m);
        };
        TickRecorder recorder = null;
        if (file != null) {
            RecordingHeader header = RecordingHeader.of(platform, writer(), ThreadLocalRandom.current().nextLong(),
                    Instant.now(), interval, TickRecorder.DEFAULT_RAW_TABLE_LIMIT, TickRecorder.DEFAULT_RAW_TABLE_EVERY);
            RecordWriter w = new RecordWriter(file, limits, header, RecordWriter.files(), Clock.systemUTC(), tell);
            w.start();
            recorder = new TickRecorder(platform, w, TickRecorder.DEFAULT_RAW_TABLE_LIMIT,
                    TickRecorder.DEFAULT_RAW_TABLE_EVERY);
        }
        VerdictHooks hooks = argv == null ? null : VerdictHooks.processes(argv, platform.host(), hookTimeout, tell);
        BlackBox box = new BlackBox(recorder, hooks);
        self[0] = box;
        return box;
    }

    /**
     * {@link #open}, or empty after saying on {@code err} why not, each line starting with
     * {@code who} ("syntop record").
     */
    static Optional<BlackBox> open(Platform platform, Path file, RecordOptions options, Duration interval,
                                   Consumer<String> say, PrintWriter err, String who) {
        try {
            return Optional.of(open(platform, file, options, interval, say));
        } catch (IllegalArgumentException e) {
            err.println(who + ": " + e.getMessage());
        } catch (IOException e) {
            err.println(who + ": cannot record to " + file + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    /** The recorder and the hooks see each tick and verdict of {@code pipeline} from now on. */
    void listenTo(LivePipeline pipeline) {
        if (recorder != null) {
            pipeline.addListener(recorder);
        }
        if (hooks != null) {
            pipeline.addListener(hooks);
        }
    }

    static String writer() {
        String v = SyntopCommand.class.getPackage().getImplementationVersion();
        return "syntop " + (v == null ? "(development build)" : v);
    }

    boolean recording() {
        return recorder != null;
    }

    /** For the console header: "REC", "REC paused: disk full (3 ticks lost)", and a recent message. */
    String status() {
        StringBuilder b = new StringBuilder();
        if (recorder != null) {
            b.append(recorder.statusLine());
        }
        Said said = lastSaid;
        if (said != null && Duration.between(said.at(), Instant.now()).compareTo(MESSAGE_SHOWN) < 0
                && (recorder == null || recorder.status().state() != RecordWriter.State.PAUSED)) {
            b.append(b.length() == 0 ? "" : "  ").append(said.text());
        }
        return b.toString();
    }

    /** True when the recording ended with ticks it could not write (a full disk): the run failed at its job. */
    boolean lostTicks() {
        return recorder != null && recorder.status().lost() > 0;
    }

    /** Writes what is queued and a closing note, closes the file, stops waiting for hooks. */
    void close(String note) {
        if (recorder != null) {
            recorder.close(note, Duration.ofSeconds(10));
        }
        if (hooks != null) {
            hooks.close();
        }
    }

    @Override
    public void close() {
        close(null);
    }
}

package syntop.tui.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import syntop.collectors.platform.Platform;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.LivePipeline;
import syntop.collectors.platform.Sampler;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.ProcessCommandRunner;

/**
 * {@code syntop record FILE}: samples like the console and writes every tick to FILE, with no
 * terminal (cron, systemd, launchd, nohup). SIGTERM, SIGINT and SIGHUP write what is queued, a
 * closing note, and close the file.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Record every tick (raw outputs, snapshot, verdicts) to FILE, without a terminal.",
            "Watch it again with 'syntop replay FILE'. Stops on SIGTERM/SIGINT/SIGHUP (the file is closed cleanly) "
                    + "or after --duration.",
            "A full disk pauses the recording (said once on stderr); sampling and --on-verdict go on, and "
                    + "recording resumes when there is space again."})
public final class RecordCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the recording (an existing one is moved to FILE.1)")
    Path file;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1",
            description = "seconds between samples (default: ${DEFAULT-VALUE})")
    double intervalSeconds;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "stop after this long (e.g. 90s, 30m, 12h); default: until stopped")
    String duration;

    @Mixin
    RecordOptions options;

    @Mixin
    FsRootOption fsRoot;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!(intervalSeconds >= 0.2 && intervalSeconds <= 3600)) {
            err.println("syntop record: --interval must be between 0.2 and 3600 seconds");
            return ExitCodes.USAGE;
        }
        Duration limit = null;
        if (duration != null) {
            try {
                limit = TimeArgs.duration(duration);
            } catch (IllegalArgumentException e) {
                err.println("syntop record: --duration: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        FsRoot root = fsRoot.root();
        Optional<Platform> platform = ThisMachine.platform(root, "syntop record", err);
        if (platform.isEmpty()) {
            return ExitCodes.USAGE;
        }
        Duration interval = Duration.ofMillis(Math.round(intervalSeconds * 1000));
        try (LivePipeline pipeline = new LivePipeline(
                Sampler.live(platform.get(), new Acquirer(new ProcessCommandRunner(), root), interval), Thresholds.defaults())) {
            Optional<BlackBox> box = BlackBox.open(platform.get(), file, options, interval, m -> {
                err.println("syntop record: " + m);
                err.flush();
            }, err, "syntop record");
            if (box.isEmpty()) {
                return ExitCodes.USAGE;
            }
            box.get().listenTo(pipeline);
            return loop(pipeline, box.get(), interval, limit);
        }
    }

    private int loop(LivePipeline pipeline, BlackBox box, Duration interval, Duration limit) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        String[] why = {"stopped by a signal (SIGTERM, SIGINT or SIGHUP)"};
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                // let the loop write what is queued and close the file before the JVM goes
                closed.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "syntop-record-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        long start = System.nanoTime();
        long next = start;
        try {
            while (stop.getCount() > 0) {
                if (limit != null && System.nanoTime() - start >= limit.toNanos()) {
                    why[0] = "--duration " + duration + " reached";
                    break;
                }
                pipeline.next();
                next += interval.toNanos();
                long wait = next - System.nanoTime();
                if (wait < 0) {
                    next = System.nanoTime(); // a slow tick: do not try to catch up
                    wait = 0;
                }
                if (stop.await(wait, TimeUnit.NANOSECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            box.close("recording stopped: " + why[0]);
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it only waited for the close above
            }
        }
        return box.lostTicks() ? ExitCodes.SOURCE_FAILED : ExitCodes.OK;
    }
}

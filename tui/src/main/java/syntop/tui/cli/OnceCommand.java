package syntop.tui.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.judge.LivePipeline;
import syntop.collectors.platform.Platform;
import syntop.collectors.platform.Sampler;
import syntop.collectors.report.SnapshotCsv;
import syntop.collectors.report.SnapshotJson;
import syntop.collectors.report.SnapshotText;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.ProcessCommandRunner;

/** {@code syntop once}: one snapshot of this machine, with rates measured over the interval. */
@Command(name = "once", mixinStandardHelpOptions = true,
        description = {"Print one snapshot of this machine's TCP stack and exit.",
            "Samples twice, --interval apart, so counters come with per-second rates: 1.5 to 2 s in all "
                    + "at the default interval.",
            "A queue at its limit or a pile-up is named from the samples; a SYN flood or an overflow when its "
                    + "rate is ten times its threshold (-n 3 for two rates). Until the verdicts rest on "
                    + "sustain.samples (5) rates, a run without one says judging, not all quiet."})
public final class OnceCommand implements Callable<Integer> {
    enum Format { text, json, csv }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", description = "text, json or csv (default: ${DEFAULT-VALUE})", defaultValue = "text")
    Format format;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1",
            description = "time between the two samples that give rates (default: ${DEFAULT-VALUE}; 0 = no rates)")
    double intervalSeconds;

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "1",
            description = "print N snapshots, --interval apart, as top -b -n does (JSON: one object per line)")
    int count;

    @Mixin
    ThresholdsOption thresholdsOption;

    @Mixin
    FsRootOption fsRoot;

    @Option(names = "--replay", paramLabel = "FILE", arity = "1..*",
            description = "print a tick of this recording instead of this machine: the last one, or the one --at names")
    List<Path> replay;

    @Option(names = "--at", paramLabel = "TIME",
            description = "with --replay: the tick at TIME, an instant (2025-03-01T12:00:30Z), +30s after the first "
                    + "tick or -30s before the last; verdicts are those of the history up to it")
    String at;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (replay != null) {
            return ReplayOnce.run(replay, at, format, out, err);
        }
        if (at != null) {
            err.println("syntop once: --at needs --replay FILE");
            return ExitCodes.USAGE;
        }
        if (intervalSeconds < 0 || intervalSeconds > 3600 || Double.isNaN(intervalSeconds)) {
            err.println("syntop once: --interval must be between 0 and 3600 seconds");
            return ExitCodes.USAGE;
        }
        if (count < 1 || count > 1_000_000 || (count > 1 && intervalSeconds == 0)) {
            err.println("syntop once: --count must be 1..1000000, and more than 1 needs an --interval above 0");
            return ExitCodes.USAGE;
        }
        Optional<Thresholds> thresholds = thresholdsOption.load(System.getenv(), err);
        if (thresholds.isEmpty()) {
            return ExitCodes.USAGE;
        }
        FsRoot root = fsRoot.root();
        Optional<Platform> platform = ThisMachine.platform(root, "syntop once", err);
        if (platform.isEmpty()) {
            return ExitCodes.USAGE;
        }
        Duration interval = Duration.ofMillis(Math.round(intervalSeconds * 1000));
        boolean anyFailed = false;
        try (LivePipeline pipeline = new LivePipeline(Sampler.live(platform.get(), new Acquirer(new ProcessCommandRunner(),
                root), interval.isZero() ? Duration.ofSeconds(1) : interval), thresholds.get())) {
            // samples start --interval apart (a slow poll does not push the next one back), so a
            // rate spans the interval and the answer comes one interval after the first sample began
            long next = System.nanoTime();
            JudgedTick tick = pipeline.next();
            for (int i = 0; i < count; i++) {
                if (!interval.isZero()) {
                    next += interval.toNanos();
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } else {
                        next = System.nanoTime();
                    }
                    tick = pipeline.next();
                }
                print(out, i, tick);
                anyFailed |= tick.snapshot().anySourceFailed();
            }
        }
        return anyFailed ? ExitCodes.SOURCE_FAILED : ExitCodes.OK;
    }

    private void print(PrintWriter out, int index, JudgedTick tick) {
        switch (format) {
            case json:
                out.print(SnapshotJson.snapshot(tick, count == 1));
                break;
            case csv:
                out.print(index == 0 ? SnapshotCsv.snapshot(tick.snapshot(), tick.history())
                        : SnapshotCsv.snapshot(tick.snapshot(), tick.history()).substring(SnapshotCsv.HEADER.length() + 1));
                break;
            default:
                out.print((index == 0 ? "" : "\n") + SnapshotText.snapshot(tick));
                break;
        }
        out.flush();
    }
}

package syntop.tui.console;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import syntop.collectors.CapturedCommands;
import syntop.collectors.Fixtures;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.os.linux.LinuxPlatform;
import syntop.collectors.judge.Pipeline;
import syntop.collectors.platform.SourceEvaluation;
import syntop.collectors.platform.SourceResult;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.Source;

/** Frames made from the real lab SYN flood capture (the same capture on every tick). */
final class Frames {
    static final Path LAB = Fixtures.onClassPath("linux/6.18-lab-synflood-ss");

    private Frames() {
    }

    /** {@code ticks} frames of the lab capture, one second apart; the last one is returned. */
    static JudgedTick labCapture(int ticks) {
        LinuxPlatform platform = new LinuxPlatform(new HostInfo("lab", OsFamily.LINUX, "Linux 6.18 (capture)"));
        Acquirer acquirer = new CapturedCommands(platform, LAB).acquirer();
        Pipeline pipeline = new Pipeline(platform, Thresholds.defaults());
        JudgedTick last = null;
        for (int t = 0; t < ticks; t++) {
            List<SourceResult> results = new ArrayList<>();
            Map<String, Duration> every = new HashMap<>();
            for (Source s : platform.sources()) {
                results.add(SourceEvaluation.evaluate(s, acquirer.acquire(s), Duration.ofSeconds(1)));
                every.put(s.id(), Duration.ofSeconds(1));
            }
            last = pipeline.tick(Instant.parse("2026-11-25T01:00:00Z").plusSeconds(t), t * 1_000_000_000L, results,
                    every);
        }
        return last;
    }

}

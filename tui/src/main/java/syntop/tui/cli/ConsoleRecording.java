package syntop.tui.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.googlecode.lanterna.input.KeyStroke;

import syntop.collectors.judge.JudgedTick;
import syntop.collectors.judge.LivePipeline;
import syntop.tui.console.ConsoleLoop;

/**
 * The live console's {@code --record} and {@code --on-verdict}: attached to the sampler before the
 * console opens, shown in the header while it runs ("live  REC", "REC paused: disk full …"), and
 * what they had to say printed on stderr once the terminal is restored.
 */
final class ConsoleRecording implements ConsoleLoop.Controls {
    private final BlackBox box;

    private ConsoleRecording(BlackBox box) {
        this.box = box;
    }

    static int run(LivePipeline pipeline, Path record, RecordOptions options, Duration interval,
                   PrintWriter err, Function<ConsoleLoop.Controls, Integer> console) {
        if (record == null && options.onVerdict == null) {
            return console.apply(null);
        }
        List<String> said = Collections.synchronizedList(new ArrayList<>());
        Optional<BlackBox> attached = BlackBox.attach(pipeline, record, options, interval, said::add, err, "syntop");
        if (attached.isEmpty()) {
            return ExitCodes.USAGE;
        }
        BlackBox box = attached.get();
        int exit = ExitCodes.SOURCE_FAILED;
        try {
            exit = console.apply(new ConsoleRecording(box));
        } finally {
            box.close("recording stopped: the console was closed");
            synchronized (said) {
                for (String m : said) {
                    err.println("syntop: " + m);
                }
            }
            err.flush();
        }
        return exit == ExitCodes.OK && box.lostTicks() ? ExitCodes.SOURCE_FAILED : exit;
    }

    @Override
    public boolean key(KeyStroke k) {
        return false;
    }

    @Override
    public JudgedTick current() {
        return null;
    }

    @Override
    public String mode(boolean paused) {
        String s = box.status();
        return (paused ? "PAUSED" : "live") + (s.isEmpty() ? "" : "  " + s);
    }
}

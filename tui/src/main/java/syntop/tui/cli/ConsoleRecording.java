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
import syntop.collectors.platform.Platform;
import syntop.tui.console.ConsoleLoop;

/**
 * The live console's {@code --record} and {@code --on-verdict}: started before the console opens,
 * so that a file that cannot be recorded to is said before the screen is taken; listening to the
 * sampler once it is made; shown in the header while it runs ("live  REC", "REC paused: disk full
 * …"); and what they had to say printed on stderr once the terminal is restored.
 */
final class ConsoleRecording implements ConsoleLoop.Controls {
    /** Null when neither was asked for. */
    private final BlackBox box;

    private ConsoleRecording(BlackBox box) {
        this.box = box;
    }

    /** Runs {@code console} with the recording and hooks for what {@code platform} samples, if any were asked for. */
    static int run(Platform platform, Path record, RecordOptions options, Duration interval,
                   PrintWriter err, Function<ConsoleRecording, Integer> console) {
        if (record == null && options.onVerdict == null) {
            return console.apply(new ConsoleRecording(null));
        }
        List<String> said = Collections.synchronizedList(new ArrayList<>());
        Optional<BlackBox> opened = BlackBox.open(platform, record, options, interval, said::add, err, "syntop");
        if (opened.isEmpty()) {
            return ExitCodes.USAGE;
        }
        BlackBox box = opened.get();
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

    /** The recorder and the hooks see each tick and verdict of {@code pipeline} from now on. */
    void listenTo(LivePipeline pipeline) {
        if (box != null) {
            box.listenTo(pipeline);
        }
    }

    /** The console's controls: the header's mode with the recording's state; null when nothing records or runs hooks. */
    ConsoleLoop.Controls controls() {
        return box == null ? null : this;
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

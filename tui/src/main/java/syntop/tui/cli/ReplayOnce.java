package syntop.tui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

import syntop.collectors.judge.JudgedTick;
import syntop.collectors.record.RecordingFormatException;
import syntop.collectors.record.Replay;
import syntop.collectors.report.SnapshotCsv;
import syntop.collectors.report.SnapshotJson;
import syntop.collectors.report.SnapshotText;

/**
 * {@code syntop once --replay FILE [--at TIME]}: one tick of a recording (the last one without
 * {@code --at}), printed as {@code once} prints a live one.
 */
final class ReplayOnce {
    private ReplayOnce() {
    }

    static int run(List<Path> files, String at, OnceCommand.Format format, PrintWriter out, PrintWriter err) {
        TimeArgs.Point point = null;
        if (at != null) {
            try {
                point = TimeArgs.Point.parse(at);
            } catch (IllegalArgumentException e) {
                err.println("syntop once: --at: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        Replay replay;
        try {
            replay = ReplayCommand.open(files, err);
        } catch (IOException | RecordingFormatException e) {
            err.println("syntop once: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (replay == null) {
            return ExitCodes.USAGE;
        }
        Instant first = replay.at(0);
        Instant last = replay.at(replay.size() - 1);
        OptionalInt index = OptionalInt.of(replay.size() - 1);
        if (point != null) {
            Instant when = point.resolve(first, last);
            index = replay.indexAt(when);
            if (index.isEmpty() || when.isAfter(last.plus(replay.header(replay.size() - 1).interval().multipliedBy(2)))) {
                err.println("syntop once: --at " + at + " (" + when + ") is outside the recording, which runs from "
                        + first + " to " + last);
                return ExitCodes.USAGE;
            }
        }
        JudgedTick t = replay.seek(index.getAsInt());
        switch (format) {
            case json:
                out.print(SnapshotJson.snapshot(t));
                break;
            case csv:
                out.print(SnapshotCsv.snapshot(t.snapshot(), t.history()));
                break;
            default:
                out.print(SnapshotText.snapshot(t));
                break;
        }
        out.flush();
        return t.snapshot().anySourceFailed() ? ExitCodes.SOURCE_FAILED : ExitCodes.OK;
    }
}

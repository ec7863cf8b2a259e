package syntop.tui.console;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

import com.googlecode.lanterna.input.KeyStroke;

import syntop.collectors.judge.JudgedTick;
import syntop.collectors.record.Replay;
import syntop.tui.keys.Keymap;

/**
 * The console over a recording: each call moves the recorded time on by the wall time since the
 * last call times the speed, and shows the tick reached (its history and verdicts rebuilt by
 * {@link Replay}). Keys pause, step, change speed and jump to verdicts. At the end it stops and
 * says so, or (the demo) starts again after a few seconds.
 */
public final class ReplayFrames implements ConsoleLoop.FrameSource, ConsoleLoop.Controls {
    /** The speeds {@code 1 2 3} and {@code < >} choose from. */
    static final List<Integer> SPEEDS = List.of(1, 10, 60);
    /** The longest a gap between two recorded ticks takes to play (a recorder stopped, a full disk). */
    private static final long MAX_GAP_NANOS = Duration.ofSeconds(10).toNanos();
    private static final long LOOP_PAUSE_NANOS = Duration.ofSeconds(5).toNanos();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);


    private final Replay replay;
    private final boolean loop;
    private final LongSupplier nanoTime;
    /** Recorded time from the first tick to each tick, gaps shortened. */
    private final long[] offset;
    private int index;
    private long position;
    private long lastWall;
    private boolean started;
    private boolean paused;
    private int speed = 1;
    private long endSince = -1;
    private String message = "";
    private JudgedTick frame;

    public ReplayFrames(Replay replay, boolean loop, LongSupplier nanoTime) {
        if (replay.isEmpty()) {
            throw new IllegalArgumentException("the recording holds no tick");
        }
        this.replay = replay;
        this.loop = loop;
        this.nanoTime = nanoTime;
        this.offset = new long[replay.size()];
        for (int i = 1; i < offset.length; i++) {
            boolean sameRun = replay.header(i).runId() == replay.header(i - 1).runId();
            long step = sameRun ? replay.mono(i) - replay.mono(i - 1)
                    : Duration.between(replay.at(i - 1), replay.at(i)).toNanos();
            offset[i] = offset[i - 1] + Math.max(0, Math.min(MAX_GAP_NANOS, step));
        }
    }

    @Override
    public synchronized JudgedTick next() {
        long now = nanoTime.getAsLong();
        if (!started) {
            started = true;
            lastWall = now;
            return show(0);
        }
        long elapsed = now - lastWall;
        lastWall = now;
        if (paused) {
            return frame;
        }
        if (index == offset.length - 1) {
            if (endSince < 0) {
                endSince = now;
            } else if (loop && now - endSince >= LOOP_PAUSE_NANOS) {
                endSince = -1;
                position = 0;
                return show(0);
            }
            return frame;
        }
        position += elapsed * speed;
        int i = index;
        while (i + 1 < offset.length && offset[i + 1] <= position) {
            i++;
        }
        return show(i);
    }

    private JudgedTick show(int i) {
        index = i;
        if (position < offset[i] || (i + 1 < offset.length && position >= offset[i + 1])) {
            position = offset[i];
        }
        frame = replay.seek(i);
        if (i < offset.length - 1) {
            endSince = -1;
        }
        return frame;
    }

    @Override
    public void interval(Duration interval) {
        // the refresh rate; the replay speed is set by its own keys
    }

    @Override
    public synchronized boolean key(KeyStroke k) {
        message = "";
        switch (k.getKeyType()) {
            case ArrowRight: step(1); return true;
            case ArrowLeft: step(-1); return true;
            case Home: jump(0); return true;
            case End: jump(offset.length - 1); return true;
            case Character: break;
            default: return false;
        }
        if (k.isCtrlDown() || k.isAltDown()) {
            return false;
        }
        switch (k.getCharacter()) {
            case ' ':
                paused = !paused;
                lastWall = nanoTime.getAsLong();
                return true;
            case '.': step(1); return true;
            case ',': step(-1); return true;
            case '1': speed = SPEEDS.get(0); return true;
            case '2': speed = SPEEDS.get(1); return true;
            case '3': speed = SPEEDS.get(2); return true;
            case '>': speed = SPEEDS.get(Math.min(SPEEDS.size() - 1, SPEEDS.indexOf(speed) + 1)); return true;
            case '<': speed = SPEEDS.get(Math.max(0, SPEEDS.indexOf(speed) - 1)); return true;
            case 'v': {
                OptionalInt v = replay.firstVerdict();
                if (v.isPresent()) {
                    jump(v.getAsInt());
                } else {
                    message = "no verdict in this recording";
                }
                return true;
            }
            case 'n': {
                OptionalInt v = replay.nextVerdictStart(index);
                if (v.isPresent()) {
                    jump(v.getAsInt());
                } else {
                    message = "no verdict starts after this tick";
                }
                return true;
            }
            default:
                return false;
        }
    }

    private void step(int delta) {
        jump(Math.max(0, Math.min(offset.length - 1, index + delta)));
    }

    /** Shows tick {@code i}, paused, so the operator can read it. */
    private void jump(int i) {
        paused = true;
        started = true;
        position = offset[i];
        show(i);
    }

    @Override
    public synchronized JudgedTick current() {
        return frame;
    }

    @Override
    public synchronized String mode(boolean viewPaused) {
        StringBuilder b = new StringBuilder("REPLAY ");
        if (frame != null) {
            b.append(TIME.format(frame.snapshot().at())).append("  ");
        }
        b.append('x').append(speed).append("  ").append(index + 1).append('/').append(offset.length);
        if (index == offset.length - 1 && !paused) {
            b.append(loop ? "  end of recording, starting again" : "  end of recording");
        } else if (paused) {
            b.append("  PAUSED");
        }
        if (!message.isEmpty()) {
            b.append("  (").append(message).append(')');
        }
        return b.toString();
    }

    @Override
    public Keymap.Mode mode() {
        return Keymap.Mode.REPLAY;
    }

    synchronized int index() {
        return index;
    }

    synchronized int speed() {
        return speed;
    }

    synchronized boolean paused() {
        return paused;
    }
}

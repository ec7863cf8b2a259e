package syntop.tui.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * syntop started while a lab scenario is already under way, as an operator starts it: a single
 * {@code syntop once} (timed from its start to its answer), and the console at {@code -d 1} in a
 * tmux pane at 120x40 (timed from its first frame to the verdict on screen).
 */
final class LabArrival {
    private static final Pattern VERDICT = Pattern.compile(
            "\"kind\":\\s*\"([a-z_0-9]+)\",\\s*\"severity\":\\s*\"[a-z]+\",\\s*\"port\":\\s*(null|\\d+)");

    /** The sample time at the right end of the console's header. */
    private static final Pattern CLOCK = Pattern.compile("\\d\\d:\\d\\d:\\d\\d UTC");

    private LabArrival() {
    }

    /** The verdicts of a {@code once} JSON answer, "kind:port" or "kind". */
    static List<String> verdicts(String json) {
        List<String> out = new ArrayList<>();
        Matcher m = VERDICT.matcher(json);
        while (m.find()) {
            out.add(m.group(1) + (m.group(2).equals("null") ? "" : ":" + m.group(2)));
        }
        return out;
    }

    private static List<String> java(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", Lab.SERVER_NS,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "syntop.tui.Main"));
        argv.addAll(List.of(args));
        return argv;
    }

    /** What one {@code syntop once --format json} said, and how long it took from its start. */
    record Once(List<String> verdicts, double seconds, String json) {
    }

    static Once once() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java("once", "--format", "json")).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("syntop once hangs");
        }
        return new Once(verdicts(out), (System.nanoTime() - t0) / 1e9, out);
    }

    /**
     * The console's samples up to the first screen showing the text (0 if it never did), told apart by
     * the sample time at the header's right end; and the seconds from its start to that screen.
     */
    record Console(int samples, double seconds, String screen) {
    }

    static boolean tmux() {
        try {
            return new ProcessBuilder("sh", "-c", "command -v tmux").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts the console in a tmux pane and watches the screen for {@code text}, at most {@code seconds}. */
    static Console console(String text, double seconds) throws IOException, InterruptedException {
        String session = "syntop-lab-console-" + ProcessHandle.current().pid();
        List<String> argv = new ArrayList<>(List.of("tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40",
                "env", "TERM=xterm-256color", "LANG=C.UTF-8"));
        argv.addAll(java("-d", "1"));
        long t0 = System.nanoTime();
        run(argv);
        java.util.Set<String> clocks = new java.util.HashSet<>();
        String screen = "";
        try {
            while ((System.nanoTime() - t0) / 1e9 < seconds) {
                screen = capture(session);
                Matcher clock = CLOCK.matcher(screen.lines().findFirst().orElse(""));
                if (clock.find()) {
                    clocks.add(clock.group());
                }
                if (screen.contains(text)) {
                    return new Console(clocks.size(), (System.nanoTime() - t0) / 1e9, screen);
                }
                Thread.sleep(100);
            }
            return new Console(0, -1, screen);
        } finally {
            run(List.of("tmux", "kill-session", "-t", session));
        }
    }

    private static String capture(String session) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tmux", "capture-pane", "-p", "-t", session).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(5, TimeUnit.SECONDS);
        return out;
    }

    private static void run(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }
}

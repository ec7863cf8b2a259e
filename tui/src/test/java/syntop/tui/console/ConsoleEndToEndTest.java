package syntop.tui.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built console in a real terminal: tmux runs it, keys are typed with send-keys, the screen is
 * read with capture-pane, exactly as an operator would see it.
 */
@EnabledOnOs({OS.LINUX, OS.MAC, OS.FREEBSD})
class ConsoleEndToEndTest {
    private final String session = "syntop-e2e-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private final String marker = "syntop.e2e=" + session;

    private static String run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    private static boolean haveTmux() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @TempDir
    Path bin;

    private void start(int cols, int rows) throws Exception {
        start(cols, rows, "", List.of());
    }

    private void start(int cols, int rows, String env, String... args) throws Exception {
        start(cols, rows, env, List.of(), args);
    }

    /**
     * @param env        variables before the command ({@code "TERM=dumb "})
     * @param jvmOptions options for the JVM, before the main class
     * @param args       syntop's arguments after the others ({@code "--theme", "x"})
     */
    private void start(int cols, int rows, String env, List<String> jvmOptions, String... args) throws Exception {
        assumeTrue(haveTmux(), "tmux is not installed (CI installs it)");
        // ss answers with the capture's listeners, so the screen does not depend on this machine
        Path ss = bin.resolve("ss");
        Path saved = Frames.LAB.toAbsolutePath().normalize().resolve("cmd");
        Files.writeString(ss, "#!/bin/sh\nexec cat '" + saved.resolve("ss-tan-states.txt") + "'\n");
        assertTrue(ss.toFile().setExecutable(true));
        List<String> java = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-D" + marker));
        java.addAll(jvmOptions);
        java.addAll(List.of("-cp", System.getProperty("java.class.path"), "syntop.tui.Main",
                "--fs-root", Frames.LAB.toAbsolutePath().normalize().toString()));
        java.addAll(List.of(args));
        // saved preferences go to the test's directory, never to the user's (env may name another)
        String cmd = "PATH=" + bin + ":$PATH LANG=C.UTF-8 XDG_CONFIG_HOME=" + bin.resolve("config") + " " + env
                + String.join(" ", java)
                + "; echo SYNTOP-EXITED-$?; exec bash --norc --noprofile";
        run("tmux", "new-session", "-d", "-x", String.valueOf(cols), "-y", String.valueOf(rows), "-s", session, cmd);
    }

    private String screen() throws Exception {
        return run("tmux", "capture-pane", "-p", "-t", session);
    }

    private String waitFor(Predicate<String> ok, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String s = "";
        while (System.nanoTime() < deadline) {
            s = screen();
            if (ok.test(s)) {
                return s;
            }
            Thread.sleep(150);
        }
        throw new AssertionError("timed out waiting for " + what + "; screen:\n" + s);
    }

    private void keys(String... keys) throws Exception {
        List<String> argv = new ArrayList<>(List.of("tmux", "send-keys", "-t", session));
        argv.addAll(List.of(keys));
        run(argv.toArray(String[]::new));
    }

    private String alternateScreen() throws Exception {
        return run("tmux", "display-message", "-p", "-t", session, "#{alternate_on}").strip();
    }

    private void terminalIsUsable() throws Exception {
        assertEquals("0", alternateScreen(), "the alternate screen was left");
        // the quotes keep the typed command from containing the word the output is matched on
        keys("stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ,; echo US''ABLE", "Enter");
        String s = waitFor(x -> x.contains("USABLE"), "a shell prompt after syntop");
        assertTrue(s.contains("icanon,echo,USABLE"), "canonical mode and echo restored:\n" + s);
    }

    @AfterEach
    void stop() throws Exception {
        run("tmux", "kill-session", "-t", session);
    }

    @Test
    void eightyByTwentyFourKeysResizeAndQuit() throws Exception {
        start(80, 24);
        String s = waitFor(x -> x.contains("SYN_RCVD") && x.contains("Listen queues"), "the first frame");
        assertTrue(s.contains("[q]uit"), s);
        assertTrue(s.contains(":8081"), s);
        keys("?");
        waitFor(x -> x.contains("pause: freeze the view"), "the help overlay");
        keys("Escape");
        waitFor(x -> !x.contains("pause: freeze the view"), "help closing");
        keys("Space");
        waitFor(x -> x.lines().findFirst().orElse("").contains("PAUSED"), "pause");
        keys("Space");
        waitFor(x -> x.lines().findFirst().orElse("").contains("live"), "live again");
        keys("s");
        waitFor(x -> x.contains("sort: port"), "sort by port");
        keys("/", "8", "0", "8", "1", "Enter");
        s = waitFor(x -> x.contains("/8081"), "the filter");
        assertFalse(s.contains(":8080 10.99.0.2"), s);
        String before = run("tmux", "capture-pane", "-e", "-p", "-t", session);
        keys("t");
        waitFor(x -> {
            try {
                return !run("tmux", "capture-pane", "-e", "-p", "-t", session).equals(before);
            } catch (Exception e) {
                return false;
            }
        }, "the colours of the next theme");
        run("tmux", "resize-window", "-t", session, "-x", "160", "-y", "50");
        waitFor(x -> x.contains("SYN defences") && x.contains("Top remotes"), "the full layout after a resize");
        run("tmux", "resize-window", "-t", session, "-x", "50", "-y", "10");
        waitFor(x -> x.contains("too small (50x10)"), "the too-small message");
        run("tmux", "resize-window", "-t", session, "-x", "80", "-y", "24");
        waitFor(x -> x.contains("SYN_RCVD"), "the layout again");
        keys("q");
        waitFor(x -> x.contains("SYNTOP-EXITED-0"), "exit status 0");
        terminalIsUsable();
    }

    @Test
    void whatTheOperatorChangesIsSavedAndAFlagBeatsIt() throws Exception {
        Path conf = Files.createDirectories(bin.resolve("config/syntop")).resolve("syntop.conf");
        Files.writeString(conf, "# kept\nblock_table = flood\n");
        start(120, 40);
        waitFor(x -> x.lines().findFirst().orElse("").contains("every 1 s"), "the first frame");
        keys("t", "+");
        waitFor(x -> x.lines().findFirst().orElse("").contains("every 2 s"), "the longer delay");
        keys("q");
        waitFor(x -> x.contains("SYNTOP-EXITED-0"), "exit status 0");
        String saved = "# kept\nblock_table = flood\ntheme = light\ndelay = 2\n";
        assertEquals(saved, Files.readString(conf));
        run("tmux", "kill-session", "-t", session);
        start(120, 40, "", "-d", "3", "--theme", "mono");
        waitFor(x -> x.lines().findFirst().orElse("").contains("every 3 s"), "the flag's delay");
        keys("q");
        waitFor(x -> x.contains("SYNTOP-EXITED-0"), "exit status 0");
        assertEquals(saved, Files.readString(conf), "flags are not written back");
    }

    @Test
    void oneSttyRunSetsTheTerminalUpAndOneRestoresIt() throws Exception {
        Path log = bin.resolve("stty.log");
        Path stty = bin.resolve("stty-logged");
        Files.writeString(stty, "#!/bin/sh\necho \"$*\" >> '" + log + "'\nexec /bin/stty \"$@\"\n");
        assertTrue(stty.toFile().setExecutable(true));
        start(80, 24, "", List.of("-Dcom.googlecode.lanterna.terminal.UnixTerminal.sttyCommand=" + stty));
        waitFor(x -> x.contains("SYN_RCVD") && x.contains("Listen queues"), "the first frame");
        // Lanterna alone runs five: -g, -icanon, min 1, -echo, intr undef; the size comes with them
        assertEquals(List.of("-g", "-icanon min 1 -echo intr undef", "size"), Files.readAllLines(log));
        keys("q");
        waitFor(x -> x.contains("SYNTOP-EXITED-0"), "exit status 0");
        List<String> runs = Files.readAllLines(log);
        assertEquals(4, runs.size(), "one more run restores the settings: " + runs);
        assertTrue(!runs.get(3).isEmpty() && !runs.get(3).contains(" "), "the saved settings, as stty -g printed them: " + runs);
        terminalIsUsable();
    }

    @Test
    void oneHundredSixtyByFiftyShowsEverythingAndSigtermRestoresTheTerminal() throws Exception {
        start(160, 50);
        String s = waitFor(x -> x.contains("SYN defences") && x.contains("Top remotes") && x.contains("10.99.0.1"),
                "the full layout");
        assertTrue(s.contains("syncookies on when the SYN queue overflows"), s);
        // match the JVM's own command line, not the tmux server's (which carries the whole command too)
        run("pkill", "-TERM", "-f", "^\\S*java -D" + marker);
        waitFor(x -> x.contains("SYNTOP-EXITED-143"), "exit after SIGTERM");
        terminalIsUsable();
    }

    @Test
    void aFrameReachesTheTerminalInAFewWritesNotOneACharacter() throws Exception {
        start(120, 40);
        waitFor(x -> x.contains("SYN defences") && x.contains("Top remotes"), "the full layout");
        String pid = run("pgrep", "-f", "^\\S*java -D" + marker).strip();
        long writes = Files.readAllLines(Path.of("/proc", pid, "io")).stream().filter(l -> l.startsWith("syscw:"))
                .mapToLong(l -> Long.parseLong(l.substring("syscw:".length()).strip())).findFirst().orElseThrow();
        // through System.out, each character was a write(2): over 5,000 for the first two frames
        assertTrue(writes < 500, writes + " write(2) calls for a few frames");
        keys("q");
        waitFor(x -> x.contains("SYNTOP-EXITED-0"), "exit status 0");
        terminalIsUsable();
    }

    /** The console's rows, any of which left on the terminal after it ended is a leftover. */
    private static boolean showsConsoleRows(String screen) {
        return screen.contains("SYN_RCVD") || screen.contains("Listen queues") || screen.contains("\u2502")
                || screen.contains("[q]uit");
    }

    private void growThenEnd(Runnable end, String exited) throws Exception {
        start(80, 24);
        waitFor(x -> x.contains("SYN_RCVD") && x.contains("Listen queues"), "the first frame");
        run("tmux", "resize-window", "-t", session, "-x", "100", "-y", "30");
        waitFor(x -> x.contains("SYN defences") && x.contains("Top remotes"), "the 100x30 layout");
        end.run();
        String s = waitFor(x -> x.contains(exited), exited);
        assertFalse(showsConsoleRows(s), "console rows were left on the terminal:\n" + s);
        terminalIsUsable();
    }

    @Test
    void quitAfterGrowingTheWindowLeavesNoConsoleRows() throws Exception {
        growThenEnd(() -> {
            try {
                keys("q");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "SYNTOP-EXITED-0");
    }

    @Test
    void sigtermAfterGrowingTheWindowLeavesNoConsoleRows() throws Exception {
        growThenEnd(() -> {
            try {
                run("pkill", "-TERM", "-f", "^\\S*java -D" + marker);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "SYNTOP-EXITED-143");
    }

    @Test
    void aDumbTerminalGetsOneLineNamingOnceAndNoEscapes() throws Exception {
        start(80, 24, "TERM=dumb ");
        String s = waitFor(x -> x.contains("SYNTOP-EXITED-"), "syntop's exit");
        assertTrue(s.contains("SYNTOP-EXITED-2"), s);
        assertTrue(s.contains("syntop: TERM=dumb: no full-screen console here; use 'syntop once'"), s);
        assertFalse(showsConsoleRows(s), s);
        assertEquals("0", alternateScreen());
    }

    @Test
    void aThemeFilesWarningsAreShownInTheConsoleAndOnStderr() throws Exception {
        Path themes = Files.createDirectories(bin.resolve("config/syntop/themes"));
        Files.writeString(themes.resolve("mine.theme"), "header = bold\nfg = red\n");
        start(120, 40, "XDG_CONFIG_HOME=" + bin.resolve("config") + " ", "--theme", "mine");
        // (the line goes on with the file's path and the warning, as far as it fits)
        waitFor(x -> x.lines().anyMatch(l -> l.startsWith("theme: mine (5 of 5): 1 warning, /")),
                "the theme's warning in the flash line");
        keys("t");
        waitFor(x -> x.lines().anyMatch(l -> l.startsWith("theme: dark (1 of 5)")), "t naming the theme");
        keys("q");
        String s = waitFor(x -> x.contains("SYNTOP-EXITED-0"), "exit status 0");
        assertTrue(s.contains("syntop: theme mine: ") && s.contains("mine.theme:2: unknown key 'fg' ignored"),
                "the warning on stderr too:\n" + s);
    }
}

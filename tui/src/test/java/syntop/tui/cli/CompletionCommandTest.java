package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {
    private static final List<String> COMMANDS = List.of("once", "parse", "record", "replay", "capture", "serve",
            "apply", "undo", "drop", "block", "unblock", "blocked", "completion", "help");

    @Test
    void bashCompletesEveryCommandAndTheValuesOfAnOption() {
        Cli r = Cli.run("completion", "bash");
        assertEquals(0, r.exit, r.toString());
        assertTrue(!r.out.startsWith("#!"), "a script to source has no #! line");
        assertTrue(r.out.contains("complete -F _complete_syntop") || r.out.contains("-F _complete_syntop syntop"), r.out);
        for (String c : COMMANDS) {
            assertTrue(r.out.contains("_picocli_syntop_" + c + "()"), c);
        }
        assertTrue(r.out.contains("local format_option_args=(\"text\" \"json\" \"csv\")"), "once --format's values");
    }

    @Test
    void zshHasAFunctionPerCommandAndKnowsValuesAndFiles() {
        Cli r = Cli.run("completion", "zsh");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.startsWith("#compdef syntop\n"), r.out);
        for (String c : COMMANDS) {
            assertTrue(r.out.contains("\n_syntop_" + c + "() {\n"), c);
            assertTrue(r.out.contains("        " + c + ") _syntop_" + c + " ;;\n"), c);
        }
        assertTrue(r.out.contains("'--format=[text, json or csv (default: text)]:<format>:(text json csv)'"), r.out);
        assertTrue(r.out.contains("'(-d --delay)'{-d+,--delay=}'[seconds between samples, as in top (default: 1)]:SECONDS: '"),
                r.out);
        assertTrue(r.out.contains("'--capture=[show a bundle from '\\''syntop capture'\\''"), "a quote inside quotes");
        assertTrue(r.out.contains(":BUNDLE:_files'"), "a path completes file names");
        assertTrue(!r.out.contains("--fs-root"), "hidden options are not offered");
    }

    @Test
    void zshParsesTheScript(@TempDir Path dir) throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("zsh"), "zsh is not installed: the script's syntax is not checked");
        Path script = Files.writeString(dir.resolve("_syntop"), Cli.run("completion", "zsh").out);
        Process zsh = new ProcessBuilder("zsh", "-n", script.toString()).redirectErrorStream(true).start();
        String out = new String(zsh.getInputStream().readAllBytes());
        assertEquals(0, zsh.waitFor(), out);
    }

    @Test
    void anotherShellIsAUsageError() {
        Cli r = Cli.run("completion", "fish");
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("bash, zsh"), r.err);
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}

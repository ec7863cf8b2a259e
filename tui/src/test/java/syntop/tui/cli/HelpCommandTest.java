package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HelpCommandTest {
    @Test
    void aloneItPrintsTheUsageWithEveryCommand() {
        Cli r = Cli.run("help");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.startsWith("Usage: syntop "), r.out);
        assertTrue(r.out.contains("  once ") && r.out.contains("  completion ") && r.out.contains("  help "), r.out);
        assertEquals(Cli.run("--help").out, r.out);
    }

    @Test
    void withACommandAndNoTerminalItPrintsThatCommandsUsage() {
        Cli r = Cli.run("help", "once");
        assertEquals(0, r.exit, r.toString());
        assertEquals(Cli.run("once", "--help").out, r.out);
    }

    @Test
    void anUnknownCommandIsNamedWithTheCommandsThereAre() {
        Cli r = Cli.run("help", "nosuch");
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("'nosuch' is not a syntop command") && r.err.contains("once, parse"), r.err);
    }
}

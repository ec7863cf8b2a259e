package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SyntopCommandTest {
    @Test
    void onlyArgumentsThatAreAllOptionsSkipTheSubcommands() {
        assertFalse(SyntopCommand.mayNeedSubcommands(new String[0]));
        assertFalse(SyntopCommand.mayNeedSubcommands(new String[] {"--ascii", "--theme=mono", "-d2", "--version"}));
        assertTrue(SyntopCommand.mayNeedSubcommands(new String[] {"once"}));
        assertTrue(SyntopCommand.mayNeedSubcommands(new String[] {"-d", "2"}), "an option's value is a word");
        assertTrue(SyntopCommand.mayNeedSubcommands(new String[] {"--help"}));
        assertTrue(SyntopCommand.mayNeedSubcommands(new String[] {"-ah"}), "-h among clustered short options");
    }

    @Test
    void theHelpListsEverySubcommandAndATypoIsNamed() {
        Cli help = Cli.run("--help");
        assertEquals(0, help.exit, help.toString());
        for (String sub : new String[] {"once", "parse", "record", "replay", "capture", "serve", "apply", "undo", "drop",
                "block", "unblock", "blocked"}) {
            assertTrue(help.out.contains("  " + sub + " "), sub + " in\n" + help.out);
        }
        Cli typo = Cli.run("onec");
        assertEquals(2, typo.exit, typo.toString());
        assertTrue(typo.err.contains("Unmatched argument at index 0: 'onec'"), typo.toString());
        assertTrue(typo.err.contains("Try 'syntop --help'."), typo.toString());
    }

    @Test
    void optionsAloneParseTheSameWithoutTheSubcommands() {
        Cli bad = Cli.run("--delay=-1");
        Cli badFull = Cli.run("--delay=-1", "--theme", "x");
        assertEquals(2, bad.exit, bad.toString());
        assertEquals(bad.exit, badFull.exit, bad + "\n" + badFull);
        assertEquals(bad.err, badFull.err);
        Cli version = Cli.run("--version");
        assertEquals(0, version.exit, version.toString());
        assertTrue(version.out.startsWith("syntop "), version.out);
    }
}

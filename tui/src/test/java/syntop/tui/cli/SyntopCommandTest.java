package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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
    void aCommandWordGetsOnlyItsOwnSubcommand() {
        List<Class<?>> all = SyntopCommand.subcommandsFor(new String[] {"help"});
        assertEquals(SyntopCommand.commandLine().getSubcommands().size(), all.size(), "help lists every command");
        assertEquals(List.of(OnceCommand.class), SyntopCommand.subcommandsFor(new String[] {"once", "--format", "json"}));
        assertEquals(List.of(OnceCommand.class), SyntopCommand.subcommandsFor(new String[] {"-d", "2", "once"}),
                "an option's value is no command word");
        assertEquals(List.of(ServeCommand.class), SyntopCommand.subcommandsFor(new String[] {"serve", "--help"}));
        assertEquals(all, SyntopCommand.subcommandsFor(new String[] {"completion", "bash"}), "completion names them all");
        assertEquals(all, SyntopCommand.subcommandsFor(new String[] {"onec"}), "a typo's message suggests the commands");
        assertEquals(all, SyntopCommand.subcommandsFor(new String[] {"-h", "once"}), "the root's help lists them all");
        assertEquals(all, SyntopCommand.subcommandsFor(new String[] {"--", "once"}));
        assertEquals(List.of(), SyntopCommand.subcommandsFor(new String[] {"--ascii", "-d2"}));
        assertEquals(Cli.run("help", "once").out, Cli.run("once", "--help").out);
    }

    @Test
    void plainSyntopStartsWithWhatPicocliWouldHaveGivenIt() throws Exception {
        CommandLine cl = SyntopCommand.commandLine(new String[0]);
        cl.parseArgs();
        SyntopCommand parsed = cl.getCommand();
        assertSameOptions(parsed, new SyntopCommand(), "syntop");
        // the console reads the recording options only with --record or --on-verdict
        assertEquals(null, new SyntopCommand().recordOptions.onVerdict);
    }

    /** Every option of {@code plain} as picocli gave {@code parsed}, its mixins' too, each present. */
    private static void assertSameOptions(Object parsed, Object plain, String where) throws Exception {
        for (Field f : parsed.getClass().getDeclaredFields()) {
            f.setAccessible(true);
            if (f.isAnnotationPresent(CommandLine.Option.class)) {
                assertEquals(f.get(parsed), f.get(plain), where + "." + f.getName());
            } else if (f.isAnnotationPresent(CommandLine.Mixin.class)) {
                assertNotNull(f.get(plain), where + "." + f.getName() + ": a mixin plain syntop must have made itself");
                if (!f.getName().equals("recordOptions")) { // read only with --record or --on-verdict
                    assertSameOptions(f.get(parsed), f.get(plain), where + "." + f.getName());
                }
            }
        }
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

    @Test
    void batchModeIsOnceNTimesAsTopDashB() {
        Cli b = Cli.run("-b", "-n", "2", "-d", "0.2", "--fs-root", RecordCommandTest.LAB);
        assertTrue(b.exit == ExitCodes.OK || b.exit == ExitCodes.SOURCE_FAILED, b.toString());
        assertEquals(2, b.out.lines().filter(l -> l.startsWith("syntop ") && l.contains(") at ")).count(), b.out);
        assertTrue(b.out.contains("\nstates\n") && b.out.contains("\ncounters\n"), b.out);
        Cli alone = Cli.run("-n", "2");
        assertEquals(ExitCodes.USAGE, alone.exit, alone.toString());
        assertTrue(alone.err.contains("-n needs -b"), alone.err);
        Cli bad = Cli.run("-b", "-n", "0");
        assertEquals(ExitCodes.USAGE, bad.exit, bad.toString());
        assertTrue(bad.err.contains("--count must be"), bad.err);
    }

    @Test
    void readOnlyIsOfferedWhereThereIsSomethingToActOnOnly() {
        Cli once = Cli.run("once", "--read-only");
        assertEquals(ExitCodes.USAGE, once.exit, once.toString());
        assertTrue(once.err.contains("Unknown option: '--read-only'"), once.err);
        assertFalse(Cli.run("parse", "--help").out.contains("--read-only"));
        assertFalse(Cli.run("once", "--help").out.contains("--read-only"));
        for (String action : new String[] {"apply", "undo", "drop", "block", "unblock", "blocked"}) {
            assertTrue(Cli.run(action, "--help").out.contains("--read-only"), action);
        }
        assertTrue(Cli.run("--help").out.contains("--read-only"), "the console's actions");
    }

    @Test
    void anUnknownThemeIsAUsageErrorThatListsTheThemes() {
        for (String[] args : new String[][] {{"--demo", "--theme", "nosuch"}, {"--theme", "nosuch"}}) {
            Cli r = Cli.run(args);
            assertEquals(ExitCodes.USAGE, r.exit, r.toString());
            assertTrue(r.err.contains("no such theme 'nosuch' (available: dark, light, high-contrast, mono"), r.err);
        }
    }
}

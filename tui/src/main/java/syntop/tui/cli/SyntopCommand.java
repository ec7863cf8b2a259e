package syntop.tui.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command. Without a subcommand it opens the console. */
@Command(name = "syntop",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A top-like console for the TCP stack: connection states, listen queues and SYN defences, live.",
        subcommands = {OnceCommand.class, ParseCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:everything worked",
            "1:it ran, but a source failed or the input was not understood",
            "2:usage error"})
public final class SyntopCommand implements Callable<Integer> {

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SyntopCommand());
        ParseCommand.describeSources(cl.getSubcommands().get("parse"));
        cl.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("syntop: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        return cl;
    }

    @Override
    public Integer call() {
        System.err.println("syntop: the console is not built yet; try 'syntop once' or 'syntop --help'");
        return ExitCodes.USAGE;
    }
}

package syntop.tui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code syntop help [COMMAND]}, as {@code git help} works: alone it prints the usage with every
 * command; with a command it opens that command's manual page ({@code syntop-once(1)}) when one is
 * installed and the output is a terminal, and prints the command's usage otherwise.
 */
@Command(name = "help", helpCommand = true, mixinStandardHelpOptions = true,
        description = {"Show the usage of syntop, or the manual page of COMMAND (its usage when no page is installed)."})
final class HelpCommand implements Callable<Integer> {
    @Parameters(paramLabel = "COMMAND", arity = "0..1", description = "a command, e.g. once or serve")
    String command;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        CommandLine root = spec.root().commandLine();
        PrintWriter out = spec.commandLine().getOut();
        if (command == null) {
            root.usage(out, root.getColorScheme());
            return ExitCodes.OK;
        }
        CommandLine sub = root.getSubcommands().get(command);
        if (sub == null) {
            spec.commandLine().getErr().println("syntop help: '" + command + "' is not a syntop command; the commands are "
                    + String.join(", ", root.getSubcommands().keySet()));
            return ExitCodes.USAGE;
        }
        if (System.console() != null && openManualPage("syntop-" + command)) {
            return ExitCodes.OK;
        }
        sub.usage(out, sub.getColorScheme());
        return ExitCodes.OK;
    }

    /** Runs {@code man PAGE} on this terminal when man knows the page; false when it does not. */
    private static boolean openManualPage(String page) throws InterruptedException {
        try {
            Process where = new ProcessBuilder(List.of("man", "-w", page)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (where.waitFor() != 0) {
                return false;
            }
            return new ProcessBuilder(List.of("man", page)).inheritIO().start().waitFor() == 0;
        } catch (IOException noMan) {
            return false;
        }
    }
}

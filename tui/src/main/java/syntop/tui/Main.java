package syntop.tui;

import picocli.CommandLine;
import syntop.tui.cli.SyntopCommand;

/** Entry point: {@code syntop [options] [command]}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(SyntopCommand.commandLine(args).execute(args));
    }
}

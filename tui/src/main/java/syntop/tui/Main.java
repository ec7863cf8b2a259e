package syntop.tui;

import syntop.tui.cli.SyntopCommand;

/** Entry point: {@code syntop [options] [command]}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(SyntopCommand.execute(args));
    }
}

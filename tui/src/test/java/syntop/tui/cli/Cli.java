package syntop.tui.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs the command line in-process with captured output. */
final class Cli {
    final int exit;
    final String out;
    final String err;

    private Cli(int exit, String out, String err) {
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    static Cli of(int exit, String out, String err) {
        return new Cli(exit, out, err);
    }

    /** Fails, showing the whole output, unless standard output holds every one of {@code parts}. */
    void outHas(String... parts) {
        for (String part : parts) {
            org.junit.jupiter.api.Assertions.assertTrue(out.contains(part), () -> "'" + part + "' not in\n" + out);
        }
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
    }

    static Cli run(String... args) {
        CommandLine cl = SyntopCommand.commandLine(args); // as Main builds it
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }
}

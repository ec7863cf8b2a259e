package syntop.tui.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time main: the AsciiDoc sources of the manual pages and the shell completion scripts,
 * all from the command line's own model, so each subcommand gets its page ({@code syntop-once(1)})
 * and its completion without a list to keep. The build turns the AsciiDoc into roff with asciidoctor.
 *
 * <p>Usage: {@code ManPages VERSION HANDWRITTEN_DIR OUT_DIR}. picocli's pages go to {@code OUT_DIR/generated};
 * each page to convert goes to {@code OUT_DIR/adoc}: a hand-written page ({@code HANDWRITTEN_DIR/NAME.adoc},
 * which includes parts of the generated one) where there is one, else the generated page itself.
 * The completion scripts go to {@code OUT_DIR/completion/syntop.bash} and {@code _syntop}.
 */
public final class ManPages {
    private static final int UNWRAPPED = 10_000;
    /** Every command's page points to the main page, which has the keys, files and examples. */
    private static final String SEE_ALSO = "\n== See also\n\n*syntop*(1)\n";

    private ManPages() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ManPages VERSION HANDWRITTEN_DIR OUT_DIR");
            System.exit(2);
        }
        List<Path> pages = write(args[0], Path.of(args[1]), Path.of(args[2]));
        System.out.println("manual pages: " + pages.size() + " AsciiDoc sources in " + Path.of(args[2], "adoc"));
    }

    /** Writes everything; returns the AsciiDoc pages to convert, the root command's first. */
    static List<Path> write(String version, Path handwritten, Path out) throws IOException {
        CommandLine cl = SyntopCommand.commandLine();
        // one synopsis line per page: man wraps it at the reader's width, never inside a 'CMD ARG…' label
        cl.setUsageHelpWidth(UNWRAPPED);
        Path generated = Files.createDirectories(out.resolve("generated"));
        Path adoc = Files.createDirectories(out.resolve("adoc"));
        int exit = ManPageGenerator.generateManPage(generated.toFile(), null, new boolean[0], true, cl.getCommandSpec());
        if (exit != 0) {
            throw new IOException("picocli's ManPageGenerator ended with " + exit);
        }
        List<Path> pages = new ArrayList<>();
        for (CommandSpec spec : commands(cl)) {
            String name = spec.qualifiedName("-") + ".adoc";
            Path own = handwritten.resolve(name);
            Path page = adoc.resolve(name);
            Path picocli = generated.resolve(name);
            Files.writeString(picocli, withVersion(Files.readString(picocli), version));
            if (Files.exists(own)) {
                Files.writeString(page, Files.readString(own).replace("{generated}", generated.toAbsolutePath().toString()));
            } else {
                Files.writeString(page, Files.readString(picocli) + SEE_ALSO);
            }
            pages.add(page);
        }
        Path completion = Files.createDirectories(out.resolve("completion"));
        Files.writeString(completion.resolve("syntop.bash"), CompletionCommand.script(CompletionCommand.Shell.bash, cl));
        Files.writeString(completion.resolve("_syntop"), CompletionCommand.script(CompletionCommand.Shell.zsh, cl));
        return pages;
    }

    /**
     * The build's version in the page header (picocli takes it from the version provider, which
     * reads a jar's manifest the build-time class path lacks), and a heading without its colon.
     */
    static String withVersion(String adoc, String version) {
        return adoc.replaceAll("(?m)^:revnumber:.*$", ":revnumber: " + version)
                .replaceAll("(?m)^:mansource:.*$", ":mansource: syntop " + version)
                .replaceAll("(?m)^==\\s+Exit status:\\s*$", "== Exit status");
    }

    /** The root command and every visible subcommand, at any depth; aliases are not commands of their own. */
    static List<CommandSpec> commands(CommandLine root) {
        List<CommandSpec> out = new ArrayList<>();
        collect(root.getCommandSpec(), out);
        return out;
    }

    private static void collect(CommandSpec spec, List<CommandSpec> out) {
        out.add(spec);
        spec.subcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName()) && !sub.getCommandSpec().usageMessage().hidden()) {
                collect(sub.getCommandSpec(), out);
            }
        });
    }
}

package syntop.tui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import syntop.collectors.bundle.BundleException;
import syntop.collectors.bundle.BundleReader;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.judge.Pipeline;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Reading;
import syntop.collectors.os.Platforms;
import syntop.collectors.parse.Parsed;
import syntop.collectors.platform.Platform;
import syntop.collectors.report.SnapshotJson;
import syntop.collectors.source.BoundedInput;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.Source;
import syntop.collectors.source.SourceText;

/** {@code syntop parse}: parse saved raw outputs (what a cron job collected) and print the result as JSON. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"Parse saved outputs of a command or /proc file and print what syntop understands, as JSON.",
            "Several FILEs are read as one input, in order (e.g. /proc/net/tcp and /proc/net/tcp6).",
            "With --capture, every source of a capture bundle is parsed and the whole snapshot printed, "
                + "as 'syntop once --format json' prints it."})
public final class ParseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--platform", paramLabel = "OS", description = "linux, freebsd or macos")
    String platformName;

    @Option(names = "--source", paramLabel = "NAME",
            description = "the source the files came from (see the list below; a unique prefix will do)")
    String sourceName;

    @Option(names = "--capture", paramLabel = "BUNDLE",
            description = "a bundle from 'syntop capture' (.tar.gz or directory): print the snapshot it makes")
    Path capture;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "saved output(s)")
    List<Path> files;

    /** Lists every platform's sources under {@code --help}. */
    static void describeSources(CommandLine parse) {
        StringBuilder b = new StringBuilder("%nSources:%n");
        for (OsFamily os : OsFamily.values()) {
            Platform p = offline(os);
            b.append("  ").append(os.token()).append(":%n");
            for (Source s : p.parseableSources()) {
                b.append(wrapped(String.format("    %-24s ", s.id()), s.acquisition().describe().replace("%", "%%")));
            }
        }
        parse.getCommandSpec().usageMessage().footer(b.toString());
    }

    /** Help lines are this wide at most; a long argv (a dozen sysctl keys) goes on at the same indent. */
    static final int HELP_WIDTH = 80;

    /** {@code text} after {@code lead}, wrapped at blanks to {@link #HELP_WIDTH}, never inside a word. */
    static String wrapped(String lead, String text) {
        StringBuilder out = new StringBuilder(lead);
        int column = lead.length();
        boolean first = true;
        for (String word : text.split(" ")) {
            if (!first && column + 1 + word.length() > HELP_WIDTH) {
                out.append("%n").append(" ".repeat(lead.length()));
                column = lead.length();
                first = true;
            }
            if (!first) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
            first = false;
        }
        return out.append("%n").toString();
    }

    private static Platform offline(OsFamily os) {
        return Platforms.offline(os, new HostInfo("saved", os, "saved output"));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (capture != null) {
            if (platformName != null || sourceName != null || (files != null && !files.isEmpty())) {
                err.println("syntop parse: --capture reads the whole bundle; it takes no --platform, --source or FILE");
                return ExitCodes.USAGE;
            }
            return parseCapture(out, err);
        }
        if (platformName == null || sourceName == null || files == null || files.isEmpty()) {
            err.println("syntop parse: give --platform, --source and at least one FILE, or --capture BUNDLE");
            err.println("Try 'syntop parse --help'.");
            return ExitCodes.USAGE;
        }
        OsFamily os = OsFamily.fromToken(platformName).orElse(null);
        if (os == null) {
            err.println("syntop parse: unknown platform '" + platformName + "' (linux, freebsd or macos)");
            return ExitCodes.USAGE;
        }
        Platform platform = offline(os);
        List<Source> matches = findSources(platform, sourceName);
        if (matches.size() != 1) {
            err.println("syntop parse: " + (matches.isEmpty() ? "no" : "more than one") + " " + os.token()
                    + " source matches '" + sourceName + "'; known: "
                    + platform.parseableSources().stream().map(Source::id).collect(Collectors.joining(", ")));
            return ExitCodes.USAGE;
        }
        Source source = matches.get(0);
        List<RawPart> parts = new ArrayList<>();
        long room = BoundedInput.DEFAULT_CAP; // the FILEs are one input, held at once as a source's output is
        for (Path f : files) {
            try {
                byte[] data = BoundedInput.read(f, room);
                room -= data.length;
                parts.add(new RawPart(f.toString(), data));
            } catch (BoundedInput.TooLargeException e) {
                err.println("syntop parse: " + f + ": too large (over " + BoundedInput.size(BoundedInput.DEFAULT_CAP)
                        + (parts.isEmpty() ? "" : " with the files before it")
                        + ", the most syntop reads with this heap; a larger -Xmx in SYNTOP_JAVA_OPTS reads more)");
                return ExitCodes.SOURCE_FAILED;
            } catch (IOException e) {
                err.println("syntop parse: cannot read " + f + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        Parsed<Reading> parsed;
        try {
            parsed = source.parser().parse(new SourceText(parts));
        } catch (RuntimeException e) {
            err.println("syntop parse: the " + source.id() + " parser failed: " + e);
            return ExitCodes.SOURCE_FAILED;
        }
        out.print(SnapshotJson.parsed(os.token(), source.id(), parsed));
        out.flush();
        if (parsed.inputNotUnderstood()) {
            err.println("syntop parse: the input was not understood as " + source.id() + " output"
                    + (parsed.understood() == 0 ? " (no line was)" : " (" + parsed.notUnderstood() + " of "
                            + (parsed.understood() + parsed.notUnderstood()) + " lines were not)"));
            return ExitCodes.SOURCE_FAILED;
        }
        return ExitCodes.OK;
    }

    private int parseCapture(PrintWriter out, PrintWriter err) {
        if (!Files.exists(capture)) {
            err.println("syntop parse: " + capture + ": no such bundle");
            return ExitCodes.USAGE;
        }
        BundleReader platform;
        try {
            platform = BundleReader.open(capture);
        } catch (BundleException e) {
            err.println("syntop parse: " + e.getMessage());
            return ExitCodes.SOURCE_FAILED;
        }
        JudgedTick last = Pipeline.lastOf(platform, Thresholds.defaults());
        out.print(SnapshotJson.snapshot(last));
        out.flush();
        return last.snapshot().anySourceFailed() ? ExitCodes.SOURCE_FAILED : ExitCodes.OK;
    }

    static List<Source> findSources(Platform platform, String name) {
        Optional<Source> named = platform.source(name); // its id, or a name it had before (sysctl's argv slug)
        if (named.isPresent()) {
            return List.of(named.get());
        }
        return platform.parseableSources().stream().filter(s -> s.id().startsWith(name)).toList();
    }
}

package syntop.tui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import syntop.collectors.bundle.BundleException;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.judge.Pipeline;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Reading;
import syntop.collectors.parse.Parsed;
import syntop.collectors.platform.CapturePlatform;
import syntop.collectors.platform.Platform;
import syntop.collectors.platform.Platforms;
import syntop.collectors.report.SnapshotJson;
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
                b.append(String.format("    %-24s %s%n", s.id(), s.acquisition().describe().replace("%", "%%")));
            }
        }
        parse.getCommandSpec().usageMessage().footer(b.toString());
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
        for (Path f : files) {
            try {
                parts.add(new RawPart(f.toString(), Files.readAllBytes(f)));
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
        if (parsed.nothingUnderstood()) {
            err.println("syntop parse: nothing in the input was understood as " + source.id() + " output");
            return ExitCodes.SOURCE_FAILED;
        }
        return ExitCodes.OK;
    }

    private int parseCapture(PrintWriter out, PrintWriter err) {
        if (!Files.exists(capture)) {
            err.println("syntop parse: " + capture + ": no such bundle");
            return ExitCodes.USAGE;
        }
        CapturePlatform platform;
        try {
            platform = CapturePlatform.open(capture);
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
        List<Source> exact = platform.parseableSources().stream().filter(s -> s.id().equals(name)).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        return platform.parseableSources().stream().filter(s -> s.id().startsWith(name)).toList();
    }
}

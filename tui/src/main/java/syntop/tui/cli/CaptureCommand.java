package syntop.tui.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import syntop.collectors.bundle.Bundle;
import syntop.collectors.bundle.BundleException;
import syntop.collectors.bundle.BundleTaker;
import syntop.collectors.bundle.HostFacts;
import syntop.collectors.bundle.Limits;
import syntop.collectors.bundle.Manifest;
import syntop.collectors.platform.Platform;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.ProcessCommandRunner;
import syntop.collectors.text.Printable;

/**
 * {@code syntop capture}: writes exactly what syntop reads on this machine into one bundle (redacted
 * unless {@code --no-redact}), to attach to a bug report or to drop into the test fixtures. Headless:
 * it never opens the terminal.
 */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = {"Save what syntop reads on this machine (every source's output, exit status and timing) "
            + "in one bundle for a bug report or a test.",
            "IP addresses and host names are replaced by stable pseudonyms unless --no-redact is given.",
            "Open a bundle with 'syntop --capture BUNDLE' or 'syntop parse --capture BUNDLE'."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the bundle was written (sources that gave nothing are named in it)",
            "1:nothing was written (see the message)", "2:usage error"})
public final class CaptureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.tar.gz|DIR/",
            description = "where to write: a .tar.gz file (default: syntop-capture-<os>-<host>-<time>.tar.gz here), "
                    + "or a directory when the name ends with '/'")
    String output;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "1",
            description = "run every source N times, for rates (default: ${DEFAULT-VALUE}, at most 300)")
    int samples;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1",
            description = "time between samples (default: ${DEFAULT-VALUE})")
    double intervalSeconds;

    @Option(names = "--no-redact", description = "keep IP addresses and host names as they are (they are replaced by default)")
    boolean noRedact;

    @Option(names = "--unpack", paramLabel = "BUNDLE",
            description = "check a bundle (.tar.gz) and unpack it into -o DIR/ (e.g. into the test fixtures); runs nothing")
    Path unpack;

    @Mixin
    FsRootOption fsRoot;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (unpack != null) {
            return unpack(out, err);
        }
        if (samples < 1 || samples > 300) {
            err.println("syntop capture: --samples must be between 1 and 300");
            return ExitCodes.USAGE;
        }
        if (!(intervalSeconds >= 0.1 && intervalSeconds <= 3600)) {
            err.println("syntop capture: --interval must be between 0.1 and 3600 seconds");
            return ExitCodes.USAGE;
        }
        if (output != null && !isDirectory(output) && !isTarGz(output)) {
            err.println("syntop capture: -o takes FILE.tar.gz, or DIR/ (ending with '/') for a plain directory");
            return ExitCodes.USAGE;
        }
        FsRoot root = fsRoot.root();
        Optional<Platform> platform = ThisMachine.platform(root, "syntop capture", err);
        if (platform.isEmpty()) {
            return ExitCodes.USAGE;
        }
        CommandRunner runner = new ProcessCommandRunner();
        Duration interval = Duration.ofMillis(Math.round(intervalSeconds * 1000));
        HostFacts facts = HostFacts.gather(platform.get().os(), runner, root);
        List<BundleTaker.RawSample> taken = BundleTaker.sample(platform.get(), new Acquirer(runner, root), samples,
                interval, Clock.systemUTC(), System::nanoTime);
        BundleTaker.Result result;
        try {
            result = BundleTaker.build(platform.get(), taken, facts, VersionProvider.version(), interval, !noRedact,
                    new SecureRandom());
        } catch (BundleException e) {
            err.println("syntop capture: " + Printable.of(e.getMessage()));
            return ExitCodes.SOURCE_FAILED;
        }
        Bundle bundle = result.bundle();
        String target = output != null ? output : bundle.name() + ".tar.gz";
        long bytes;
        try {
            if (isDirectory(target)) {
                Path dir = Path.of(target);
                bundle.writeDirectory(dir);
                bytes = bundle.totalBytes();
            } else {
                Path file = Path.of(target);
                bundle.writeTarGz(file, result.manifest().taken().getEpochSecond());
                bytes = Files.size(file);
            }
        } catch (BundleException | java.io.IOException e) {
            err.println("syntop capture: " + e.getMessage());
            return ExitCodes.SOURCE_FAILED;
        }
        report(out, target, bytes, bundle, result);
        return ExitCodes.OK;
    }

    private void report(PrintWriter out, String target, long bytes, Bundle bundle, BundleTaker.Result result) {
        Manifest m = result.manifest();
        int n = m.samples().size();
        out.println("syntop capture: wrote " + target + " (" + size(bytes) + "; " + bundle.files().size() + " files, "
                + n + (n == 1 ? " sample" : " samples, " + Math.round(m.interval().toMillis() / 100.0) / 10.0 + " s apart") + ")");
        for (String f : bundle.files().keySet()) {
            if (!f.startsWith("samples/")) {
                out.println("  " + f + "  " + size(bundle.files().get(f).length));
            }
        }
        if (n > 1) {
            out.println("  " + (n == 2 ? "samples/2/" : "samples/2/ … samples/" + n + "/")
                    + ": the same files for the later samples");
        }
        if (result.missing().isEmpty()) {
            out.println("missing: nothing; every source answered");
        } else {
            out.println("missing or incomplete:");
            result.missing().forEach(line -> out.println("  " + Printable.of(line)));
        }
        out.println("ran as " + (m.host().root() ? "root" : "uid " + m.host().uid() + ", not root (sources that need root say so above)"));
        if (m.redaction().applied()) {
            out.println("redacted: " + m.redaction().addressesReplaced() + " IP addresses replaced by stable pseudonyms, "
                    + "host name shown as " + m.host().hostname() + " (manifest.json says how; --no-redact keeps them)");
        } else {
            out.println("NOT redacted (--no-redact): the bundle shows this machine's real addresses and host name");
        }
        out.flush();
    }

    private int unpack(PrintWriter out, PrintWriter err) {
        if (output == null || !isDirectory(output)) {
            err.println("syntop capture: --unpack needs -o DIR/ (a new or empty directory, ending with '/')");
            return ExitCodes.USAGE;
        }
        if (!Files.exists(unpack)) {
            err.println("syntop capture: " + unpack + ": no such file");
            return ExitCodes.USAGE;
        }
        try {
            Bundle b = Bundle.read(unpack, Limits.DEFAULT);
            Manifest m = b.manifest();
            b.writeDirectory(Path.of(output));
            out.println("syntop capture: unpacked " + b.files().size() + " files (" + size(b.totalBytes()) + ") of the "
                    + m.host().os().token() + " capture taken " + m.taken() + " into " + output);
            out.flush();
            return ExitCodes.OK;
        } catch (BundleException e) {
            err.println("syntop capture: " + Printable.of(e.getMessage()));
            return ExitCodes.SOURCE_FAILED;
        }
    }

    static boolean isDirectory(String output) {
        return output.endsWith("/") || output.endsWith(java.io.File.separator);
    }

    static boolean isTarGz(String output) {
        String o = output.toLowerCase(Locale.ROOT);
        return o.endsWith(".tar.gz") || o.endsWith(".tgz");
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}

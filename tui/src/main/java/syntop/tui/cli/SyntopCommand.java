package syntop.tui.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.platform.Platform;
import syntop.collectors.source.FsRoot;

/** The root command. Without a subcommand it opens the console. */
@Command(name = "syntop",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A top-like console for the TCP stack: connection states, listen queues and SYN defences, live.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:everything worked",
            "1:it ran, but a source failed or the input was not understood",
            "2:usage error"})
public final class SyntopCommand implements Callable<Integer> {

    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(OnceCommand.class, ParseCommand.class,
            RecordCommand.class, ReplayCommand.class, CaptureCommand.class, ServeCommand.class, ApplyCommand.class,
            UndoCommand.class, DropCommand.class, BlockCommand.class, UnblockCommand.class, BlockedCommand.class,
            SynproxyCommand.class, ExplainCommand.class, CompletionCommand.class, HelpCommand.class);

    /** The whole command line, every subcommand included. */
    public static CommandLine commandLine() {
        return commandLine(true);
    }

    /**
     * The command line for {@code args}. picocli's model of the subcommands takes about a
     * tenth of a second to build, a fifth of the console's start-up; arguments that cannot name a
     * subcommand nor ask for help (plain {@code syntop}, {@code syntop --ascii --theme=mono}) start
     * the console without it. Anything else gets the whole command line, so parsing and messages
     * are the same either way.
     */
    public static CommandLine commandLine(String[] args) {
        return commandLine(mayNeedSubcommands(args));
    }

    static boolean mayNeedSubcommands(String[] args) {
        for (String a : args) {
            boolean shortOptions = a.startsWith("-") && !a.startsWith("--");
            if (!a.startsWith("-") || a.equals("--help") || (shortOptions && a.indexOf('h') > 0)) {
                return true; // a word (a subcommand, an option's value, a typo) or a help request
            }
        }
        return false;
    }

    private static CommandLine commandLine(boolean withSubcommands) {
        CommandLine cl = new CommandLine(new SyntopCommand());
        if (withSubcommands) {
            for (Class<?> sub : SUBCOMMANDS) {
                cl.addSubcommand(sub);
            }
            ParseCommand.describeSources(cl.getSubcommands().get("parse"));
        }
        cl.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("syntop: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        return cl;
    }

    @Option(names = {"-d", "--delay"}, paramLabel = "SECONDS", defaultValue = "1",
            description = "seconds between samples, as in top (default: ${DEFAULT-VALUE})")
    double delaySeconds;

    @Option(names = {"-b", "--batch"},
            description = "batch mode, as top -b: print snapshots as text instead of the console "
                    + "('syntop once -n N --interval S'); until interrupted unless -n says how many")
    boolean batch;

    @Option(names = "-n", paramLabel = "N", description = "with -b: print N snapshots, -d seconds apart")
    Integer batchCount;

    @Option(names = "--theme", paramLabel = "NAME",
            description = "colour theme: dark, light, high-contrast, mono, or one in ~/.config/syntop/themes")
    String theme;

    @Option(names = "--ascii", description = "ASCII glyphs only (automatic when the locale is not UTF-8)")
    boolean ascii;

    /** Also taken by each action subcommand; the others (once, parse, …) never act, and do not offer it. */
    @Option(names = "--read-only",
            description = "no actions: profiles, drops and blocks are off (the console's keys say so)")
    boolean readOnly;

    @Mixin
    FsRootOption fsRoot;

    @Mixin
    ThresholdsOption thresholdsOption;

    @Option(names = "--capture", paramLabel = "BUNDLE",
            description = "show a bundle from 'syntop capture' (.tar.gz or directory) instead of this machine; not live")
    Path capture;

    @Option(names = "--record", paramLabel = "FILE",
            description = "record every tick to FILE while the console runs (as 'syntop record' does)")
    Path record;

    @Option(names = "--demo", description = "replay a SYN flood recorded in the project's lab (any OS, no root)")
    boolean demo;

    @Mixin
    RecordOptions recordOptions;

    @Spec
    CommandSpec spec;

    /** The most snapshots 'once' prints; -b without -n asks for that many, which is days at any -d. */
    private static final int BATCH_UNTIL_INTERRUPTED = 1_000_000;

    /** {@code syntop -b [-n N] [-d S]}: 'once -n N --interval S', parsed and checked as 'once' does. */
    private int batch(PrintWriter err) {
        if (capture != null || demo || record != null) {
            err.println("syntop: -b prints this machine's snapshots; it takes no --capture, --demo or --record");
            return ExitCodes.USAGE;
        }
        List<String> args = new java.util.ArrayList<>(List.of("once", "-n",
                String.valueOf(batchCount == null ? BATCH_UNTIL_INTERRUPTED : batchCount),
                "--interval", String.valueOf(delaySeconds)));
        if (fsRoot.dir != null) {
            args.addAll(List.of("--fs-root", fsRoot.dir.toString()));
        }
        if (thresholdsOption.file != null) {
            args.addAll(List.of("--thresholds", thresholdsOption.file.toString()));
        }
        CommandLine root = commandLine(false);
        root.addSubcommand(OnceCommand.class);
        root.setOut(spec.commandLine().getOut()).setErr(err);
        return root.execute(args.toArray(String[]::new));
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!(delaySeconds >= 0.2 && delaySeconds <= 3600)) {
            err.println("syntop: --delay must be between 0.2 and 3600 seconds");
            return ExitCodes.USAGE;
        }
        if (batch) {
            return batch(err);
        }
        if (batchCount != null) {
            err.println("syntop: -n needs -b (batch mode: 'syntop -b -n N')");
            return ExitCodes.USAGE;
        }
        if (capture != null) {
            return CaptureConsole.run(capture, theme, ascii, err);
        }
        if (demo) {
            return ReplayCommand.demo(theme, ascii, err);
        }
        FsRoot root = fsRoot.root();
        Optional<Platform> platform = ThisMachine.platform(root, "syntop", err);
        if (platform.isEmpty()) {
            return ExitCodes.USAGE;
        }
        Map<String, String> env = System.getenv();
        Optional<Thresholds> loaded = thresholdsOption.load(env, err);
        if (loaded.isEmpty()) {
            return ExitCodes.USAGE;
        }
        boolean delayGiven = spec.commandLine().getParseResult().hasMatchedOption("--delay");
        return LiveConsole.run(platform.get(), root, Duration.ofMillis(Math.round(delaySeconds * 1000)), delayGiven, theme, ascii,
                loaded.get(), record, recordOptions, readOnly, err);
    }
}

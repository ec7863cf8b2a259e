package syntop.tui.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
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
import syntop.tui.console.ConsoleWarmUp;

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
        return commandLine(SUBCOMMANDS);
    }

    /**
     * Runs syntop with {@code args}, as {@link syntop.tui.Main} does. Plain {@code syntop}, with no
     * argument at all, is the console with every option at its default: it starts without picocli's
     * model, whose reflection over the annotations (seven proxy classes made) takes about a tenth
     * of a second of CPU, a third of the console's start-up to its first frame.
     */
    public static int execute(String[] args) {
        if (args.length == 0) {
            PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, stderrCharset()), true);
            try {
                return new SyntopCommand().run(err, false);
            } catch (RuntimeException e) { // what picocli's execute does with an exception from call()
                e.printStackTrace(err);
                err.flush();
                return ExitCodes.USAGE;
            }
        }
        return commandLine(args).execute(args);
    }

    /** The charset picocli writes stderr in. */
    private static Charset stderrCharset() {
        String name = System.getProperty("sun.stderr.encoding");
        return name != null && Charset.isSupported(name) ? Charset.forName(name) : Charset.defaultCharset();
    }

    /**
     * The command line for {@code args}, with only the subcommands they can reach. picocli's model
     * of each subcommand is built by reflection, about a tenth of a second for all of them, a fifth
     * of the console's start-up: arguments that cannot name a subcommand nor ask for help
     * ({@code syntop --ascii --theme=mono}) get none, arguments whose first command word is a
     * subcommand get that one ({@code help} and {@code completion}, which read the others, get all),
     * and anything else (a typo, whose message suggests the commands; a help request) gets all,
     * so parsing and messages are the same either way.
     */
    public static CommandLine commandLine(String[] args) {
        return commandLine(subcommandsFor(args));
    }

    static boolean mayNeedSubcommands(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-") || asksForHelp(a)) {
                return true; // a word (a subcommand, an option's value, a typo) or a help request
            }
        }
        return false;
    }

    /** --help, or -h among clustered short options. */
    private static boolean asksForHelp(String arg) {
        boolean shortOptions = arg.startsWith("-") && !arg.startsWith("--");
        return arg.equals("--help") || (shortOptions && arg.indexOf('h') > 0);
    }

    /** The subcommands the command line for {@code args} needs (see {@link #commandLine(String[])}). */
    static List<Class<?>> subcommandsFor(String[] args) {
        if (!mayNeedSubcommands(args)) {
            return List.of();
        }
        for (String a : args) {
            if (a.equals("--") || asksForHelp(a)) {
                return SUBCOMMANDS; // no command word after "--"; the root's help lists them all
            }
            if (a.startsWith("-")) {
                continue;
            }
            for (Class<?> sub : SUBCOMMANDS) {
                Command c = sub.getAnnotation(Command.class);
                if (a.equals(c.name()) || List.of(c.aliases()).contains(a)) {
                    return sub == HelpCommand.class || sub == CompletionCommand.class ? SUBCOMMANDS : List.of(sub);
                }
            }
            // a word that names no subcommand: an option's value (-d 2 once) or a typo; read on
        }
        return SUBCOMMANDS;
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new SyntopCommand());
        for (Class<?> sub : subcommands) {
            cl.addSubcommand(sub);
        }
        if (subcommands.contains(ParseCommand.class)) {
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

    /** -d's default; the field starts with it too, for plain {@code syntop} (see {@link #execute}). */
    private static final String DEFAULT_DELAY = "1";

    @Option(names = {"-d", "--delay"}, paramLabel = "SECONDS", defaultValue = DEFAULT_DELAY,
            description = "seconds between samples, as in top (default: ${DEFAULT-VALUE})")
    double delaySeconds = Double.parseDouble(DEFAULT_DELAY);

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
    FsRootOption fsRoot = new FsRootOption();

    @Mixin
    ThresholdsOption thresholdsOption = new ThresholdsOption();

    @Option(names = "--capture", paramLabel = "BUNDLE",
            description = "show a bundle from 'syntop capture' (.tar.gz or directory) instead of this machine; not live")
    Path capture;

    @Option(names = "--record", paramLabel = "FILE",
            description = "record every tick to FILE while the console runs (as 'syntop record' does)")
    Path record;

    @Option(names = "--demo", description = "replay a SYN flood recorded in the project's lab (any OS, no root)")
    boolean demo;

    /** Its defaults are picocli's to fill in; the console reads them only with --record or --on-verdict. */
    @Mixin
    RecordOptions recordOptions = new RecordOptions();

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
        CommandLine root = commandLine(List.of(OnceCommand.class));
        root.setOut(spec.commandLine().getOut()).setErr(err);
        return root.execute(args.toArray(String[]::new));
    }

    @Override
    public Integer call() {
        return run(spec.commandLine().getErr(), spec.commandLine().getParseResult().hasMatchedOption("--delay"));
    }

    /** {@code delayGiven}: -d was on the command line. */
    private int run(PrintWriter err, boolean delayGiven) {
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
        // every console from here on: what its first frame waits for starts on a second thread
        ConsoleWarmUp.start();
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
        return LiveConsole.run(platform.get(), root, Duration.ofMillis(Math.round(delaySeconds * 1000)), delayGiven, theme, ascii,
                loaded.get(), record, recordOptions, readOnly, err);
    }
}

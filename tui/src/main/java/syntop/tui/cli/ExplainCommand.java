package syntop.tui.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import syntop.collectors.action.Interventions;
import syntop.collectors.action.Setting;
import syntop.collectors.knowledge.Explanation;
import syntop.collectors.knowledge.Knowledge;
import syntop.collectors.knowledge.KnowledgeEntry;
import syntop.collectors.model.OsFamily;
import syntop.collectors.os.Platforms;
import syntop.collectors.platform.Platform;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.ProcessCommandRunner;

/** {@code syntop explain NAME…}: what a tunable, counter, TCP state or verdict kind means, with its sources. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain a tunable (net.ipv4.tcp_syncookies, kern.ipc.somaxconn, ...), a counter id or raw",
            "counter name (listen_drops, TcpExtListenDrops, synproxy), a TCP state (SYN_RECV) or a verdict kind.",
            "Each entry says what it is, its unit, its default on each OS, what it limits, the trade-off of",
            "changing it and where to check; tunables show their value on this machine when it is readable."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every name explained", "1:a name is not known", "2:usage error"})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--os", paramLabel = "OS", description = "linux, freebsd or macos (default: this machine's)")
    String os;

    @Option(names = {"-l", "--list"}, description = "list every name syntop can explain, with its one-line meaning")
    boolean list;

    @Mixin
    FsRootOption fsRoot;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "names to explain")
    List<String> names = List.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FsRoot root = fsRoot.root();
        Optional<Platform> here = Platforms.detect(root);
        Optional<OsFamily> asked = os == null ? here.map(Platform::os) : OsFamily.fromToken(os);
        if (asked.isEmpty()) {
            err.println(os == null ? "syntop explain: this OS is not one syntop knows; give --os linux|freebsd|macos"
                    : "syntop explain: --os is linux, freebsd or macos, not '" + os + "'");
            return ExitCodes.USAGE;
        }
        Knowledge k = Knowledge.builtIn();
        if (list) {
            for (KnowledgeEntry e : k.entries()) {
                out.printf("%-36s %-8s %s%n", e.name(), e.kind().label(), e.what());
            }
            return ExitCodes.OK;
        }
        if (names.isEmpty()) {
            err.println("syntop explain: what? give a name, or --list for every name");
            return ExitCodes.USAGE;
        }
        // The live value is read only on the machine whose OS was asked about.
        Optional<Interventions> live = here.filter(p -> p.os() == asked.get())
                .flatMap(p -> p.interventions(new ProcessCommandRunner(), root));
        int status = ExitCodes.OK;
        boolean first = true;
        for (String name : names) {
            Optional<KnowledgeEntry> e = k.find(name);
            if (e.isEmpty()) {
                err.println("syntop explain: nothing known about '" + name + "' (syntop explain --list shows every name)");
                status = ExitCodes.SOURCE_FAILED;
                continue;
            }
            if (!first) {
                out.println();
            }
            first = false;
            for (String line : Explanation.lines(e.get(), asked.get(), liveValue(e.get(), asked.get(), live))) {
                out.println(line);
            }
        }
        out.flush();
        return status;
    }

    private static Optional<String> liveValue(KnowledgeEntry e, OsFamily os, Optional<Interventions> live) {
        if (e.kind() != KnowledgeEntry.Kind.TUNABLE || e.absentOn(os) || live.isEmpty()) {
            return Optional.empty();
        }
        Setting s = live.get().read(e.name());
        switch (s.status()) {
            case PRESENT: return Optional.of(s.value().orElseThrow() + " on this machine");
            case NOT_ON_OS: return Optional.of("not present on this machine");
            default: return Optional.of("unreadable here: " + s.detail());
        }
    }
}

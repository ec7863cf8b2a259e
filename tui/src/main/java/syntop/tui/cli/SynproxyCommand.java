package syntop.tui.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import syntop.collectors.action.ActionIntent;
import syntop.collectors.action.ActionRefused;
import syntop.collectors.action.Actions;
import syntop.collectors.action.SynproxyActions;
import syntop.collectors.action.SynproxyPlan;
import syntop.collectors.action.SynproxyState;
import syntop.collectors.detect.SynproxyDetector;
import syntop.collectors.detect.SynproxyWatch;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.detect.Verdict;
import syntop.collectors.history.History;
import syntop.collectors.platform.Platform;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.judge.LivePipeline;
import syntop.collectors.platform.Sampler;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.ProcessCommandRunner;

/**
 * {@code syntop synproxy [on PORT[,PORT...] | off [PORT...|--all]]}: ports behind the firewall's
 * SYN proxy (netfilter SYNPROXY in syntop's nftables table, pf's synproxy state in the anchor
 * syntop/synproxy), on demand; without a verb, what is proxied and what the proxy is doing.
 */
@Command(name = "synproxy", mixinStandardHelpOptions = true,
        description = {"Put ports behind the firewall's SYN proxy, take them off, or show what it is doing.",
            "  syntop synproxy                 the ports behind syntop's proxy, since when, SYN_RCVD and the counters",
            "  syntop synproxy on PORT[,PORT]  nftables SYNPROXY on Linux, pf synproxy state on FreeBSD and macOS",
            "  syntop synproxy off [PORT...|--all]   the last port off removes syntop's table or anchor rules",
            "'syntop undo' (u in the console) takes the proxy off too."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "1:a command failed", "2:bad port, too many ports, your own SSH port without --force",
            "3:refused: read-only, not root, not confirmed, the kernel or pf lacks what the proxy needs, "
                + "a table or anchor syntop did not make"})
final class SynproxyCommand extends ChangeCommand {
    @Parameters(arity = "0..*", paramLabel = "on|off PORT", description = "on PORT[,PORT...], off [PORT...]")
    List<String> words = new ArrayList<>();

    @Option(names = "--all", description = "off: every port syntop proxies")
    boolean all;

    @Option(names = "--force", description = "on: also the port of your own SSH session")
    boolean force;

    @Override
    @Option(names = "--dry-run", description = "show the settings diff and the exact commands; change nothing")
    void dryRun(boolean on) {
        dryRun = on;
    }

    @Option(names = "--samples", paramLabel = "N", description = "status: samples one second apart (default 2; 6 or more "
            + "for the verdict on the proxy)")
    int samples = 2;

    @Override
    int run() {
        Actions a = actions();
        if (words.isEmpty()) {
            return status(a);
        }
        String verb = words.get(0);
        List<String> rest = words.subList(1, words.size());
        switch (verb) {
            case "on":
                return on(a, rest);
            case "off":
                return off(a, rest);
            default:
                throw new ActionRefused(ActionRefused.Reason.INVALID, "expected on or off, not " + verb);
        }
    }

    private int on(Actions a, List<String> rest) {
        SynproxyActions s = a.synproxy();
        SortedSet<Integer> ports = s.ports(rest, force);
        attempting(a, new ActionIntent("synproxy on " + String.join(",", ports.stream().map(String::valueOf).toList()),
                ports.stream().map(String::valueOf).toList()));
        print(s.planOn(ports));
        return change(a, new ActionIntent("synproxy on", List.of()), "Put port(s) " + ports + " behind the SYN proxy?", () -> {
            Map<Integer, Long> then = new java.util.TreeMap<>();
            sample(1).latest().ifPresent(snap -> ports.forEach(p -> SynproxyWatch.synRcvd(snap, p).ifPresent(n -> then.put(p, n))));
            return s.on(ports, then);
        });
    }

    private int off(Actions a, List<String> rest) {
        SynproxyActions s = a.synproxy();
        if (all == !rest.isEmpty()) {
            throw new ActionRefused(ActionRefused.Reason.INVALID, "name the port(s) to take off, or --all");
        }
        SortedSet<Integer> ports = all ? new TreeSet<>() : s.ports(rest, true);
        attempting(a, new ActionIntent("synproxy off", ports.stream().map(String::valueOf).toList()));
        print(s.planOff(ports));
        return change(a, new ActionIntent("synproxy off", List.of()), "Take the SYN proxy off?", () -> s.off(ports));
    }

    private void print(SynproxyPlan plan) {
        out().println(plan.title() + ":");
        plan.lines().forEach(out()::println);
    }

    private int status(Actions a) {
        if (samples < 1 || samples > 600) {
            throw new ActionRefused(ActionRefused.Reason.INVALID, "--samples must be 1..600");
        }
        SynproxyActions s = a.synproxy();
        SynproxyState.Content c = s.current();
        if (c.ports().isEmpty()) {
            out().println("no port is behind syntop's SYN proxy in network namespace " + a.namespace()
                    + (c.restore().isEmpty() ? "" : "; settings still to restore: " + c.restore().keySet()
                    + " (syntop synproxy off --all)"));
            return ExitCodes.OK;
        }
        out().println("behind syntop's SYN proxy (" + s.firewall().object() + ") in network namespace " + a.namespace() + ":");
        syntop.collectors.action.Ownership found = s.found();
        if (found.status() == syntop.collectors.action.Ownership.Status.ABSENT) {
            out().println("  but " + s.firewall().object() + " does not exist now (a reboot or a flush?): nothing is proxied; "
                    + "syntop synproxy on PORT puts the ports back, syntop synproxy off --all forgets them");
        } else if (!found.mayChange()) {
            out().println("  " + found.refusal().getMessage());
        }
        History h = sample(samples);
        SynproxyWatch.lines(h, c.ports(), c.before()).forEach(l -> out().println("  " + l));
        s.firewallCounters().forEach(l -> out().println("  " + l));
        for (Verdict v : new SynproxyDetector(c.ports()).detect(h, Thresholds.defaults())) {
            out().println(v.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + v.summary());
            out().println("  " + v.evidence());
        }
        return ExitCodes.OK;
    }

    /** {@code n} samples of this machine one second apart (none where its OS is unknown). */
    private History sample(int n) {
        FsRoot root = FsRoot.live();
        Optional<Platform> platform = ThisMachine.platform(root, "syntop synproxy", err());
        if (platform.isEmpty()) {
            return new History();
        }
        JudgedTick last = null;
        try (LivePipeline pipeline = new LivePipeline(Sampler.live(platform.get(),
                new Acquirer(new ProcessCommandRunner(), root), Duration.ofSeconds(1)), Thresholds.defaults())) {
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    Thread.sleep(1000);
                }
                last = pipeline.next();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // the pipeline keeps the samples' history itself
        return last == null ? new History() : last.history();
    }
}

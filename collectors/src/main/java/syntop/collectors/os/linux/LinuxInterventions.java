package syntop.collectors.os.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import syntop.collectors.action.ActionRefused;
import syntop.collectors.action.CommandPlan;
import syntop.collectors.action.ConnectionFilter;
import syntop.collectors.action.Inputs;
import syntop.collectors.action.IpPrefix;
import syntop.collectors.action.Setting;
import syntop.collectors.action.SynproxyFirewall;
import syntop.collectors.action.ValueRule;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.TcpState;
import syntop.collectors.os.common.SysctlInterventions;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.FsRoot;

/**
 * Linux interventions.
 * <ul>
 * <li>Settings are read from {@code /proc/sys} (no fork; the diff reads a dozen keys) and set
 * with {@code sysctl -w key=value}, not by writing {@code /proc/sys} from Java: the write then
 * goes through the command runner like every other change, so it is audited with its exact argv,
 * recorded by the fake runner in tests, reported with sysctl's own error text, and can be run
 * inside a network namespace by prefixing the runner.</li>
 * <li>Connections are dropped with {@code ss -K} (sock_diag SOCK_DESTROY), always with {@code -t}:
 * without it iproute2 also asks for DCCP, which kernels from 6.16 lack. A kernel built without
 * {@code CONFIG_INET_DIAG_DESTROY} lets {@code ss -K} run and print nothing, so the plan counts
 * the matches before and after and says so plainly when nothing went.</li>
 * <li>Sources are blocked in an nftables table syntop made and marked as its own
 * ({@link NftBlockTable}).</li>
 * </ul>
 */
public final class LinuxInterventions extends SysctlInterventions {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private static final ValueRule A_BYTE = ValueRule.range(0, 255, "the kernel keeps it in 8 bits");

    /** Per-key limits: the kernel's own where it enforces them, else sanity bounds (said so). */
    private static final Map<String, ValueRule> RULES = Map.ofEntries(
            Map.entry("net.ipv4.tcp_syncookies", ValueRule.range(0, 2, "0 off, 1 when the SYN queue overflows, 2 always")),
            Map.entry("net.ipv4.tcp_synack_retries", A_BYTE),
            Map.entry("net.ipv4.tcp_syn_retries", ValueRule.range(1, 127, "the kernel's limit")),
            Map.entry("net.ipv4.tcp_max_syn_backlog", QUEUE_LENGTH),
            Map.entry("net.core.somaxconn", QUEUE_LENGTH),
            Map.entry("net.ipv4.tcp_abort_on_overflow", SWITCH),
            Map.entry("net.ipv4.tcp_fin_timeout", ValueRule.range(1, 3600, "seconds; sanity bound")),
            Map.entry("net.ipv4.tcp_tw_reuse", ValueRule.range(0, 2, "0 off, 1 on, 2 loopback only")),
            Map.entry("net.ipv4.tcp_max_tw_buckets", AN_INT),
            Map.entry("net.ipv4.tcp_max_orphans", AN_INT),
            Map.entry("net.ipv4.tcp_orphan_retries", A_BYTE),
            Map.entry("net.ipv4.ip_local_port_range", ValueRule.portRange()),
            Map.entry("net.core.netdev_max_backlog", ValueRule.range(1, Integer.MAX_VALUE, "an int")));

    private static final String NS_LINK = "/proc/self/ns/net";

    private final Supplier<String> namespace;

    /** Reads settings from {@code /proc/sys} under {@code root}, and the namespace syntop itself runs in. */
    public LinuxInterventions(FsRoot root) {
        this(key -> readProc(root, key), () -> namespaceLink(root));
    }

    /** Reads settings with {@code sysctl -n}, and the namespace with {@code readlink}, through {@code runner} (a namespace, a container). */
    public static LinuxInterventions readingWith(CommandRunner runner) {
        return new LinuxInterventions(key -> readCommand(runner, key), () -> namespaceOf(runner));
    }

    private LinuxInterventions(Function<String, Setting> reader, Supplier<String> namespace) {
        super(OsFamily.LINUX, RULES, reader, List.of("sysctl", "-w"), new NftBlockTable());
        this.namespace = namespace;
    }

    @Override
    public String networkNamespace() {
        return namespace.get();
    }

    private static String namespaceLink(FsRoot root) {
        try {
            return checkedNamespace(Files.readSymbolicLink(root.resolve(NS_LINK)).toString());
        } catch (IOException | UnsupportedOperationException e) {
            throw namespaceUnknown(String.valueOf(e.getMessage()));
        }
    }

    private static String namespaceOf(CommandRunner runner) {
        CommandResult r = runner.run(List.of("readlink", NS_LINK), READ_TIMEOUT, 4096);
        if (!r.succeeded()) {
            throw namespaceUnknown(firstLine(r.stderr().isBlank() ? r.detail() : r.stderr()));
        }
        return checkedNamespace(r.stdoutText().strip());
    }

    /** {@code net:[4026531840]}, as the kernel names a network namespace (namespaces(7)). */
    static String checkedNamespace(String link) {
        if (!link.matches("net:\\[\\d{1,20}\\]")) {
            throw namespaceUnknown(NS_LINK + " reads " + Inputs.quote(link));
        }
        return link;
    }

    private static ActionRefused namespaceUnknown(String why) {
        return new ActionRefused(ActionRefused.Reason.UNSAFE_FILE, "cannot tell which network namespace syntop acts in ("
                + why + "); its state is kept per namespace, so it does not act");
    }

    // ---- sysctl ----

    private static Setting readProc(FsRoot root, String key) {
        try {
            String v = new String(root.read(ProcSysParser.pathOf(key)), StandardCharsets.UTF_8);
            return Setting.present(key, v);
        } catch (NoSuchFileException e) {
            return Setting.missing(key);
        } catch (AccessDeniedException e) {
            return Setting.unreadable(key, "permission denied");
        } catch (IOException | RuntimeException e) {
            return Setting.unreadable(key, String.valueOf(e.getMessage()));
        }
    }

    private static Setting readCommand(CommandRunner runner, String key) {
        CommandResult r = runner.run(List.of("sysctl", "-n", key), READ_TIMEOUT, 64 * 1024);
        if (r.succeeded()) {
            return Setting.present(key, r.stdoutText());
        }
        if (r.stderr().contains("No such file or directory") || r.stderr().contains("cannot stat")) {
            return Setting.missing(key);
        }
        return Setting.unreadable(key, firstLine(r.stderr().isBlank() ? r.detail() : r.stderr()));
    }

    @Override
    public Optional<String> forbidden(String key) {
        if (key.equals("net.ipv4.tcp_tw_recycle")) {
            return Optional.of("removed in Linux 4.12 because it broke clients behind NAT; syntop never sets it");
        }
        return Optional.empty();
    }

    // ---- dropping ----

    /** ss's name for a state in its {@code state} filter. */
    static String ssState(TcpState s) {
        switch (s) {
            case SYN_RCVD: return "syn-recv";
            case SYN_SENT: return "syn-sent";
            case ESTABLISHED: return "established";
            case FIN_WAIT_1: return "fin-wait-1";
            case FIN_WAIT_2: return "fin-wait-2";
            case CLOSE_WAIT: return "close-wait";
            case CLOSING: return "closing";
            case LAST_ACK: return "last-ack";
            case TIME_WAIT: return "time-wait";
            default: throw new IllegalArgumentException("no ss state for " + s);
        }
    }

    /**
     * The ss filter: {@code state S}, {@code dst A}, {@code sport = :P}, each word its own argv
     * element. Without a state, {@code connected} (every state but LISTEN and CLOSED). IPv6 goes as
     * {@code addr/bits}: iproute2 6.1 rejects a bare IPv6 address and a bracketed prefix. Each
     * spared connection adds {@code not ( dst A sport = :P )}: terms side by side are and-ed
     * (ss(8), FILTER), and the kernel's own filter for {@code -K} reads the same expression.
     */
    static List<String> ssFilter(ConnectionFilter f) {
        List<String> a = new ArrayList<>();
        a.add("state");
        a.add(f.state().map(LinuxInterventions::ssState).orElse("connected"));
        f.remote().ifPresent(r -> a.addAll(List.of("dst", ssPrefix(r))));
        f.localPort().ifPresent(p -> a.addAll(List.of("sport", "=", ":" + p)));
        for (ConnectionFilter.Except e : f.except()) {
            if (f.localPort().isPresent() && e.localPort().isPresent() && !f.localPort().equals(e.localPort())) {
                continue; // on another local port than the filter's: it cannot match
            }
            a.addAll(List.of("not", "(", "dst", ssPrefix(e.remote())));
            e.localPort().ifPresent(p -> a.addAll(List.of("sport", "=", ":" + p)));
            a.add(")");
        }
        return a;
    }

    private static String ssPrefix(IpPrefix p) {
        return p.isIpv6() ? p.address() + "/" + p.bits() : p.toString();
    }

    private static List<String> ss(boolean kill, ConnectionFilter f) {
        List<String> a = new ArrayList<>(List.of("ss", "-H", "-t", "-n"));
        if (kill) {
            a.add(1, "-K");
        }
        a.addAll(ssFilter(f));
        return a;
    }

    @Override
    public CommandPlan drop(ConnectionFilter f) {
        List<String> notes = new ArrayList<>();
        notes.add("ss -K needs a kernel with CONFIG_INET_DIAG_DESTROY; syntop counts before and after and says if nothing went");
        if (f.state().isEmpty() || f.state().get() == TcpState.ESTABLISHED || f.state().get() == TcpState.SYN_RCVD) {
            notes.add("connections still waiting in a listener's accept queue leave ss at once, but keep counting in its "
                    + "Recv-Q until the application accepts or closes them");
        }
        return new CommandPlan("drop " + f.describe(), List.of(
                CommandPlan.query("count the matching connections", ss(false, f)),
                CommandPlan.change("destroy them (sock_diag SOCK_DESTROY)", ss(true, f)),
                CommandPlan.query("count again", ss(false, f))), notes);
    }

    @Override
    public long countMatches(ConnectionFilter f, CommandResult listing) {
        return lines(listing.stdoutText());
    }

    @Override
    public DropOutcome judgeDrop(ConnectionFilter f, long before, List<CommandResult> changes, long after) {
        if (changes.isEmpty()) {
            return new DropOutcome(true, "nothing matched; nothing was dropped");
        }
        CommandResult kill = changes.get(0);
        long killed = kill.succeeded() ? lines(kill.stdoutText()) : 0;
        if (kill.stderr().contains("Operation not permitted")) {
            return new DropOutcome(false, "ss -K was not permitted (it needs CAP_NET_ADMIN, i.e. root); nothing was dropped");
        }
        if (!kill.succeeded()) {
            return new DropOutcome(false, "ss -K failed: " + firstLine(kill.stderr().isBlank() ? kill.detail() : kill.stderr()));
        }
        if (killed == 0 && before > 0 && after >= before) {
            return new DropOutcome(false, "ss -K destroyed nothing although " + before + " matched: this kernel cannot "
                    + "destroy sockets (built without CONFIG_INET_DIAG_DESTROY); nothing was dropped");
        }
        String rest = after == 0 ? "none match now" : after + " match now (new ones may have arrived)";
        return new DropOutcome(true, "dropped " + killed + " of " + before + "; " + rest);
    }

    @Override
    public Optional<SynproxyFirewall> synproxy() {
        return Optional.of(new NftSynproxy(this::read));
    }

    // ----

    private static long lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).count();
    }

    static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}

package syntop.collectors.os.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import syntop.collectors.action.BlockTarget;
import syntop.collectors.action.CommandPlan;
import syntop.collectors.action.ConnectionFilter;
import syntop.collectors.action.Interventions;
import syntop.collectors.action.IpPrefix;
import syntop.collectors.action.Setting;
import syntop.collectors.action.ValueRule;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.TcpState;
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
 * <li>Sources are blocked in a syntop-owned nftables table: {@code inet TABLE} with an IPv4 set
 * {@code SET}, an IPv6 set {@code SET6} (both with intervals, so prefixes work), and an input
 * chain that drops packets from either. The table is (re)made in one {@code nft} transaction,
 * which is atomic and can be repeated.</li>
 * </ul>
 */
public final class LinuxInterventions implements Interventions {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    /** Per-key limits: the kernel's own where it enforces them, else sanity bounds (said so). */
    private static final Map<String, ValueRule> RULES = Map.ofEntries(
            Map.entry("net.ipv4.tcp_syncookies", ValueRule.range(0, 2, "0 off, 1 when the SYN queue overflows, 2 always")),
            Map.entry("net.ipv4.tcp_synack_retries", ValueRule.range(0, 255, "the kernel keeps it in 8 bits")),
            Map.entry("net.ipv4.tcp_syn_retries", ValueRule.range(1, 127, "the kernel's limit")),
            Map.entry("net.ipv4.tcp_max_syn_backlog", ValueRule.range(16, 1L << 24, "sanity bound")),
            Map.entry("net.core.somaxconn", ValueRule.range(16, 1L << 24, "sanity bound")),
            Map.entry("net.ipv4.tcp_abort_on_overflow", ValueRule.range(0, 1, "a switch")),
            Map.entry("net.ipv4.tcp_fin_timeout", ValueRule.range(1, 3600, "seconds; sanity bound")),
            Map.entry("net.ipv4.tcp_tw_reuse", ValueRule.range(0, 2, "0 off, 1 on, 2 loopback only")),
            Map.entry("net.ipv4.tcp_max_tw_buckets", ValueRule.range(0, Integer.MAX_VALUE, "an int")),
            Map.entry("net.ipv4.tcp_max_orphans", ValueRule.range(0, Integer.MAX_VALUE, "an int")),
            Map.entry("net.ipv4.tcp_orphan_retries", ValueRule.range(0, 255, "the kernel keeps it in 8 bits")),
            Map.entry("net.ipv4.ip_local_port_range", ValueRule.portRange()),
            Map.entry("net.core.netdev_max_backlog", ValueRule.range(1, Integer.MAX_VALUE, "an int")));

    private static final List<String> BUILTIN = List.of("syn-flood", "time-wait", "fin-wait");

    private final Function<String, Setting> reader;

    /** Reads settings from {@code /proc/sys} under {@code root}. */
    public LinuxInterventions(FsRoot root) {
        this.reader = key -> readProc(root, key);
    }

    /** Reads settings with {@code sysctl -n} through {@code runner} (a namespace, a container). */
    public static LinuxInterventions readingWith(CommandRunner runner) {
        return new LinuxInterventions(key -> readCommand(runner, key));
    }

    private LinuxInterventions(Function<String, Setting> reader) {
        this.reader = reader;
    }

    @Override
    public OsFamily os() {
        return OsFamily.LINUX;
    }

    // ---- sysctl ----

    @Override
    public Setting read(String key) {
        return reader.apply(key);
    }

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
    public List<String> sysctlWrite(String key, String value) {
        return List.of("sysctl", "-w", key + "=" + value);
    }

    @Override
    public Optional<String> forbidden(String key) {
        if (key.equals("net.ipv4.tcp_tw_recycle")) {
            return Optional.of("removed in Linux 4.12 because it broke clients behind NAT; syntop never sets it");
        }
        return Optional.empty();
    }

    @Override
    public ValueRule rule(String key) {
        return RULES.getOrDefault(key, ValueRule.ANY);
    }

    @Override
    public List<String> builtinProfiles() {
        return BUILTIN;
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

    // ---- blocking ----

    private static String set(IpPrefix p, BlockTarget t) {
        return p.isIpv6() ? t.set() + "6" : t.set();
    }

    /** One nft transaction that makes the table, both sets and the chain, and (re)writes its two rules. */
    static List<String> ensureTable(BlockTarget t) {
        String table = t.table();
        String v4 = t.set();
        String v6 = t.set() + "6";
        List<String> a = new ArrayList<>(List.of("nft"));
        a.addAll(List.of("add", "table", "inet", table, ";"));
        a.addAll(List.of("add", "set", "inet", table, v4, "{", "type", "ipv4_addr", ";", "flags", "interval", ";", "}", ";"));
        a.addAll(List.of("add", "set", "inet", table, v6, "{", "type", "ipv6_addr", ";", "flags", "interval", ";", "}", ";"));
        a.addAll(List.of("add", "chain", "inet", table, "input", "{", "type", "filter", "hook", "input", "priority", "filter",
                ";", "policy", "accept", ";", "}", ";"));
        a.addAll(List.of("flush", "chain", "inet", table, "input", ";"));
        a.addAll(List.of("add", "rule", "inet", table, "input", "ip", "saddr", "@" + v4, "drop", ";"));
        a.addAll(List.of("add", "rule", "inet", table, "input", "ip6", "saddr", "@" + v6, "drop"));
        return a;
    }

    @Override
    public CommandPlan block(IpPrefix p, BlockTarget t) {
        return new CommandPlan("block " + p + " in the nftables set inet " + t.table() + " " + set(p, t), List.of(
                CommandPlan.change("make syntop's table, sets and drop rules (one atomic nft run; repeating it is harmless)",
                        ensureTable(t)),
                CommandPlan.change("add " + p + " to the set",
                        List.of("nft", "add", "element", "inet", t.table(), set(p, t), "{", p.toString(), "}"))),
                List.of("syntop owns the table inet " + t.table() + " and rewrites its input chain; rules there are not kept",
                        "nftables rules do not survive a reboot unless saved; syntop's list remembers what it blocked"));
    }

    @Override
    public CommandPlan unblock(IpPrefix p, BlockTarget t) {
        return new CommandPlan("unblock " + p + " from the nftables set inet " + t.table() + " " + set(p, t), List.of(
                CommandPlan.change("remove " + p + " from the set",
                        List.of("nft", "delete", "element", "inet", t.table(), set(p, t), "{", p.toString(), "}"))),
                List.of());
    }

    @Override
    public boolean notBlocked(CommandResult failed) {
        String e = failed.stderr();
        return failed.outcome() == syntop.collectors.source.RawOutput.Outcome.COMPLETED
                && (e.contains("element does not exist") || e.contains("No such file or directory"));
    }

    @Override
    public String describe(BlockTarget t) {
        return "nftables sets inet " + t.table() + " " + t.set() + "/" + t.set() + "6";
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

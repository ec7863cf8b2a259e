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
import syntop.collectors.action.BlockTarget;
import syntop.collectors.action.CommandPlan;
import syntop.collectors.action.ConnectionFilter;
import syntop.collectors.action.Interventions;
import syntop.collectors.action.Inputs;
import syntop.collectors.action.IpPrefix;
import syntop.collectors.action.Ownership;
import syntop.collectors.action.OwnershipCheck;
import syntop.collectors.action.Setting;
import syntop.collectors.action.ValueRule;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.TcpState;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.RawOutput;

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
 * <li>Sources are blocked in a table syntop made and marked as its own (the comment
 * {@value #OWNER_MARK}): {@code inet TABLE} with an IPv4 set {@code SET}, an IPv6 set {@code SET6}
 * (both with intervals, so prefixes work), and an input chain that drops packets from either. A
 * table of that name without the mark is refused; syntop's own table only ever gets what it lacks
 * added, so no chain is flushed and no policy changed.</li>
 * </ul>
 */
public final class LinuxInterventions implements Interventions {
    /** The comment syntop puts on the nftables tables it makes: only a table carrying it is syntop's. */
    public static final String OWNER_MARK = "owned by syntop";
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

    private static final String NS_LINK = "/proc/self/ns/net";

    private final Function<String, Setting> reader;
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
        this.reader = reader;
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

    /** The check that table {@code inet T} is absent or syntop's: a terse listing (set elements left out). */
    public static OwnershipCheck tableOwnership(String table) {
        String object = "nftables table inet " + table;
        return new OwnershipCheck(object, List.of("nft", "-t", "list", "table", "inet", table), r -> judgeTable(object, r));
    }

    static Ownership judgeTable(String object, CommandResult r) {
        if (r.succeeded()) {
            Optional<NftTableListing> t = NftTableListing.parse(r.stdoutText());
            if (t.isEmpty()) {
                return Ownership.unknown(object, "nft listed something that is not a table");
            }
            Optional<String> mark = t.get().comment();
            if (mark.isPresent() && mark.get().equals(OWNER_MARK)) {
                return Ownership.ours(object, r.stdoutText());
            }
            return Ownership.foreign(object, mark.map(c -> "its comment is \"" + c + "\", not \"" + OWNER_MARK + "\"")
                    .orElse("it has no comment \"" + OWNER_MARK + "\""));
        }
        if (r.outcome() == RawOutput.Outcome.COMPLETED && r.stderr().contains("No such file or directory")) {
            return Ownership.absent(object);
        }
        return Ownership.unknown(object, "nft list table failed: " + firstLine(r.stderr().isBlank() ? r.detail() : r.stderr()));
    }

    @Override
    public OwnershipCheck blockOwnership(BlockTarget t) {
        return tableOwnership(t.table());
    }

    private static List<String> setSpec(String family) {
        return List.of("{", "type", family, ";", "flags", "interval", ";", "}");
    }

    private static List<String> chainSpec() {
        return List.of("{", "type", "filter", "hook", "input", "priority", "filter", ";", "policy", "accept", ";", "}");
    }

    private static List<String> dropRule(String table, String family, String set) {
        return List.of("add", "rule", "inet", table, "input", family, "saddr", "@" + set, "drop");
    }

    /**
     * One atomic nft transaction that creates syntop's table, marked with {@link #OWNER_MARK}, with
     * both sets, an input chain of its own and the two drop rules. {@code create} (not {@code add})
     * fails when a table of that name appeared since the check, so nothing of another's is changed.
     */
    static List<String> createTable(BlockTarget t) {
        String table = t.table();
        List<String> a = new ArrayList<>(List.of("nft", "create", "table", "inet", table, "{", "comment", "\"" + OWNER_MARK + "\"",
                ";", "}", ";"));
        a.addAll(List.of("add", "set", "inet", table, t.set()));
        a.addAll(setSpec("ipv4_addr"));
        a.add(";");
        a.addAll(List.of("add", "set", "inet", table, t.set() + "6"));
        a.addAll(setSpec("ipv6_addr"));
        a.add(";");
        a.addAll(List.of("add", "chain", "inet", table, "input"));
        a.addAll(chainSpec());
        a.add(";");
        a.addAll(dropRule(table, "ip", t.set()));
        a.add(";");
        a.addAll(dropRule(table, "ip6", t.set() + "6"));
        return a;
    }

    /**
     * What syntop's own table lacks for this target (a set, its chain, a drop rule), added in one
     * nft transaction; empty when it has everything. Nothing there is flushed or redefined.
     */
    static Optional<List<String>> completeTable(BlockTarget t, NftTableListing have) {
        String table = t.table();
        List<String> a = new ArrayList<>();
        for (String[] set : new String[][] {{t.set(), "ipv4_addr"}, {t.set() + "6", "ipv6_addr"}}) {
            if (!have.sets().contains(set[0])) {
                a.addAll(List.of("add", "set", "inet", table, set[0]));
                a.addAll(setSpec(set[1]));
                a.add(";");
            }
        }
        List<String> input = have.chains().get("input");
        if (input == null) {
            a.addAll(List.of("add", "chain", "inet", table, "input"));
            a.addAll(chainSpec());
            a.add(";");
        }
        for (String[] rule : new String[][] {{"ip", t.set()}, {"ip6", t.set() + "6"}}) {
            if (input == null || !input.contains(rule[0] + " saddr @" + rule[1] + " drop")) {
                a.addAll(dropRule(table, rule[0], rule[1]));
                a.add(";");
            }
        }
        if (a.isEmpty()) {
            return Optional.empty();
        }
        a.remove(a.size() - 1);
        a.add(0, "nft");
        return Optional.of(a);
    }

    @Override
    public CommandPlan block(IpPrefix p, BlockTarget t, Ownership found) {
        List<CommandPlan.Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        switch (found.status()) {
            case ABSENT:
                steps.add(CommandPlan.change("create syntop's table, marked '" + OWNER_MARK + "', with its sets and drop rules "
                        + "(one atomic nft run)", createTable(t)));
                notes.add("inet " + t.table() + " does not exist: syntop creates it and marks it as its own");
                break;
            case OURS: {
                NftTableListing have = NftTableListing.parse(found.listing()).orElseThrow();
                completeTable(t, have).ifPresent(argv -> steps.add(CommandPlan.change(
                        "add what syntop's table lacks (nothing in it is flushed or replaced)", argv)));
                notes.add("inet " + t.table() + " is syntop's (marked '" + OWNER_MARK + "')");
                break;
            }
            case UNKNOWN:
                steps.add(CommandPlan.change("create syntop's table, marked '" + OWNER_MARK + "' (if it is absent)",
                        createTable(t)));
                notes.add("could not check inet " + t.table() + " now (" + found.detail() + "); before acting syntop checks "
                        + "again and refuses a table that is not its own");
                break;
            default:
                throw found.refusal();
        }
        steps.add(CommandPlan.change("add " + p + " to the set",
                List.of("nft", "add", "element", "inet", t.table(), set(p, t), "{", p.toString(), "}")));
        notes.add("syntop changes only tables it made; it never flushes a chain or changes a chain's policy");
        notes.add("nftables rules do not survive a reboot unless saved; syntop's list remembers what it blocked");
        return new CommandPlan("block " + p + " in the nftables set inet " + t.table() + " " + set(p, t), steps, notes);
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
        return failed.outcome() == RawOutput.Outcome.COMPLETED
                && (e.contains("element does not exist") || e.contains("No such file or directory"));
    }

    @Override
    public Optional<syntop.collectors.action.SynproxyFirewall> synproxy() {
        return Optional.of(new NftSynproxy(this::read));
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

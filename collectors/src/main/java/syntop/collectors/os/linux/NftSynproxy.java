package syntop.collectors.os.linux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import syntop.collectors.action.Ownership;
import syntop.collectors.action.OwnershipCheck;
import syntop.collectors.action.Setting;
import syntop.collectors.action.SynproxyFirewall;
import syntop.collectors.action.SynproxyPlan;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.RawOutput;

/**
 * netfilter's SYNPROXY in a table of syntop's own, {@code inet syntop_synproxy}, marked
 * {@value NftOwnership#OWNER_MARK}. A table of its own, not chains in the block table: taking
 * the proxy off is then one {@code nft delete table}, which leaves nothing of the proxy behind and
 * cannot touch what syntop blocked, and the proxy's raw-priority chain never shares a table whose
 * chains a block adds to. The table holds a set of the proxied ports and two chains:
 * <ul>
 * <li>{@code prerouting} (priority raw): a SYN to a proxied port is marked {@code notrack}, so
 * conntrack does not make a half-open entry for it;</li>
 * <li>{@code input} (priority filter): packets to a proxied port in {@code ct state invalid,untracked}
 * (the untracked SYN, the client's ACK that completes the cookie) go to {@code synproxy}, with the
 * options the server would offer itself; other invalid packets to the port are dropped.</li>
 * </ul>
 * It protects local listeners (hook input); a forwarded service behind this host is not covered.
 * The options: mss is the smallest MTU of the interfaces that are up (loopback left out unless it
 * is the only one) less 40 bytes over IPv4 and 60 over IPv6 (IP and TCP headers); wscale is what
 * Linux's {@code tcp_select_initial_window} picks, log2 of the larger of {@code tcp_rmem}'s maximum
 * and {@code net.core.rmem_max}, less 15, between 0 and 14, and none when
 * {@code tcp_window_scaling} is 0; {@code timestamp} (the proxy needs it: its cookies carry the
 * window scale and SACK there) and {@code sack-perm} when {@code tcp_sack} is on. SYNPROXY needs
 * {@code net.netfilter.nf_conntrack_tcp_loose = 0} (else conntrack picks the ACK up as a new
 * connection and the proxy never sees it) and {@code net.ipv4.tcp_timestamps} on; see the kernel's
 * nf_synproxy documentation and the nftables wiki's "Synproxy" page.
 */
public final class NftSynproxy implements SynproxyFirewall {
    public static final String TABLE = "syntop_synproxy";
    static final String LOOSE = "net.netfilter.nf_conntrack_tcp_loose";
    static final String TIMESTAMPS = "net.ipv4.tcp_timestamps";
    static final String SACK = "net.ipv4.tcp_sack";
    static final String WINDOW_SCALING = "net.ipv4.tcp_window_scaling";
    static final String TCP_RMEM = "net.ipv4.tcp_rmem";
    static final String RMEM_MAX = "net.core.rmem_max";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long SMALL = 1024 * 1024;

    private final Function<String, Setting> settings;

    /** Reads kernel settings with {@code settings} (the interventions' own reader). */
    public NftSynproxy(Function<String, Setting> settings) {
        this.settings = settings;
    }

    @Override
    public String object() {
        return "nftables table inet " + TABLE;
    }

    @Override
    public OwnershipCheck ownership() {
        return NftOwnership.tableOwnership(TABLE);
    }

    @Override
    public Readiness readiness(CommandRunner runner, SortedSet<Integer> ports, Ownership found) {
        List<String> missing = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> how = new ArrayList<>();
        Map<String, SynproxyPlan.SettingChange> change = new LinkedHashMap<>();
        Setting loose = settings.apply(LOOSE);
        if (loose.status() == Setting.Status.NOT_ON_OS) {
            missing.add("conntrack: " + LOOSE + " does not exist, so the kernel has no connection tracking here "
                    + "(module nf_conntrack not loaded, or a kernel built without CONFIG_NF_CONNTRACK)");
        } else if (loose.value().isEmpty()) {
            missing.add("cannot read " + LOOSE + " (" + loose.detail() + ")");
        } else if (!loose.value().get().equals("0")) {
            change.put(LOOSE, new SynproxyPlan.SettingChange(LOOSE, loose.value().get(), "0",
                    "conntrack must not pick up the client's ACK as a new connection; this holds for every connection "
                    + "in this network namespace"));
        }
        Setting ts = settings.apply(TIMESTAMPS);
        if (ts.value().isEmpty()) {
            missing.add("cannot read " + TIMESTAMPS + " (" + ts.shown() + ")");
        } else if (ts.value().get().equals("0")) {
            change.put(TIMESTAMPS, new SynproxyPlan.SettingChange(TIMESTAMPS, "0", "1",
                    "SYNPROXY's cookies carry window scaling and SACK in the timestamp"));
        }
        CommandResult links = runner.run(List.of("ip", "-o", "link", "show", "up"), TIMEOUT, SMALL);
        OptionalInt mtu = links.succeeded() ? smallestMtu(links.stdoutText()) : OptionalInt.empty();
        if (mtu.isEmpty()) {
            missing.add("cannot tell the interfaces' MTU, so not the MSS to offer (ip -o link show up: "
                    + (links.succeeded() ? "no interface is up" : LinuxInterventions.firstLine(
                            links.stderr().isBlank() ? links.detail() : links.stderr())) + ")");
        }
        OptionalInt wscale = windowScale(settings.apply(WINDOW_SCALING), settings.apply(TCP_RMEM), settings.apply(RMEM_MAX), how);
        boolean sack = settings.apply(SACK).value().map(v -> !v.equals("0")).orElse(false);
        how.add("sack-perm " + (sack ? "on" : "off") + ": " + SACK + " is " + settings.apply(SACK).shown());
        Optional<SynOptions> options = Optional.empty();
        if (mtu.isPresent()) {
            int m = mtu.getAsInt();
            how.add("mss " + (m - 40) + " (IPv4) and " + (m - 60) + " (IPv6): the smallest MTU of the interfaces that are up, "
                    + m + ", less the IP and TCP headers");
            options = Optional.of(new SynOptions(m - 40, m - 60, wscale, true, sack));
        }
        if (missing.isEmpty() && found.status() == Ownership.Status.ABSENT && options.isPresent()) {
            // nft -c sends the table to the kernel in check mode: it says whether the kernel has SYNPROXY, changing nothing
            CommandResult check = runner.run(List.of("nft", "-c", "-f", "-"),
                    createTable(ports, options.get()).getBytes(java.nio.charset.StandardCharsets.UTF_8), TIMEOUT, SMALL);
            if (!check.succeeded()) {
                String err = LinuxInterventions.firstLine(check.stderr().isBlank() ? check.detail() : check.stderr());
                if (check.outcome() == RawOutput.Outcome.NOT_FOUND) {
                    missing.add("nft is not installed (Debian: apt-get install nftables)");
                } else if (err.contains("No such file or directory") || err.contains("Operation not supported")) {
                    missing.add("SYNPROXY: the kernel refused the synproxy rule (" + err + "); it needs the modules "
                            + "nft_synproxy and nf_synproxy_core (CONFIG_NFT_SYNPROXY) and nf_conntrack");
                } else if (err.contains("Operation not permitted")) {
                    warnings.add("could not check the rules with the kernel (nft -c: " + err + "); it is checked when "
                            + "applied");
                } else {
                    missing.add("the kernel refused the rules in check mode: " + err);
                }
            }
        }
        return new Readiness(missing, warnings, change, options, how);
    }

    /**
     * The window scale Linux's own SYN-ACK carries: tcp_select_initial_window scales the largest
     * window it could grow to, the larger of tcp_rmem's maximum and rmem_max.
     */
    static OptionalInt windowScale(Setting scaling, Setting tcpRmem, Setting rmemMax, List<String> how) {
        if (scaling.value().map(v -> v.equals("0")).orElse(false)) {
            how.add("no wscale: " + WINDOW_SCALING + " is 0");
            return OptionalInt.empty();
        }
        long space = 0;
        String[] rmem = tcpRmem.value().orElse("").split(" ");
        if (rmem.length == 3 && rmem[2].matches("\\d{1,12}")) {
            space = Long.parseLong(rmem[2]);
        }
        if (rmemMax.value().map(v -> v.matches("\\d{1,12}")).orElse(false)) {
            space = Math.max(space, Long.parseLong(rmemMax.value().get()));
        }
        space = Math.min(space, 65535L << 14);
        int w = space <= 0 ? 0 : Math.max(0, Math.min(14, 63 - Long.numberOfLeadingZeros(space) - 15));
        how.add("wscale " + w + ": log2 of the largest receive window, " + space + " bytes (the larger of " + TCP_RMEM
                + "'s maximum and " + RMEM_MAX + "), less 15, as the kernel's own SYN-ACK offers");
        return OptionalInt.of(w);
    }

    /**
     * The smallest MTU in {@code ip -o link show up}, loopback left out unless it is the only
     * interface up. Lines read "2: eth0: &lt;BROADCAST,MULTICAST,UP,LOWER_UP&gt; mtu 1500 qdisc ...".
     */
    static OptionalInt smallestMtu(String ipLinkOneLine) {
        OptionalInt other = OptionalInt.empty();
        OptionalInt loopback = OptionalInt.empty();
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("^\\d+: \\S+: <([A-Z0-9_,-]*)> mtu (\\d{2,6}) ");
        for (String line : ipLinkOneLine.lines().toList()) {
            java.util.regex.Matcher m = p.matcher(line);
            if (!m.find()) {
                continue;
            }
            int mtu = Integer.parseInt(m.group(2));
            boolean lo = List.of(m.group(1).split(",")).contains("LOOPBACK");
            OptionalInt cur = lo ? loopback : other;
            OptionalInt min = cur.isEmpty() || mtu < cur.getAsInt() ? OptionalInt.of(mtu) : cur;
            if (lo) {
                loopback = min;
            } else {
                other = min;
            }
        }
        return other.isPresent() ? other : loopback;
    }

    private static String portList(SortedSet<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /**
     * The whole table as one nft script, run as one atomic transaction: {@code create} fails when a
     * table of that name appeared since the check, so nothing of another's is changed.
     */
    static String createTable(SortedSet<Integer> ports, SynOptions o) {
        String t = "inet " + TABLE;
        return "create table " + t + " { comment \"" + NftOwnership.OWNER_MARK + "\"; }\n"
                + "add set " + t + " ports { type inet_service; }\n"
                + "add chain " + t + " prerouting { type filter hook prerouting priority raw; policy accept; }\n"
                + "add chain " + t + " input { type filter hook input priority filter; policy accept; }\n"
                + "add rule " + t + " prerouting tcp dport @ports tcp flags & (fin|syn|rst|ack) == syn notrack\n"
                + "add rule " + t + " input meta nfproto ipv4 tcp dport @ports ct state invalid,untracked synproxy "
                + o.nft(false) + "\n"
                + "add rule " + t + " input meta nfproto ipv6 tcp dport @ports ct state invalid,untracked synproxy "
                + o.nft(true) + "\n"
                + "add rule " + t + " input tcp dport @ports ct state invalid drop\n"
                + "add element " + t + " ports { " + portList(ports) + " }\n";
    }

    @Override
    public List<SynproxyPlan.Step> on(SortedSet<Integer> ports, SortedSet<Integer> already, Readiness ready, Ownership found) {
        if (found.status() == Ownership.Status.OURS) {
            return List.of(SynproxyPlan.Step.of("add the ports to the proxied set of syntop's table",
                    List.of("nft", "add", "element", "inet", TABLE, "ports", "{", portList(ports), "}")));
        }
        SynOptions o = ready.options().orElseThrow();
        return List.of(new SynproxyPlan.Step("create syntop's table, marked '" + NftOwnership.OWNER_MARK
                + "', with its chains, the synproxy rules and the ports (one atomic nft run)",
                List.of("nft", "-f", "-"), createTable(ports, o)));
    }

    @Override
    public List<SynproxyPlan.Step> off(SortedSet<Integer> ports, SortedSet<Integer> left) {
        if (left.isEmpty()) {
            return List.of(SynproxyPlan.Step.of("remove syntop's table: its chains, rules and set go with it",
                    List.of("nft", "delete", "table", "inet", TABLE)));
        }
        return List.of(SynproxyPlan.Step.of("take the ports out of the proxied set",
                List.of("nft", "delete", "element", "inet", TABLE, "ports", "{", portList(ports), "}")));
    }
}

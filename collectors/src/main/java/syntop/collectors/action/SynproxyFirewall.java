package syntop.collectors.action;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import syntop.collectors.source.CommandRunner;

/**
 * What one OS's firewall offers for a SYN proxy in an object syntop owns: netfilter's SYNPROXY in
 * an nftables table of syntop's on Linux, pf's {@code synproxy state} in the anchor
 * {@code syntop/synproxy} on FreeBSD and macOS. Building plans is pure; {@link #readiness} only
 * reads. {@link SynproxyActions} runs the plans through the {@link ActionGuard}.
 */
public interface SynproxyFirewall {
    /** The object syntop's proxy lives in, in words ("nftables table inet syntop_synproxy"). */
    String object();

    /** The check that the object is absent or syntop's, run before any change. */
    OwnershipCheck ownership();

    /**
     * What the proxy needs here, read now (no change): what the kernel or firewall lacks, the
     * settings it needs changed, the options worked out for the proxy, and why.
     *
     * @param ports the ports it would proxy
     * @param found what the ownership check found
     */
    Readiness readiness(CommandRunner runner, SortedSet<Integer> ports, Ownership found);

    /**
     * The commands that put {@code ports} behind the proxy, the object holding {@code already}
     * (what syntop's state says is proxied now; empty when the object is absent).
     */
    List<SynproxyPlan.Step> on(SortedSet<Integer> ports, SortedSet<Integer> already, Readiness ready, Ownership found);

    /** The commands that take {@code ports} off, {@code left} staying behind the proxy; empty {@code left} removes the whole object. */
    List<SynproxyPlan.Step> off(SortedSet<Integer> ports, SortedSet<Integer> left);

    /** Read-only commands whose output {@link #countersOf} reads: the firewall's own counters of the proxy. */
    default List<List<String>> counterQueries() {
        return List.of();
    }

    /**
     * What the firewall knows now, from the answers (in order) to {@link #counterQueries}; in
     * words, one per line.
     */
    default List<String> countersOf(List<String> answers) {
        return List.of();
    }

    /**
     * What the proxy needs here.
     *
     * @param missing  what the kernel or firewall lacks, in plain words (SYNPROXY, conntrack, pf's
     *                 anchor hook); the proxy is refused while any is missing
     * @param warnings what works but may surprise (pf disabled, a check that could not run)
     * @param settings the kernel settings to set, key to the value needed, with why
     * @param options  the TCP options the proxy offers (Linux; pf picks its own)
     * @param how      how the options were worked out, one line each
     */
    record Readiness(List<String> missing, List<String> warnings, Map<String, SynproxyPlan.SettingChange> settings,
                     java.util.Optional<SynOptions> options, List<String> how) {
        public Readiness {
            missing = List.copyOf(missing);
            warnings = List.copyOf(warnings);
            settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
            java.util.Objects.requireNonNull(options);
            how = List.copyOf(how);
        }
    }

    /**
     * The TCP options a SYN proxy offers a client in its SYN-ACK, as the server itself would.
     *
     * @param mss4     maximum segment size over IPv4
     * @param mss6     maximum segment size over IPv6
     * @param wscale   window scale, absent when window scaling is off
     * @param timestamp  timestamps offered
     * @param sackPerm selective acknowledgements offered
     */
    record SynOptions(int mss4, int mss6, java.util.OptionalInt wscale, boolean timestamp, boolean sackPerm) {
        /** "mss 1460 wscale 7 timestamp sack-perm", nft's words for family {@code ipv6} or not. */
        public String nft(boolean ipv6) {
            StringBuilder sb = new StringBuilder("mss ").append(ipv6 ? mss6 : mss4);
            wscale.ifPresent(w -> sb.append(" wscale ").append(w));
            if (timestamp) {
                sb.append(" timestamp");
            }
            if (sackPerm) {
                sb.append(" sack-perm");
            }
            return sb.toString();
        }
    }
}

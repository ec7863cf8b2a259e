package syntop.collectors.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Consumer;

import syntop.collectors.history.History;
import syntop.collectors.judge.Judge;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.model.AddressCount;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.Counters;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.ProcessOwner;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.StateCounts;
import syntop.collectors.model.TcpState;

/**
 * Builds a history one second at a time. Counters are cumulative and carried from tick to tick, so
 * a test says how much a counter rises in a tick ({@link Tick#inc}); states, listeners and remotes
 * belong to one tick; tunables hold for the whole history.
 */
final class Ticks {
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    /** Counters a Linux host always has (the ones /proc/net/snmp and /proc/net/netstat give). */
    static final List<CounterId> LINUX_COUNTERS = List.of(CounterId.ACTIVE_OPENS, CounterId.PASSIVE_OPENS,
            CounterId.ESTAB_RESETS, CounterId.RESETS_SENT, CounterId.SEGMENTS_RETRANSMITTED, CounterId.LISTEN_OVERFLOWS,
            CounterId.LISTEN_DROPS, CounterId.SYN_QUEUE_FULL_DROPS, CounterId.SYN_QUEUE_FULL_COOKIES,
            CounterId.SYNCOOKIES_SENT, CounterId.SYNCOOKIES_RECEIVED, CounterId.TIME_WAIT_OVERFLOWS);

    /** Counters a FreeBSD host has from netstat -s -p tcp and pfctl -si. */
    static final List<CounterId> FREEBSD_COUNTERS = List.of(CounterId.ACTIVE_OPENS, CounterId.PASSIVE_OPENS,
            CounterId.RESETS_SENT, CounterId.SEGMENTS_RETRANSMITTED, CounterId.LISTEN_OVERFLOWS,
            CounterId.EMBRYONIC_DROPPED, CounterId.SYNCACHE_OVERFLOWS, CounterId.SYNCACHE_BUCKET_OVERFLOWS,
            CounterId.SYNCOOKIES_SENT, CounterId.SYNCACHE_ADDED, CounterId.PF_MEMORY_DROPS);

    private final History history = new History();
    private Judge judge;
    private JudgedTick last;
    private final OsFamily os;
    private final EnumMap<CounterId, Long> totals = new EnumMap<>(CounterId.class);
    private final Map<String, String> tunables = new TreeMap<>();
    private int second;

    private Ticks(OsFamily os, List<CounterId> counters) {
        this.os = os;
        counters.forEach(id -> totals.put(id, 1000L));
    }

    static Ticks linux() {
        return new Ticks(OsFamily.LINUX, LINUX_COUNTERS).tunable("net.ipv4.tcp_syncookies", "1")
                .tunable("net.ipv4.tcp_max_syn_backlog", "2048").tunable("net.core.somaxconn", "4096")
                .tunable("net.ipv4.ip_local_port_range", "32768 60999");
    }

    static Ticks freebsd() {
        return new Ticks(OsFamily.FREEBSD, FREEBSD_COUNTERS).tunable("net.inet.tcp.syncookies", "1")
                .tunable("net.inet.ip.portrange.first", "10000").tunable("net.inet.ip.portrange.last", "65535")
                .tunable("net.inet.tcp.msl", "30000");
    }

    static Ticks macos() {
        return new Ticks(OsFamily.MACOS, FREEBSD_COUNTERS);
    }

    Ticks tunable(String key, String value) {
        tunables.put(key, value);
        return this;
    }

    Ticks withoutTunable(String key) {
        tunables.remove(key);
        return this;
    }

    /** The counter is no longer read (from the next tick on). */
    Ticks drop(CounterId id) {
        totals.remove(id);
        return this;
    }

    /** From now on the ticks go to a {@link Judge} (verdicts that hold, the judgement) instead of a bare history. */
    Ticks judged(Thresholds t) {
        judge = new Judge(t);
        return this;
    }

    Ticks judged() {
        return judged(Thresholds.defaults());
    }

    History history() {
        return judge == null ? history : judge.history();
    }

    List<Verdict> verdicts() {
        return judge == null ? Detectors.evaluate(history) : last.verdicts();
    }

    /** The judged tick last added (judged ticks only). */
    JudgedTick last() {
        return last;
    }

    List<Verdict> verdicts(Thresholds t) {
        return Detectors.evaluate(history, t);
    }

    /** Adds {@code n} ticks, each described by {@code what}. */
    Ticks run(int n, Consumer<Tick> what) {
        for (int i = 0; i < n; i++) {
            Tick t = new Tick();
            what.accept(t);
            if (judge == null) {
                history.add(t.build());
            } else {
                last = judge.add(t.build());
            }
        }
        return this;
    }

    /** Adds {@code n} quiet ticks: a few established connections, counters not moving. */
    Ticks quiet(int n) {
        return run(n, t -> t.state(TcpState.ESTABLISHED, 20).state(TcpState.LISTEN, 2));
    }

    /** One tick being described. */
    final class Tick {
        private final EnumMap<TcpState, Long> states = new EnumMap<>(TcpState.class);
        private final List<ListenQueue> listeners = new ArrayList<>();
        private final EnumMap<TcpState, List<AddressCount>> remotes = new EnumMap<>(TcpState.class);
        private final EnumMap<CounterId, Long> gauges = new EnumMap<>(CounterId.class);
        private boolean noStates;

        Tick state(TcpState s, long n) {
            states.put(s, n);
            return this;
        }

        /** This tick's connection table was not read. */
        Tick noStates() {
            noStates = true;
            return this;
        }

        /** A counter rises by {@code n} in this tick (it appears if it was not there). */
        Tick inc(CounterId id, long n) {
            totals.merge(id, n, Long::sum);
            return this;
        }

        Tick gauge(CounterId id, long v) {
            gauges.put(id, v);
            return this;
        }

        /** A Linux-style listener: accept queue (Recv-Q), half-open count on the port, limit (Send-Q). */
        Tick listener(int port, long accept, long synQueue, long limit) {
            listeners.add(new ListenQueue("tcp4", "0.0.0.0", port, accept, OptionalLong.of(synQueue),
                    OptionalLong.of(limit)));
            return this;
        }

        /** The last listener added, owned by {@code owner} (as ss -ltnp names it). */
        Tick ownedBy(ProcessOwner owner) {
            listeners.set(listeners.size() - 1, listeners.get(listeners.size() - 1).withProcess(owner));
            return this;
        }

        /** A listener as a parser gave it. */
        Tick listener(ListenQueue q) {
            listeners.add(q);
            return this;
        }

        /** A BSD-style listener from netstat -L: qlen/incqlen/maxqlen. */
        Tick bsdListener(int port, long qlen, long incqlen, long maxqlen) {
            listeners.add(new ListenQueue("tcp4", "*", port, qlen, OptionalLong.of(incqlen), OptionalLong.of(maxqlen)));
            return this;
        }

        Tick remote(TcpState s, String address, long n) {
            remotes.computeIfAbsent(s, k -> new ArrayList<>()).add(new AddressCount(address, n));
            return this;
        }

        Snapshot build() {
            Counters.Builder c = Counters.builder();
            totals.forEach(c::put);
            gauges.forEach(c::put);
            long mono = second * 1_000_000_000L;
            Instant at = T0.plusSeconds(second);
            second++;
            return new Snapshot(at, mono, new HostInfo("test", os, os.token()), Map.of(),
                    noStates ? StateCounts.empty() : StateCounts.of(states), c.build(), listeners, remotes, tunables);
        }
    }
}

package syntop.collectors.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.TcpState;

/**
 * What happened over time: per-counter rates and per-state counts in rings (15 minutes at 1 s by
 * default), the last few snapshots whole, and every source's poll times. Rates and counter
 * rollover are computed here once, for every OS. Safe to read from the render thread while the
 * sampler adds.
 */
public final class History {
    /** 15 minutes at 1 s. */
    public static final int DEFAULT_CAPACITY = 900;
    /** How many whole snapshots are kept for detectors and drill-down. */
    public static final int RECENT_SNAPSHOTS = 60;

    private final int capacity;
    private final Map<CounterId, DoubleRing> rates = new EnumMap<>(CounterId.class);
    private final Map<CounterId, Rate> latestRate = new EnumMap<>(CounterId.class);
    private final Map<TcpState, DoubleRing> states = new EnumMap<>(TcpState.class);
    private final Deque<Snapshot> recent = new ArrayDeque<>();
    private final PollTimes pollTimes = new PollTimes();
    private long ticks;

    public History() {
        this(DEFAULT_CAPACITY);
    }

    public History(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2");
        }
        this.capacity = capacity;
        for (CounterId id : CounterId.values()) {
            rates.put(id, new DoubleRing(capacity));
            latestRate.put(id, Rate.INIT);
        }
        for (TcpState s : TcpState.values()) {
            states.put(s, new DoubleRing(capacity));
        }
    }

    public synchronized void add(Snapshot s) {
        Snapshot prev = recent.peekLast();
        for (CounterId id : CounterId.values()) {
            Rate r = computeRate(id, prev, s);
            latestRate.put(id, r);
            rates.get(id).add(r.known() ? r.perSecond() : Double.NaN);
        }
        boolean haveStates = !s.states().isEmpty();
        for (TcpState st : TcpState.values()) {
            states.get(st).add(haveStates ? s.states().get(st) : Double.NaN);
        }
        for (SourceStatus status : s.sources().values()) {
            if (status.health() != SourceHealth.STALE) {
                pollTimes.record(status.id(), status.took());
            }
        }
        recent.addLast(s);
        if (recent.size() > RECENT_SNAPSHOTS) {
            recent.removeFirst();
        }
        ticks++;
    }

    private static Rate computeRate(CounterId id, Snapshot prev, Snapshot cur) {
        OptionalLong now = cur.counters().get(id);
        if (now.isEmpty()) {
            return prev != null && prev.counters().has(id) ? Rate.STALE : Rate.ABSENT;
        }
        if (prev == null) {
            return Rate.INIT;
        }
        OptionalLong before = prev.counters().get(id);
        if (before.isEmpty()) {
            return Rate.INIT;
        }
        double seconds = (cur.monoNanos() - prev.monoNanos()) / 1e9;
        if (seconds <= 0) {
            return Rate.INIT;
        }
        if (id.kind() == CounterId.Kind.GAUGE) {
            return Rate.of((now.getAsLong() - before.getAsLong()) / seconds);
        }
        long inc = Rate.increase(before.getAsLong(), now.getAsLong());
        return inc < 0 ? Rate.RESET : Rate.of(inc / seconds);
    }

    public synchronized Rate rate(CounterId id) {
        return latestRate.get(id);
    }

    /** The last {@code n} per-second rates of a counter, oldest first; NaN where unknown. */
    public synchronized double[] rateSeries(CounterId id, int n) {
        return rates.get(id).last(n);
    }

    /** The last {@code n} counts of a state, oldest first; NaN where unknown. */
    public synchronized double[] stateSeries(TcpState state, int n) {
        return states.get(state).last(n);
    }

    /** Change per second of a state's count over the last interval, if two samples with states exist. */
    public synchronized Optional<Double> stateChangePerSecond(TcpState state) {
        if (recent.size() < 2) {
            return Optional.empty();
        }
        Snapshot cur = recent.peekLast();
        Snapshot prev = previousOf(cur);
        if (prev == null || cur.states().isEmpty() || prev.states().isEmpty()) {
            return Optional.empty();
        }
        double seconds = (cur.monoNanos() - prev.monoNanos()) / 1e9;
        if (seconds <= 0) {
            return Optional.empty();
        }
        return Optional.of((cur.states().get(state) - prev.states().get(state)) / seconds);
    }

    private Snapshot previousOf(Snapshot cur) {
        Snapshot prev = null;
        for (Snapshot s : recent) {
            if (s == cur) {
                return prev;
            }
            prev = s;
        }
        return null;
    }

    public synchronized Optional<Snapshot> latest() {
        return Optional.ofNullable(recent.peekLast());
    }

    /** The last whole snapshots, oldest first (at most {@link #RECENT_SNAPSHOTS}). */
    public synchronized List<Snapshot> recent() {
        return new ArrayList<>(recent);
    }

    public PollTimes pollTimes() {
        return pollTimes;
    }

    public synchronized long ticks() {
        return ticks;
    }

    public int capacity() {
        return capacity;
    }

    /** A fixed-size ring of doubles. */
    private static final class DoubleRing {
        private final double[] values;
        private int next;
        private int size;

        DoubleRing(int capacity) {
            values = new double[capacity];
        }

        void add(double v) {
            values[next] = v;
            next = (next + 1) % values.length;
            size = Math.min(size + 1, values.length);
        }

        double[] last(int n) {
            int k = Math.min(n, size);
            double[] out = new double[k];
            for (int i = 0; i < k; i++) {
                int idx = (next - k + i + values.length) % values.length;
                out[i] = values[idx];
            }
            return out;
        }
    }
}

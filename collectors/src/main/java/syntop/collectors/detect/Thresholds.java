package syntop.collectors.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The numbers the detectors judge by. Every rate is per second and is judged over the last
 * {@code sustain.samples} samples, so one increment never makes a verdict. Defaults come from
 * {@link #defaults()}; an operator overrides them in a {@code key = value} text read with
 * {@link #parse(List)}.
 *
 * <p>Keys (default in brackets):
 * <ul>
 * <li>{@code sustain.samples} [5, 1..30] — how many of the latest samples a rate is judged over. A rate
 *     is sustained when every one of them is known and two of them (a third, in a window longer than
 *     six) reach the threshold (evidence shows their mean): a flood is named on its second sample,
 *     even when it comes in bursts, and one spike never is. Until syntop has had that many samples,
 *     the ones it has decide when they already settle it as the whole window would (two reach the
 *     threshold), or when every one of them (one at least) is ten times the threshold.</li>
 * <li>{@code hold.fraction} [0.75, 0.1..1] — a verdict once named holds while its evidence stays at
 *     this fraction of the lines that named it (queue fill, pile-up counts, TIME_WAIT share, pf
 *     state use) and one rate of the window still reaches its threshold; it ends when the evidence
 *     has gone below that ({@link #holding()}).</li>
 * <li>{@code syn.rcvd.high} [256] — half-open (SYN_RCVD) connections on the whole host that count
 *     as high.</li>
 * <li>{@code syn.queue.full} [0.9] — a listener's SYN queue (or the BSD syncache) is near its limit
 *     at this fraction of the limit. Linux lets it reach limit + 1.</li>
 * <li>{@code syn.drops.rate} [10] — SYNs lost per second (TCPReqQFullDrop, ListenDrops minus
 *     ListenOverflows, embryonic drops, syncache overflows with cookies off) that make a SYN flood.</li>
 * <li>{@code syn.cookies.rate} [10] — SYN cookies sent per second that make a SYN flood; on FreeBSD,
 *     which puts a cookie in every SYN-ACK, the SYNs answered by a cookie without a syncache entry.</li>
 * <li>{@code backlog.small} [16] — a listen limit at or below this is small: a full SYN queue
 *     under modest traffic is blamed on the backlog, not on an attack.</li>
 * <li>{@code backlog.modest.rate} [50] — lost SYNs plus cookies per second below which traffic to
 *     a small-backlog listener counts as modest.</li>
 * <li>{@code accept.queue.full} [1.0] — an accept queue is full at this fraction of its limit. On
 *     FreeBSD the kernel accepts up to 1.5 × the limit, so the limit is multiplied by 1.5 there
 *     first; macOS refuses at the limit itself (its qlen counts half-open connections too).</li>
 * <li>{@code accept.overflows.rate} [1] — accept-queue overflows per second (ListenOverflows)
 *     that make a full accept queue critical.</li>
 * <li>{@code timewait.warn} [0.5] — TIME_WAIT count as a fraction of the ephemeral port range
 *     that makes a warning.</li>
 * <li>{@code timewait.critical} [0.9] — the same fraction that makes it critical.</li>
 * <li>{@code timewait.min} [1000] — fewer TIME_WAIT connections than this never make a verdict.</li>
 * <li>{@code pileup.warn} [500] — FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT or LAST_ACK connections that
 *     make a warning.</li>
 * <li>{@code pileup.critical} [5000] — the same count that makes it critical.</li>
 * <li>{@code pileup.min} [100] — below this count growth alone does not make a verdict.</li>
 * <li>{@code pileup.growth.rate} [5] — growth per second (over {@code sustain.samples}) of one of
 *     those states that makes a warning once the count is at least {@code pileup.min}.</li>
 * <li>{@code pf.states.warn} [0.8] — pf state table use (states / limit) that makes a warning.</li>
 * <li>{@code pf.states.critical} [0.95] — the same that makes it critical.</li>
 * <li>{@code pf.memory.rate} [1] — pf "memory" drops per second (states refused) that make it critical.</li>
 * <li>{@code surge.factor} [10] — a reset or retransmit rate this many times its baseline is a surge.</li>
 * <li>{@code surge.baseline.samples} [60, 2..600] — how many samples before the judged ones make the
 *     baseline (their median); at least half of them must be known.</li>
 * <li>{@code surge.resets.floor} [50] — resets per second below which there is no reset surge.</li>
 * <li>{@code surge.retransmits.floor} [100] — retransmitted segments per second below which there
 *     is no retransmit surge.</li>
 * </ul>
 *
 * <p>{@code held} is not a key: it is true only for the lines {@link #holding()} gives, which judge
 * whether a verdict already named still holds.
 */
public record Thresholds(int sustainSamples, long synRcvdHigh, double synQueueFull, double synDropRate,
                         double synCookieRate, long smallBacklog, double modestSynRate, double acceptQueueFull,
                         double acceptOverflowRate, double timeWaitWarn, double timeWaitCritical, long timeWaitMin,
                         long pileUpWarn, long pileUpCritical, long pileUpMin, double pileUpGrowthRate,
                         double pfStatesWarn, double pfStatesCritical, double pfMemoryDropRate, double surgeFactor,
                         int surgeBaselineSamples, double resetFloor, double retransmitFloor, double holdFraction,
                         boolean held) {

    private static final Thresholds DEFAULTS = new Thresholds(5, 256, 0.9, 10, 10, 16, 50, 1.0, 1, 0.5, 0.9, 1000,
            500, 5000, 100, 5, 0.8, 0.95, 1, 10, 60, 50, 100, 0.75, false);

    /** The thresholds with their overrides, and what was wrong with the text. */
    public record Loaded(Thresholds thresholds, List<String> warnings) {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    private record Key(String name, boolean integral, double min, double max, Function<Thresholds, Number> get) {
    }

    private static final Map<String, Key> KEYS = new LinkedHashMap<>();

    static {
        key("sustain.samples", true, 1, 30, Thresholds::sustainSamples);
        key("syn.rcvd.high", true, 1, Long.MAX_VALUE, Thresholds::synRcvdHigh);
        key("syn.queue.full", false, 0.01, 10, Thresholds::synQueueFull);
        key("syn.drops.rate", false, 0.001, Double.MAX_VALUE, Thresholds::synDropRate);
        key("syn.cookies.rate", false, 0.001, Double.MAX_VALUE, Thresholds::synCookieRate);
        key("backlog.small", true, 0, Integer.MAX_VALUE, Thresholds::smallBacklog);
        key("backlog.modest.rate", false, 0, Double.MAX_VALUE, Thresholds::modestSynRate);
        key("accept.queue.full", false, 0.01, 10, Thresholds::acceptQueueFull);
        key("accept.overflows.rate", false, 0.001, Double.MAX_VALUE, Thresholds::acceptOverflowRate);
        key("timewait.warn", false, 0.01, 100, Thresholds::timeWaitWarn);
        key("timewait.critical", false, 0.01, 100, Thresholds::timeWaitCritical);
        key("timewait.min", true, 0, Long.MAX_VALUE, Thresholds::timeWaitMin);
        key("pileup.warn", true, 1, Long.MAX_VALUE, Thresholds::pileUpWarn);
        key("pileup.critical", true, 1, Long.MAX_VALUE, Thresholds::pileUpCritical);
        key("pileup.min", true, 0, Long.MAX_VALUE, Thresholds::pileUpMin);
        key("pileup.growth.rate", false, 0.001, Double.MAX_VALUE, Thresholds::pileUpGrowthRate);
        key("pf.states.warn", false, 0.01, 1, Thresholds::pfStatesWarn);
        key("pf.states.critical", false, 0.01, 1, Thresholds::pfStatesCritical);
        key("pf.memory.rate", false, 0.001, Double.MAX_VALUE, Thresholds::pfMemoryDropRate);
        key("surge.factor", false, 1, Double.MAX_VALUE, Thresholds::surgeFactor);
        key("surge.baseline.samples", true, 2, 600, Thresholds::surgeBaselineSamples);
        key("surge.resets.floor", false, 0, Double.MAX_VALUE, Thresholds::resetFloor);
        key("surge.retransmits.floor", false, 0, Double.MAX_VALUE, Thresholds::retransmitFloor);
        key("hold.fraction", false, 0.1, 1, Thresholds::holdFraction);
    }

    private static void key(String name, boolean integral, double min, double max, Function<Thresholds, Number> get) {
        KEYS.put(name, new Key(name, integral, min, max, get));
    }

    public static Thresholds defaults() {
        return DEFAULTS;
    }

    /**
     * The lines a verdict already named is held by: every line that names a state (queue fill,
     * half-open count, pile-up counts, TIME_WAIT share, pf state use) at {@code hold.fraction} of
     * itself, and one rate of the window reaching its threshold instead of two; the critical lines
     * stay. A queue that dips to 100 of 128 while SYNs are still dropped stays a SYN flood; one that
     * drains ends it.
     */
    public Thresholds holding() {
        double f = holdFraction;
        return new Thresholds(sustainSamples, (long) Math.ceil(synRcvdHigh * f), synQueueFull * f, synDropRate,
                synCookieRate, smallBacklog, modestSynRate, acceptQueueFull * f, acceptOverflowRate, timeWaitWarn * f,
                timeWaitCritical, (long) Math.ceil(timeWaitMin * f), (long) Math.ceil(pileUpWarn * f), pileUpCritical,
                (long) Math.ceil(pileUpMin * f), pileUpGrowthRate, pfStatesWarn * f, pfStatesCritical, pfMemoryDropRate,
                surgeFactor, surgeBaselineSamples, resetFloor, retransmitFloor, holdFraction, true);
    }

    /** Every key, in the order of the documentation. */
    public static List<String> keys() {
        return List.copyOf(KEYS.keySet());
    }

    /** The value of one key, or null when there is no such key. */
    public Number get(String key) {
        Key k = KEYS.get(key);
        return k == null ? null : k.get().apply(this);
    }

    /** These thresholds as {@code key = value} lines that {@link #parse(List)} reads back. */
    public List<String> toLines() {
        List<String> out = new ArrayList<>();
        for (Key k : KEYS.values()) {
            out.add(k.name() + " = " + format(k.get().apply(this)));
        }
        return out;
    }

    private static String format(Number n) {
        if (n instanceof Integer || n instanceof Long) {
            return n.toString();
        }
        double d = n.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    /**
     * Reads {@code key = value} (or {@code key: value}) lines over the defaults. Blank lines and
     * lines starting with {@code #} or {@code !} are ignored. An unknown key, a bad value, or a
     * warning level above its critical level is reported and the default kept; parsing never throws.
     */
    public static Loaded parse(List<String> lines) {
        Map<String, Number> values = new LinkedHashMap<>();
        for (Key k : KEYS.values()) {
            values.put(k.name(), k.get().apply(DEFAULTS));
        }
        List<String> warnings = new ArrayList<>();
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw == null ? "" : raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = separator(line);
            if (eq < 0) {
                warnings.add("line " + lineNo + ": expected key = value: " + abbreviate(line));
                continue;
            }
            String name = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String text = line.substring(eq + 1).strip();
            Key k = KEYS.get(name);
            if (k == null) {
                warnings.add("line " + lineNo + ": unknown key '" + abbreviate(name) + "'");
                continue;
            }
            Number n = parseValue(k, text);
            if (n == null) {
                warnings.add("line " + lineNo + ": " + k.name() + ": '" + abbreviate(text) + "' is not "
                        + (k.integral() ? "a whole number" : "a number") + " in " + format(k.min()) + ".."
                        + (k.max() >= Long.MAX_VALUE ? "" : format(k.max())) + "; keeping "
                        + format(values.get(k.name())));
                continue;
            }
            values.put(k.name(), n);
        }
        checkOrder(values, "timewait.warn", "timewait.critical", warnings);
        checkOrder(values, "pileup.warn", "pileup.critical", warnings);
        checkOrder(values, "pf.states.warn", "pf.states.critical", warnings);
        return new Loaded(build(values), warnings);
    }

    private static int separator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static Number parseValue(Key k, String text) {
        String t = text.replace("_", "");
        try {
            double d = Double.parseDouble(t);
            if (Double.isNaN(d) || Double.isInfinite(d) || d < k.min() || d > k.max()) {
                return null;
            }
            if (k.integral()) {
                if (d != Math.rint(d)) {
                    return null;
                }
                return (long) d;
            }
            return d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void checkOrder(Map<String, Number> values, String warn, String critical, List<String> warnings) {
        if (values.get(warn).doubleValue() > values.get(critical).doubleValue()) {
            warnings.add(warn + " (" + format(values.get(warn)) + ") is above " + critical + " ("
                    + format(values.get(critical)) + "); keeping the defaults for both");
            values.put(warn, KEYS.get(warn).get().apply(DEFAULTS));
            values.put(critical, KEYS.get(critical).get().apply(DEFAULTS));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static Thresholds build(Map<String, Number> v) {
        return new Thresholds(v.get("sustain.samples").intValue(), v.get("syn.rcvd.high").longValue(),
                v.get("syn.queue.full").doubleValue(), v.get("syn.drops.rate").doubleValue(),
                v.get("syn.cookies.rate").doubleValue(), v.get("backlog.small").longValue(),
                v.get("backlog.modest.rate").doubleValue(), v.get("accept.queue.full").doubleValue(),
                v.get("accept.overflows.rate").doubleValue(), v.get("timewait.warn").doubleValue(),
                v.get("timewait.critical").doubleValue(), v.get("timewait.min").longValue(),
                v.get("pileup.warn").longValue(), v.get("pileup.critical").longValue(),
                v.get("pileup.min").longValue(), v.get("pileup.growth.rate").doubleValue(),
                v.get("pf.states.warn").doubleValue(), v.get("pf.states.critical").doubleValue(),
                v.get("pf.memory.rate").doubleValue(), v.get("surge.factor").doubleValue(),
                v.get("surge.baseline.samples").intValue(), v.get("surge.resets.floor").doubleValue(),
                v.get("surge.retransmits.floor").doubleValue(), v.get("hold.fraction").doubleValue(), false);
    }
}

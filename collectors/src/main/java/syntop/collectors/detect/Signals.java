package syntop.collectors.detect;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.DoubleBinaryOperator;

import syntop.collectors.history.History;
import syntop.collectors.model.AddressCount;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.TcpState;
import syntop.collectors.parse.Numbers;

/** Small pieces the detectors share: rate windows, tunables they read, and how numbers are written. */
final class Signals {
    private Signals() {
    }

    /**
     * Known rates in every window syntop has had since it started at which one rate far over its
     * threshold stands for the window (see {@link Window#sustained}): ten times the threshold.
     */
    static final double FAR_OVER = 10;

    /**
     * The latest per-second rates of one signal, oldest first, NaN where unknown.
     *
     * @param wanted   how many samples the judgement needs
     * @param required how many of them must reach a threshold to sustain it
     * @param arriving syntop started less than {@code wanted} rates ago: the samples missing from the
     *                 window were never taken (they are not in {@code samples})
     */
    record Window(int wanted, int required, boolean arriving, double[] samples) {
        /** Enough samples, and every one known. */
        boolean complete() {
            return samples.length >= wanted && wanted >= 1 && allKnown();
        }

        /** syntop started less than a window ago and every rate it has had so far (one at least) is known. */
        boolean early() {
            return arriving && samples.length > 0 && allKnown();
        }

        private boolean allKnown() {
            for (double v : samples) {
                if (Double.isNaN(v)) {
                    return false;
                }
            }
            return true;
        }

        /** Complete, or early: the rates there are stand for the window. */
        boolean judgeable() {
            return complete() || early();
        }

        /** "over the last 5 samples", or "over the 2 samples since syntop started". */
        String span() {
            return arriving ? "over the " + samples.length + (samples.length == 1 ? " sample" : " samples")
                    + " since syntop started" : "over the last " + wanted + " samples";
        }

        double mean() {
            if (samples.length == 0) {
                return Double.NaN;
            }
            double sum = 0;
            for (double v : samples) {
                sum += v;
            }
            return sum / samples.length;
        }

        int positive() {
            int n = 0;
            for (double v : samples) {
                if (v > 0) {
                    n++;
                }
            }
            return n;
        }

        /** Above zero in more than half of the window (early: already, whatever the samples still to come). */
        boolean mostlyPositive() {
            return judgeable() && positive() * 2 > wanted;
        }

        /**
         * At least {@code min} (and above zero) in {@link #required} of the samples: one spike is not
         * sustained, and a rate that comes in bursts still is. The window must be complete, or early:
         * then the rates taken so far must already decide it as the whole window would (they reach
         * it {@code required} times), or every one of them (one at least) is {@link #FAR_OVER} times
         * {@code min}.
         */
        boolean sustained(double min) {
            boolean early = early();
            if (!complete() && !early) {
                return false;
            }
            int reaching = 0;
            boolean allFar = true;
            for (double v : samples) {
                if (v > 0 && v >= min) {
                    reaching++;
                }
                allFar &= v > 0 && v >= min * FAR_OVER;
            }
            return reaching >= required || (early && allFar);
        }

        /**
         * How many rates of a window must reach the threshold: two (a third of a long window), so a
         * flood is named on its second sample even when it comes in bursts, and one spike never is.
         */
        static int required(int window) {
            return window <= 1 ? 1 : Math.min(window, Math.max(2, (window + 2) / 3));
        }
    }

    /** How many rates of a window must reach a threshold: {@link Window#required}, or one for a verdict that holds. */
    static int required(Thresholds t) {
        return t.held() ? 1 : Window.required(t.sustainSamples());
    }

    static Window window(History h, Thresholds t, CounterId id) {
        return window(h, t, h.rateSeries(id, t.sustainSamples()));
    }

    /** The window of a series from the history (rates taken since it started, at most {@code sustain.samples}). */
    static Window window(History h, Thresholds t, double[] series) {
        int n = t.sustainSamples();
        long rates = Math.max(0, h.ticks() - 1);
        boolean arriving = rates < n;
        double[] s = tail(series, arriving ? (int) rates : n);
        return new Window(n, required(t), arriving, s);
    }

    /** The last {@code sustain.samples} values of a long series (its earlier ones are judged apart). */
    static Window window(double[] series, Thresholds t) {
        return new Window(t.sustainSamples(), required(t), false, tail(series, t.sustainSamples()));
    }

    /** The last {@code n} values of a series, judged as a window of its own length (not {@code sustain.samples}). */
    static Window window(double[] series, int n) {
        return new Window(n, Window.required(n), false, tail(series, n));
    }

    private static double[] tail(double[] series, int n) {
        return series.length <= n ? series : java.util.Arrays.copyOfRange(series, series.length - n, series.length);
    }

    /** Per sample, the largest known value of the series; NaN where none is known. */
    static double[] max(double[]... series) {
        return perSample(series, (best, v) -> v > best ? v : best);
    }

    /** Per sample, the sum of the known values; NaN where none is known. */
    static double[] sum(double[]... series) {
        return perSample(series, Double::sum);
    }

    /**
     * Per sample, the known values of the series folded with {@code op}; NaN where none is known.
     * The series end at the same sample: a shorter one lacks the oldest.
     */
    private static double[] perSample(double[][] series, DoubleBinaryOperator op) {
        int len = 0;
        for (double[] s : series) {
            len = Math.max(len, s.length);
        }
        double[] out = new double[len];
        for (int i = 0; i < len; i++) {
            double folded = Double.NaN;
            for (double[] s : series) {
                int j = i - (len - s.length);
                if (j >= 0 && !Double.isNaN(s[j])) {
                    folded = Double.isNaN(folded) ? s[j] : op.applyAsDouble(folded, s[j]);
                }
            }
            out[i] = folded;
        }
        return out;
    }

    /** Per sample, {@code a − b} (never below zero); an unknown {@code b} counts as zero, an unknown {@code a} stays unknown. */
    static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            int j = i - (a.length - b.length);
            double sub = j >= 0 && j < b.length && !Double.isNaN(b[j]) ? b[j] : 0;
            out[i] = Double.isNaN(a[i]) ? Double.NaN : Math.max(0, a[i] - sub);
        }
        return out;
    }

    /** The median of the known values, NaN when there are none. */
    static double median(double[] values) {
        double[] known = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (known.length == 0) {
            return Double.NaN;
        }
        int mid = known.length / 2;
        return known.length % 2 == 1 ? known[mid] : (known[mid - 1] + known[mid]) / 2;
    }

    static OptionalLong gauge(Snapshot s, CounterId id) {
        return s.counters().get(id);
    }

    static OptionalLong tunableLong(Snapshot s, String key) {
        return s.tunable(key).map(Numbers::parseLong).orElse(OptionalLong.empty());
    }

    /** Whether the kernel answers a full SYN queue with cookies, as its tunable says. */
    enum CookieSetting {
        OFF, ON, ALWAYS, UNKNOWN
    }

    static final String LINUX_COOKIES = "net.ipv4.tcp_syncookies";
    static final String BSD_COOKIES = "net.inet.tcp.syncookies";
    static final String BSD_COOKIES_ONLY = "net.inet.tcp.syncookies_only";

    static CookieSetting cookieSetting(Snapshot s) {
        if (s.host().os() == OsFamily.LINUX) {
            OptionalLong v = tunableLong(s, LINUX_COOKIES);
            if (v.isEmpty()) {
                return CookieSetting.UNKNOWN;
            }
            return v.getAsLong() == 0 ? CookieSetting.OFF : v.getAsLong() == 2 ? CookieSetting.ALWAYS : CookieSetting.ON;
        }
        OptionalLong v = tunableLong(s, BSD_COOKIES);
        if (v.isEmpty()) {
            return CookieSetting.UNKNOWN;
        }
        if (v.getAsLong() == 0) {
            return CookieSetting.OFF;
        }
        return tunableLong(s, BSD_COOKIES_ONLY).orElse(0) != 0 ? CookieSetting.ALWAYS : CookieSetting.ON;
    }

    /** {@code tcp_syncookies=0}, or empty when the tunable was not read. */
    static String cookieTunable(Snapshot s) {
        String key = s.host().os() == OsFamily.LINUX ? LINUX_COOKIES : BSD_COOKIES;
        return s.tunable(key).map(v -> key.substring(key.lastIndexOf('.') + 1) + "=" + v).orElse("");
    }

    /** "top peer 10.0.0.1 (900 of 1200)" or empty. */
    static Optional<String> topRemote(Snapshot s, TcpState state, long total) {
        List<AddressCount> r = s.remotes(state);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        AddressCount top = r.get(0);
        String of = total > 0 ? " of " + total : "";
        String more = r.size() > 1 ? ", " + r.size() + " peers listed" : "";
        return Optional.of("top peer " + top.address() + " (" + top.count() + of + more + ")");
    }

    /** A rate the way an operator reads it: 1871, 45, 2.5, 0.2. */
    static String rate(double perSecond) {
        if (Double.isNaN(perSecond)) {
            return "?";
        }
        double a = Math.abs(perSecond);
        if (a >= 10 || perSecond == Math.rint(perSecond)) {
            return String.format(Locale.ROOT, "%.0f", perSecond);
        }
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    static String ratio(double x) {
        if (x == Math.rint(x)) {
            return String.format(Locale.ROOT, "%.0f", x);
        }
        return String.format(Locale.ROOT, "%.1f", x);
    }
}

package syntop.tui.view;

import java.util.Locale;

/** Compact numbers for narrow columns: 999, 12.3k, 4.5M. */
public final class Format {
    private Format() {
    }

    static String count(long n) {
        long a = Math.abs(n);
        if (a < 10_000) {
            return Long.toString(n);
        }
        if (a < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        }
        if (a < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1fM", n / 1e6);
        }
        return String.format(Locale.ROOT, "%.1fG", n / 1e9);
    }

    /** A per-second rate with a sign when asked; "·" for unknown. */
    public static String rate(double perSecond, boolean signed) {
        if (Double.isNaN(perSecond)) {
            return "·";
        }
        double a = Math.abs(perSecond);
        String body = a >= 10_000 ? count(Math.round(perSecond)) : a >= 100 || a == Math.rint(a)
                ? Long.toString(Math.round(perSecond)) : String.format(Locale.ROOT, "%.1f", perSecond);
        return signed && perSecond > 0 ? "+" + body : body;
    }
}

package syntop.collectors.record;

import java.util.Locale;

/** Byte sizes as operators write them: {@code 500K}, {@code 64M}, {@code 2G} (powers of 1024), or plain bytes. */
public final class Sizes {
    private Sizes() {
    }

    /** Parses a size; an {@link IllegalArgumentException} with the reason in words when it is not one. */
    public static long parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.endsWith("IB")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("B") && t.length() > 1 && !Character.isDigit(t.charAt(t.length() - 2))) {
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        long unit = 1;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'K': unit = 1L << 10; break;
                case 'M': unit = 1L << 20; break;
                case 'G': unit = 1L << 30; break;
                case 'T': unit = 1L << 40; break;
                default: break;
            }
        }
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            double v = Double.parseDouble(digits.strip());
            if (!(v > 0) || v * unit > Long.MAX_VALUE / 2) {
                throw new IllegalArgumentException("'" + text + "' is not a size (e.g. 500K, 64M, 2G)");
            }
            return (long) Math.ceil(v * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a size (e.g. 500K, 64M, 2G)");
        }
    }

    /** "64 MiB", "1.5 GiB", "900 B". */
    public static String format(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0 || v == Math.rint(v)) {
            return (long) v + " " + units[u];
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}

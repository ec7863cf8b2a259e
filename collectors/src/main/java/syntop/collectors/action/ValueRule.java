package syntop.collectors.action;

import java.util.Locale;

/**
 * What one sysctl key accepts beyond the general shape of {@link Inputs#sysctlValue}: a range of
 * integers (the kernel's own limits where it has them, else a sanity bound), or Linux's port range
 * "low high". The OS knows which key has which rule.
 */
public interface ValueRule {
    /** Returns the value (normalised) or throws {@link ActionRefused}. */
    String check(String key, String value);

    /** Any value of the general shape. */
    ValueRule ANY = (key, value) -> Inputs.sysctlValue(key, value);

    /** One integer from {@code min} to {@code max}, inclusive; {@code why} says where the bounds come from. */
    static ValueRule range(long min, long max, String why) {
        return (key, value) -> {
            String v = Inputs.sysctlValue(key, value);
            if (!v.matches("-?\\d{1,19}")) {
                throw ActionRefused.invalid(key + " takes one integer, not " + Inputs.quote(v));
            }
            long n;
            try {
                n = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw ActionRefused.invalid(key + ": " + v + " is out of range");
            }
            if (n < min || n > max) {
                throw ActionRefused.invalid(String.format(Locale.ROOT, "%s: %d is outside %d..%d (%s)", key, n, min, max, why));
            }
            return Long.toString(n);
        };
    }

    /** Two ports "low high" with low &lt;= high, as Linux's {@code ip_local_port_range} takes them. */
    static ValueRule portRange() {
        return (key, value) -> {
            String v = Inputs.sysctlValue(key, value);
            if (!v.matches("\\d{1,5} \\d{1,5}")) {
                throw ActionRefused.invalid(key + " takes two ports \"low high\", not " + Inputs.quote(v));
            }
            String[] p = v.split(" ");
            int lo = Integer.parseInt(p[0]);
            int hi = Integer.parseInt(p[1]);
            if (lo < 1 || hi > 65535 || lo > hi) {
                throw ActionRefused.invalid(key + ": " + v + " is not a port range (1 <= low <= high <= 65535)");
            }
            return lo + " " + hi;
        };
    }
}

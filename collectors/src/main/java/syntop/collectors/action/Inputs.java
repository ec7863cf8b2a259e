package syntop.collectors.action;

import java.util.Locale;
import java.util.Optional;

import syntop.collectors.model.TcpState;

/**
 * The shapes syntop accepts for everything that ends up in an argument vector. Each check returns
 * the clean value or throws {@link ActionRefused} with a message an operator can act on. Nothing
 * here reaches a shell, but a value that starts with '-' could still be read as an option, and an
 * '=' or a newline could split a sysctl assignment, so those are refused too.
 */
public final class Inputs {
    /** Longest sysctl key accepted (the longest on Linux 6.x is under 70). */
    public static final int MAX_KEY = 128;
    /** Longest sysctl value accepted. */
    public static final int MAX_VALUE = 128;
    /** pf table names are at most 31 characters; nftables names are kept to the same shape. */
    public static final int MAX_TABLE = 31;

    private Inputs() {
    }

    /**
     * A sysctl key: dot-separated parts of letters, digits, '_' and '-', starting with a letter,
     * at least two parts ({@code net.ipv4.tcp_syncookies}, {@code kern.ipc.somaxconn}).
     */
    public static String sysctlKey(String key) {
        if (key == null || key.isBlank()) {
            throw ActionRefused.invalid("a sysctl key is needed");
        }
        String k = key.strip();
        if (k.length() > MAX_KEY) {
            throw ActionRefused.invalid("sysctl key longer than " + MAX_KEY + " characters");
        }
        if (k.indexOf('/') >= 0 && k.matches("[A-Za-z0-9_./-]+")) {
            throw ActionRefused.invalid("sysctl key " + quote(k) + ": write it with dots (net.ipv4.tcp_syncookies), not slashes");
        }
        if (!k.matches("[a-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_][A-Za-z0-9_-]*)+")) {
            throw ActionRefused.invalid("not a sysctl key: " + quote(k)
                    + " (dot-separated parts of letters, digits, '_' and '-', starting with a lower-case letter)");
        }
        return k;
    }

    /**
     * The keys syntop tunes: those an operator sets for TCP and the firewall. Everything under
     * {@code net.} (Linux's {@code net.ipv4}, {@code net.ipv6}, {@code net.core},
     * {@code net.netfilter}; the BSDs' {@code net.inet}, {@code net.inet6}), and of the BSDs'
     * {@code kern.ipc} the socket limits that stand in for Linux's {@code net.core} ones. Anything
     * else ({@code kernel.core_pattern}, {@code kernel.randomize_va_space}, {@code fs.suid_dumpable},
     * {@code vm.*}) is refused, in profiles and in the undo state.
     */
    public static final java.util.List<String> TUNABLE_PREFIXES = java.util.List.of("net.");
    public static final java.util.List<String> TUNABLE_KEYS = java.util.List.of("kern.ipc.somaxconn",
            "kern.ipc.soacceptqueue", "kern.ipc.maxsockbuf", "kern.ipc.maxsockets", "kern.ipc.nmbclusters");

    /** A sysctl key ({@link #sysctlKey}) that is also on syntop's list of keys it tunes. */
    public static String tunableKey(String key) {
        String k = sysctlKey(key);
        if (TUNABLE_PREFIXES.stream().noneMatch(k::startsWith) && !TUNABLE_KEYS.contains(k)) {
            throw ActionRefused.invalid(k + " is not a key syntop tunes: only net.* and " + String.join(", ", TUNABLE_KEYS));
        }
        return k;
    }

    /**
     * A sysctl value of a general shape: one to eight integers separated by spaces (runs of
     * whitespace become one space, as /proc/sys prints tabs), or one word of letters, digits, '_',
     * '.' and '-' starting with a letter. Per-key ranges come from the OS ({@link ValueRule}).
     */
    public static String sysctlValue(String key, String value) {
        if (value == null) {
            throw ActionRefused.invalid(key + ": a value is needed");
        }
        String v = String.join(" ", value.strip().split("[ \\t]+"));
        if (v.isEmpty()) {
            throw ActionRefused.invalid(key + ": a value is needed");
        }
        if (v.length() > MAX_VALUE) {
            throw ActionRefused.invalid(key + ": value longer than " + MAX_VALUE + " characters");
        }
        if (v.matches("-?\\d{1,19}( -?\\d{1,19}){0,7}") || v.matches("[A-Za-z][A-Za-z0-9_.-]{0,63}")) {
            return v;
        }
        throw ActionRefused.invalid(key + ": not a value syntop sets: " + quote(v)
                + " (numbers separated by spaces, or one word starting with a letter: letters, digits, '_', '.', '-')");
    }

    /** A TCP port, 1 to 65535. */
    public static int port(String text) {
        if (text == null || !text.strip().matches("\\d{1,5}")) {
            throw ActionRefused.invalid("not a port: " + quote(String.valueOf(text)) + " (1 to 65535)");
        }
        return port(Integer.parseInt(text.strip()));
    }

    public static int port(int p) {
        if (p < 1 || p > 65535) {
            throw ActionRefused.invalid("not a port: " + p + " (1 to 65535)");
        }
        return p;
    }

    /** A TCP state name in any spelling syntop reads (SYN_RCVD, syn-recv, SYN_RECV, ESTAB...). */
    public static TcpState state(String text) {
        String t = text == null ? "" : text.strip();
        Optional<TcpState> s = t.matches("[A-Za-z0-9_*-]{1,16}") ? TcpState.parse(t) : Optional.empty();
        return s.orElseThrow(() -> ActionRefused.invalid("not a TCP state: " + quote(t)
                + " (one of syn_rcvd, syn_sent, established, fin_wait_1, fin_wait_2, close_wait, closing, last_ack, time_wait)"));
    }

    /** A pf table or nftables table/set name: a letter, then letters, digits and '_', at most 31 characters. */
    public static String tableName(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("[A-Za-z][A-Za-z0-9_]{0," + (MAX_TABLE - 1) + "}")) {
            throw ActionRefused.invalid("not a table or set name: " + quote(t)
                    + " (a letter, then letters, digits and '_', at most " + MAX_TABLE + " characters)");
        }
        return t;
    }

    /** A profile name: letters, digits, '_', '.', '-', starting with a letter or digit. */
    public static String profileName(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}") || t.contains("..")) {
            throw ActionRefused.invalid("not a profile name: " + quote(t)
                    + " (letters, digits, '_', '.', '-'; or give a file path)");
        }
        return t;
    }

    /** Quotes text for a message, with control characters made visible and long text cut. */
    public static String quote(String s) {
        String cut = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        StringBuilder sb = new StringBuilder("'");
        for (char c : cut.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7f ? String.format(Locale.ROOT, "\\x%02x", (int) c) : String.valueOf(c));
        }
        return sb.append('\'').toString();
    }
}

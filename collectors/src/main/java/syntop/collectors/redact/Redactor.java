package syntop.collectors.redact;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import syntop.collectors.net.Ip;

/**
 * Replaces IP addresses and host names in captured text, in two passes over the same texts:
 * {@link #learn} sees every real address first (so no pseudonym can spell one), then
 * {@link #redact} rewrites. Pure: no I/O.
 *
 * <p>Address forms found in any text: dotted IPv4, also followed by {@code :port} (ss) or
 * {@code .port} (BSD netstat); IPv6 in full or compressed form, with an embedded dotted quad
 * ({@code ::ffff:10.1.2.3}), inside brackets ({@code [v6]:port}), before {@code %scope} or a BSD
 * {@code .port}, and IPv6 cut short by a narrow netstat column ({@code 2600:1700:bab0:d.5}, replaced by
 * as many characters of the pseudonym). In {@code /proc/net/tcp}-style tables the local and remote
 * address columns are hex words in the kernel's byte order; they are replaced in place, same length,
 * same byte order, same letter case, so the table still parses.
 *
 * <p>Host names (short and fully qualified) become {@code host-XXXXXX} (and {@code host-XXXXXX.invalid})
 * in command output, error text and the manifest. Files under {@code proc/} hold only numbers and
 * hex addresses and are left to the address pass.
 */
public final class Redactor {
    /** A run of characters that can make up an address with its BSD port: hex digits, colons, dots. */
    private static final Pattern RUN = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern V4 = Pattern.compile("(?<![0-9.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![0-9])");
    /** A /proc/net/tcp row: slot, local address:port, remote address:port. */
    private static final Pattern PROC_ROW = Pattern.compile(
            "^(\\s*[0-9]+:\\s+)([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32})(:[0-9A-Fa-f]{4}\\s+)([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32})(:[0-9A-Fa-f]{4})",
            Pattern.MULTILINE);

    private final Pseudonyms pseudonyms;
    private final ByteOrder procOrder;
    private final Map<String, String> hostNames = new LinkedHashMap<>();
    private final Set<String> realAddresses = new LinkedHashSet<>();

    /**
     * @param pseudonyms the bundle's pseudonyms
     * @param hostNames  this machine's names (short and FQDN); blank ones are ignored
     * @param procOrder  the byte order of the machine that wrote the /proc tables
     * @param hostLabel  the pseudonym for the host (e.g. {@code host-3f9a1c})
     */
    public Redactor(Pseudonyms pseudonyms, List<String> hostNames, ByteOrder procOrder, String hostLabel) {
        this.pseudonyms = pseudonyms;
        this.procOrder = procOrder;
        // longest first, so an FQDN is replaced before the short name inside it
        hostNames.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(n -> hostNames(n, hostLabel));
    }

    private void hostNames(String name, String label) {
        int dot = name.indexOf('.');
        this.hostNames.put(name, dot > 0 ? label + ".invalid" : label);
    }

    /** True for files whose address columns are hex words (/proc/net/tcp, tcp6, udp, …). */
    public static boolean isProcNetTable(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.matches("(.*/)?proc/(net|self/net)/(tcp|tcp6|udp|udp6|raw|raw6|udplite|udplite6)");
    }

    private static boolean isProc(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.startsWith("proc/") || p.contains("/proc/");
    }

    /** Pass one: reserves every address in this text. */
    public void learn(String path, String text) {
        scan(path, text, a -> {
            pseudonyms.reserve(a);
            if (!Pseudonyms.kept(a)) {
                realAddresses.add(Ip.format(a));
            }
            return a;
        });
    }

    /** Pass two: the text with every address and host name replaced. */
    public String redact(String path, String text) {
        String out = scan(path, text, pseudonyms::map);
        return isProc(path) ? out : maskHostNames(out);
    }

    public byte[] redact(String path, byte[] data) {
        return redact(path, new String(data, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
    }

    public void learn(String path, byte[] data) {
        learn(path, new String(data, StandardCharsets.ISO_8859_1));
    }

    /** Every non-kept address met by {@link #learn}, as text. */
    public Set<String> realAddresses() {
        return Set.copyOf(realAddresses);
    }

    public int replacedCount() {
        return pseudonyms.replacedCount();
    }

    public String maskHostNames(String text) {
        String out = text;
        for (Map.Entry<String, String> e : hostNames.entrySet()) {
            Pattern p = Pattern.compile("(?<![A-Za-z0-9-])" + Pattern.quote(e.getKey()) + "(?![A-Za-z0-9-])",
                    Pattern.CASE_INSENSITIVE);
            out = p.matcher(out).replaceAll(Matcher.quoteReplacement(e.getValue()));
        }
        return out;
    }

    private String scan(String path, String text, Function<byte[], byte[]> f) {
        if (isProcNetTable(path)) {
            return procTable(text, f);
        }
        // old ss (iproute2 before brackets) prints IPv6 as "::1:631": there a last ":digits" is the port
        boolean ssColumns = text.contains("Address:Port");
        Matcher m = RUN.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            sb.append(text, last, m.start());
            boolean bracketed = m.start() > 0 && text.charAt(m.start() - 1) == '[';
            sb.append(run(m.group(), ssColumns && !bracketed, f));
            last = m.end();
        }
        sb.append(text, last, text.length());
        return sb.toString();
    }

    /** One run of hex digits, colons and dots: an IPv6 address (maybe with a BSD port), or IPv4s inside. */
    private static String run(String run, boolean colonPort, Function<byte[], byte[]> f) {
        if (run.indexOf(':') != run.lastIndexOf(':')) {
            Optional<String> v6 = v6(run, colonPort, f);
            if (v6.isPresent()) {
                return v6.get();
            }
        }
        if (run.indexOf('.') < 0) {
            return run;
        }
        Matcher m = V4.matcher(run);
        StringBuilder sb = new StringBuilder(run.length());
        int last = 0;
        while (m.find()) {
            Optional<byte[]> a = Ip.parseV4(m.group());
            if (a.isEmpty()) {
                continue;
            }
            sb.append(run, last, m.start());
            sb.append(Ip.formatV4(f.apply(a.get())));
            last = m.end();
        }
        sb.append(run, last, run.length());
        return sb.toString();
    }

    private static Optional<String> v6(String run, boolean colonPort, Function<byte[], byte[]> f) {
        // the whole run, or the run without a BSD ".port" (or a trailing dot before "*"); in old ss
        // columns, first the run without its ":port" (or the colon before "*")
        List<String[]> tries = new ArrayList<>();
        Matcher colon = Pattern.compile("^(.*):([0-9]{0,5})$").matcher(run);
        if (colonPort && colon.matches()) {
            tries.add(new String[] {colon.group(1), ":" + colon.group(2)});
        }
        tries.add(new String[] {run, ""});
        Matcher port = Pattern.compile("^(.*?)(\\.[0-9]*)$").matcher(run);
        if (port.matches()) {
            tries.add(new String[] {port.group(1), port.group(2)});
        }
        for (String[] t : tries) {
            Optional<byte[]> a = Ip.parseV6(t[0]);
            if (a.isPresent()) {
                boolean dotted = t[0].indexOf('.') >= 0;
                String s = Ip.formatV6(f.apply(a.get()), dotted);
                return Optional.of(sameCase(t[0], s) + t[1]);
            }
        }
        for (String[] t : tries) {
            Optional<String> cut = truncated(t[0], f);
            if (cut.isPresent()) {
                return Optional.of(cut.get() + t[1]);
            }
        }
        return Optional.empty();
    }

    /**
     * An IPv6 address cut by netstat's column: groups of 1-4 hex digits, no {@code ::}, at least one
     * of three or more digits (so times such as 01:02:03 are not taken). Missing groups count as zero;
     * the answer is that many characters of the pseudonym written out in full.
     */
    private static Optional<String> truncated(String s, Function<byte[], byte[]> f) {
        if (s.contains("::") || s.startsWith(":")) {
            return Optional.empty();
        }
        String[] g = s.split(":", -1);
        if (g.length < 2 || g.length > 8) {
            return Optional.empty();
        }
        boolean wide = false;
        byte[] b = new byte[16];
        for (int i = 0; i < g.length; i++) {
            if (g[i].length() > 4 || !g[i].matches("[0-9A-Fa-f]*")) {
                return Optional.empty();
            }
            wide |= g[i].length() >= 3;
            int v = g[i].isEmpty() ? 0 : Integer.parseInt(g[i], 16);
            b[2 * i] = (byte) (v >>> 8);
            b[2 * i + 1] = (byte) v;
        }
        if (!wide) {
            return Optional.empty();
        }
        String full = Ip.formatV6Full(f.apply(b));
        return Optional.of(sameCase(s, full.substring(0, Math.min(s.length(), full.length()))));
    }

    private static String sameCase(String original, String s) {
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (c >= 'A' && c <= 'F') {
                return s.toUpperCase(Locale.ROOT);
            }
        }
        return s;
    }

    private String procTable(String text, Function<byte[], byte[]> f) {
        Matcher m = PROC_ROW.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            sb.append(text, last, m.start());
            sb.append(m.group(1)).append(hex(m.group(2), f)).append(m.group(3)).append(hex(m.group(4), f))
                    .append(m.group(5));
            last = m.end();
        }
        sb.append(text, last, text.length());
        return sb.toString();
    }

    private String hex(String hex, Function<byte[], byte[]> f) {
        byte[] a = fromProcHex(hex, procOrder);
        String out = toProcHex(f.apply(a), procOrder);
        boolean lower = hex.chars().anyMatch(c -> c >= 'a' && c <= 'f');
        return lower ? out.toLowerCase(Locale.ROOT) : out;
    }

    /** A /proc/net/tcp address column (8 or 32 hex digits: 32-bit words in {@code order}) as address bytes. */
    public static byte[] fromProcHex(String hex, ByteOrder order) {
        byte[] raw = HexFormat.of().parseHex(hex);
        if (order == ByteOrder.LITTLE_ENDIAN) {
            for (int w = 0; w < raw.length; w += 4) {
                swap(raw, w, w + 3);
                swap(raw, w + 1, w + 2);
            }
        }
        return raw;
    }

    /** The address as /proc/net/tcp prints it (upper case, as the kernel does). */
    public static String toProcHex(byte[] a, ByteOrder order) {
        byte[] raw = a.clone();
        if (order == ByteOrder.LITTLE_ENDIAN) {
            for (int w = 0; w < raw.length; w += 4) {
                swap(raw, w, w + 3);
                swap(raw, w + 1, w + 2);
            }
        }
        return HexFormat.of().withUpperCase().formatHex(raw);
    }

    private static void swap(byte[] b, int i, int j) {
        byte t = b[i];
        b[i] = b[j];
        b[j] = t;
    }

    /**
     * Every way an address may be written in a bundle: dotted or RFC 5952 text, full IPv6, the
     * IPv4-mapped forms, and the /proc hex words in both byte orders. For checks that none is left.
     */
    public static Set<String> textForms(byte[] a) {
        Set<String> forms = new LinkedHashSet<>();
        if (a.length == 4) {
            forms.add(Ip.formatV4(a));
            byte[] mapped = Ip.toMapped(a);
            forms.add(Ip.formatV6(mapped, true));
            forms.add(Ip.formatV6(mapped, false));
        } else {
            forms.add(Ip.formatV6(a, true));
            forms.add(Ip.formatV6(a, false));
            forms.add(Ip.formatV6Full(a));
            if (Ip.isV4Mapped(a)) {
                forms.addAll(textForms(Ip.mappedV4(a)));
            }
        }
        for (ByteOrder o : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            forms.add(toProcHex(a, o));
            if (a.length == 4) {
                forms.add(toProcHex(Ip.toMapped(a), o));
            }
        }
        return forms;
    }
}

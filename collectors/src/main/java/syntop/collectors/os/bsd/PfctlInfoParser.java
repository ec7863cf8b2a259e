package syntop.collectors.os.bsd;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.Reading;
import syntop.collectors.parse.Numbers;
import syntop.collectors.parse.Parsed;

/**
 * {@code pfctl -si}, {@code -vsi}, {@code -vvsi} and the {@code INFO:} section of {@code pfctl -s all}
 * (FreeBSD, macOS, OpenBSD): the status line, the state table, the counters, and with {@code -v} the
 * source-tracking table, limit counters (FreeBSD 13+: synflood and syncookie counters), the syncookie
 * settings and the interface statistics of the log interface.
 *
 * <p>Lines are split on blanks because names hold single spaces ({@code current entries},
 * {@code synfloods detected}) and indentation differs (OpenBSD, hand-copied output): the name is every
 * field before the first number, the rate column is ignored (syntop computes its own rates). Every
 * number is kept raw ({@code pfctl.state-table.searches}, {@code pfctl.counter.memory},
 * {@code pfctl.limit-counter.synfloods detected}…); the settings go to the tunables
 * ({@code pfctl.status}, {@code pfctl.syncookies.mode}…). Grep-filtered lines without their heading are
 * placed by their name.
 */
public final class PfctlInfoParser {
    private static final Map<String, CounterId> STATE_TABLE = Map.of(
            "current entries", CounterId.PF_STATES,
            "searches", CounterId.PF_STATE_SEARCHES,
            "inserts", CounterId.PF_STATE_INSERTS,
            "removals", CounterId.PF_STATE_REMOVALS);
    private static final Map<String, CounterId> COUNTERS = Map.of(
            "memory", CounterId.PF_MEMORY_DROPS,
            "state-mismatch", CounterId.PF_STATE_MISMATCH,
            "synproxy", CounterId.PF_SYNPROXY);
    private static final Map<String, CounterId> LIMIT_COUNTERS = Map.of(
            "synfloods detected", CounterId.PF_SYNFLOODS_DETECTED,
            "syncookies sent", CounterId.PF_SYNCOOKIES_SENT,
            "syncookies validated", CounterId.PF_SYNCOOKIES_VALIDATED);

    /** Reason names of the Counters block (FreeBSD, OpenBSD 4.x, and macOS's dummynet/invalid-port). */
    private static final Set<String> KNOWN_COUNTERS = Set.of(
            "match", "bad-offset", "fragment", "short", "normalize", "memory", "bad-timestamp", "congestion",
            "ip-option", "proto-cksum", "state-mismatch", "state-insert", "state-limit", "src-limit", "synproxy",
            "map-failed", "dummynet", "invalid-port", "translate", "no-route");
    private static final Set<String> KNOWN_LIMIT_COUNTERS = Set.of(
            "max states per rule", "max-src-states", "max-src-nodes", "max-src-conn", "max-src-conn-rate",
            "overload table insertion", "overload flush states", "synfloods detected", "syncookies sent",
            "syncookies validated");

    /** Stderr lines pfctl prints with -v on kernels without ALTQ; captures often hold them. */
    private static final Set<String> ALTQ_WARNINGS = Set.of("No ALTQ support in kernel", "ALTQ related functions disabled");

    private enum Section {
        NONE("?"), STATE_TABLE("state-table"), SOURCE_TRACKING("source-tracking"), COUNTERS("counter"),
        LIMIT_COUNTERS("limit-counter"), SYNCOOKIES("syncookies"), INTERFACE("interface"), SKIP("");

        final String raw;

        Section(String raw) {
            this.raw = raw;
        }
    }

    private PfctlInfoParser() {
    }

    /** The block a heading line opens, or null when {@code t} is not one. */
    private static Section heading(String t) {
        if (t.startsWith("State Table")) {
            return Section.STATE_TABLE;
        }
        if (t.startsWith("Source Tracking Table")) {
            return Section.SOURCE_TRACKING;
        }
        return switch (t) {
            case "Counters" -> Section.COUNTERS;
            case "Limit Counters" -> Section.LIMIT_COUNTERS;
            case "Syncookies" -> Section.SYNCOOKIES;
            default -> null;
        };
    }

    public static Parsed<Reading> parse(List<String> lines) {
        Parsed.Collector c = new Parsed.Collector();
        Reading.Builder r = Reading.builder();
        Section section = Section.NONE;
        String iface = null;
        String ifaceGroup = null;
        List<String> skipped = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String t = line.strip();
            if (ALTQ_WARNINGS.contains(t)) {
                c.understood();
                continue;
            }
            if (isAllSectionHeading(t)) {
                // "pfctl -s all": INFO: is ours; TRANSLATION RULES:, FILTER RULES:, STATES:, LIMITS:… are not
                String name = t.substring(0, t.length() - 1);
                section = name.equals("INFO") ? Section.NONE : Section.SKIP;
                if (section == Section.SKIP) {
                    skipped.add(name);
                }
                c.understood();
                continue;
            }
            if (section == Section.SKIP) {
                c.understood();
                continue;
            }
            String[] f = Numbers.fields(t);
            if (f[0].equals("Status:")) {
                if (status(f, r, c)) {
                    c.understood();
                } else {
                    c.unparsed(line);
                }
                section = Section.NONE;
                continue;
            }
            if (f[0].equals("Hostid:") || f[0].equals("Checksum:")) {
                c.understood();
                continue;
            }
            Section opened = heading(t);
            if (opened != null) {
                section = opened;
                c.understood();
                continue;
            }
            if (t.startsWith("Interface Stats for ") && f.length >= 4) {
                section = Section.INTERFACE;
                iface = f[3];
                ifaceGroup = null;
                c.understood();
                continue;
            }
            if (f[0].equals("Reassemble")) {
                r.tunable("pfctl.reassemble", String.join(" ", List.of(f).subList(1, f.length)));
                c.understood();
                continue;
            }
            int num = firstNumber(f);
            if (section == Section.SYNCOOKIES && num != 0) {
                if (syncookieSetting(f, num, r)) {
                    c.understood();
                } else {
                    c.unparsed(line);
                }
                continue;
            }
            if (section == Section.INTERFACE) {
                if (interfaceLine(f, num, iface, ifaceGroup, r)) {
                    if (num < 0) {
                        ifaceGroup = lower(String.join(" ", f));
                    }
                    c.understood();
                } else {
                    c.unparsed(line);
                }
                continue;
            }
            if (num <= 0) {
                c.unparsed(line);
                continue;
            }
            String name = String.join(" ", List.of(f).subList(0, num));
            long value = Numbers.parseCount(f[num]).getAsLong();
            Section where = section == Section.NONE ? guess(name) : section;
            if (where == Section.NONE || !rateOnly(f, num)) {
                c.unparsed(line);
                continue;
            }
            r.raw("pfctl." + where.raw + "." + name, value);
            CounterId id = switch (where) {
                case STATE_TABLE -> STATE_TABLE.get(name);
                case COUNTERS -> COUNTERS.get(name);
                case LIMIT_COUNTERS -> LIMIT_COUNTERS.get(name);
                default -> null;
            };
            if (id != null) {
                r.counter(id, value);
            }
            c.understood();
        }
        if (!skipped.isEmpty()) {
            c.note("skipped sections of pfctl -s all: " + String.join(", ", skipped));
        }
        return c.result(r.build());
    }

    /** {@code Status: Enabled for 0 days 00:26:05           Debug: Urgent} (OpenBSD: {@code Debug: err}). */
    private static boolean status(String[] f, Reading.Builder r, Parsed.Collector c) {
        if (f.length < 2) {
            return false;
        }
        String state = f[1].toLowerCase(Locale.ROOT);
        if (!state.equals("enabled") && !state.equals("disabled")) {
            return false;
        }
        r.tunable("pfctl.status", state);
        for (int i = 2; i + 1 < f.length; i++) {
            if (f[i].equals("Debug:")) {
                r.tunable("pfctl.debug", f[i + 1]);
            }
        }
        if (state.equals("disabled")) {
            c.note("pf is disabled");
        }
        return true;
    }

    /** {@code mode never}, {@code active inactive}, {@code highwater 25 %}, {@code halfopen states 0}. */
    private static boolean syncookieSetting(String[] f, int num, Reading.Builder r) {
        if (num > 0 && f.length == num + 1) {
            String name = String.join(" ", List.of(f).subList(0, num));
            r.raw("pfctl.syncookies." + name, Numbers.parseCount(f[num]).getAsLong());
            return true;
        }
        if (num > 0 && f.length == num + 2 && f[num + 1].equals("%")) {
            r.tunable("pfctl.syncookies." + String.join(" ", List.of(f).subList(0, num)), f[num] + "%");
            return true;
        }
        if (num < 0 && f.length == 2) {
            r.tunable("pfctl.syncookies." + f[0], f[1]);
            return true;
        }
        return false;
    }

    /** {@code Bytes In  159716  41648}, {@code Packets In} (a group), {@code Passed  2750  577}: IPv4 then IPv6. */
    private static boolean interfaceLine(String[] f, int num, String iface, String group, Reading.Builder r) {
        if (num < 0) {
            return true; // "Packets In" / "Packets Out": the lines below belong to it
        }
        if (num == 0 || f.length != num + 2 || Numbers.parseCount(f[num + 1]).isEmpty()) {
            return false;
        }
        String name = lower(String.join(" ", List.of(f).subList(0, num)));
        String base = "pfctl.interface." + iface + "." + (group == null || name.startsWith("bytes") ? "" : group + ".") + name;
        r.raw(base + ".ipv4", Numbers.parseCount(f[num]).getAsLong());
        r.raw(base + ".ipv6", Numbers.parseCount(f[num + 1]).getAsLong());
        return true;
    }

    /** After the number only a rate ({@code 1.2/s}) may follow. */
    private static boolean rateOnly(String[] f, int num) {
        return f.length == num + 1 || (f.length == num + 2 && f[num + 1].endsWith("/s"));
    }

    /** Index of the first non-negative integer field, or -1. */
    private static int firstNumber(String[] f) {
        for (int i = 0; i < f.length; i++) {
            if (Numbers.parseCount(f[i]).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    private static Section guess(String name) {
        if (KNOWN_COUNTERS.contains(name)) {
            return Section.COUNTERS;
        }
        if (STATE_TABLE.containsKey(name)) {
            return Section.STATE_TABLE;
        }
        if (KNOWN_LIMIT_COUNTERS.contains(name)) {
            return Section.LIMIT_COUNTERS;
        }
        return Section.NONE;
    }

    /** Upper-case titles ending in a colon, as {@code pfctl -s all} prints between its sections. */
    private static boolean isAllSectionHeading(String t) {
        if (t.length() < 3 || !t.endsWith(":")) {
            return false;
        }
        for (int i = 0; i < t.length() - 1; i++) {
            char ch = t.charAt(i);
            if (!(ch >= 'A' && ch <= 'Z') && ch != ' ' && ch != '-' && ch != '/') {
                return false;
            }
        }
        return true;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

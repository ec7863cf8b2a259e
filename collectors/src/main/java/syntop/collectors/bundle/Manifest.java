package syntop.collectors.bundle;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import syntop.collectors.json.JsonReader;
import syntop.collectors.json.JsonWriter;
import syntop.collectors.model.OsFamily;
import syntop.collectors.source.RawOutput;

/**
 * A bundle's {@code manifest.json}: which machine, which syntop, whether it ran as root, which
 * redaction was applied, and for each sample and source what was run or read, how long it took and
 * how it ended. Replaying a bundle rebuilds each source's raw output from this and the files.
 */
public record Manifest(int format, String syntopVersion, Instant taken, Host host, Redaction redaction,
                       Duration interval, List<Sample> samples) {
    public static final int FORMAT = 1;
    public static final String FILE = "manifest.json";

    public Manifest {
        Objects.requireNonNull(syntopVersion);
        Objects.requireNonNull(taken);
        Objects.requireNonNull(host);
        Objects.requireNonNull(redaction);
        Objects.requireNonNull(interval);
        samples = List.copyOf(samples);
    }

    /**
     * The machine.
     *
     * @param hostname        the host's name (a pseudonym when redacted)
     * @param os              the OS family syntop parses it as
     * @param osName          e.g. {@code Debian GNU/Linux 12 (bookworm)}, {@code macOS}, {@code FreeBSD}
     * @param osVersion       e.g. {@code 12}, {@code 14.5}, {@code 14.1-RELEASE}
     * @param kernel          the kernel release ({@code uname -r})
     * @param platformVersion what syntop shows as the OS version (e.g. {@code Linux 6.18.44})
     * @param arch            the CPU architecture
     * @param byteOrder       {@code little_endian} or {@code big_endian}: how /proc/net/tcp prints addresses
     * @param locale          the locale syntop ran in (its commands always run with {@code LC_ALL=C})
     * @param root            whether the capture ran as root
     * @param uid             the user id it ran as, -1 when unknown
     */
    public record Host(String hostname, OsFamily os, String osName, String osVersion, String kernel,
                       String platformVersion, String arch, String byteOrder, String locale, boolean root, long uid) {
    }

    /**
     * @param applied           false only with {@code --no-redact}
     * @param scheme            the pseudonym scheme's name, or {@code none}
     * @param addressesReplaced how many different addresses were replaced
     * @param summary           the scheme in one sentence
     */
    public record Redaction(boolean applied, String scheme, int addressesReplaced, String summary) {
        public static Redaction none() {
            return new Redaction(false, "none", 0, "not redacted: addresses and host names are as the machine printed them (--no-redact)");
        }
    }

    /**
     * @param number    1, 2, …
     * @param dir       where its files are, relative to the bundle root: empty for the first sample, {@code samples/N/} after
     * @param at        when it was taken
     * @param monoNanos monotonic time since the first sample (rates are computed from it)
     */
    public record Sample(int number, String dir, Instant at, long monoNanos, List<SourceEntry> sources) {
        public Sample {
            sources = List.copyOf(sources);
        }

        public Optional<SourceEntry> source(String id) {
            return sources.stream().filter(s -> s.id().equals(id)).findFirst();
        }
    }

    /**
     * One source in one sample.
     *
     * @param id        the source id
     * @param argv      the command run (empty for files)
     * @param paths     the files it reads (empty for commands)
     * @param files     what was written for it, relative to the sample's directory
     * @param outcome   how the acquisition ended
     * @param exit      the command's exit status (-1 when it did not exit, 0 for files)
     * @param tookNanos how long it took
     * @param detail    the acquisition's failure in words, or which files were absent
     * @param health    what syntop made of it (ok, needs_root, unavailable, …)
     * @param status    the status in words
     */
    public record SourceEntry(String id, List<String> argv, List<String> paths, List<String> files,
                              RawOutput.Outcome outcome, int exit, long tookNanos, String detail, String health,
                              String status) {
        public SourceEntry {
            argv = List.copyOf(argv);
            paths = List.copyOf(paths);
            files = List.copyOf(files);
        }

        public boolean isCommand() {
            return !argv.isEmpty();
        }
    }

    public String toJson() {
        JsonWriter w = new JsonWriter(true);
        w.beginObject();
        w.field("syntop_capture", format);
        w.field("about", "what syntop read on one machine, for a bug report or a test fixture; "
                + "open it with 'syntop --capture' or 'syntop parse --capture'");
        w.field("syntop_version", syntopVersion);
        w.field("taken", taken.toString());
        w.name("host").beginObject()
                .field("hostname", host.hostname())
                .field("os", host.os().token())
                .field("os_name", host.osName())
                .field("os_version", host.osVersion())
                .field("kernel", host.kernel())
                .field("platform_version", host.platformVersion())
                .field("arch", host.arch())
                .field("byte_order", host.byteOrder())
                .field("locale", host.locale())
                .field("root", host.root())
                .field("uid", host.uid())
                .endObject();
        w.name("redaction").beginObject()
                .field("applied", redaction.applied())
                .field("scheme", redaction.scheme())
                .field("addresses_replaced", redaction.addressesReplaced())
                .field("summary", redaction.summary())
                .endObject();
        w.field("interval_ms", interval.toMillis());
        w.name("samples").beginArray();
        for (Sample s : samples) {
            w.beginObject()
                    .field("number", s.number())
                    .field("dir", s.dir())
                    .field("at", s.at().toString())
                    .field("mono_ns", s.monoNanos());
            w.name("sources").beginArray();
            for (SourceEntry e : s.sources()) {
                w.beginObject().field("id", e.id());
                if (e.isCommand()) {
                    strings(w, "argv", e.argv());
                } else {
                    strings(w, "paths", e.paths());
                }
                strings(w, "files", e.files());
                w.field("outcome", e.outcome().name().toLowerCase(Locale.ROOT))
                        .field("exit", e.exit())
                        .field("took_ns", e.tookNanos())
                        .field("detail", e.detail())
                        .field("health", e.health())
                        .field("status", e.status())
                        .endObject();
            }
            w.endArray();
            w.endObject();
        }
        w.endArray();
        w.endObject();
        return w.toString() + "\n";
    }

    private static void strings(JsonWriter w, String name, List<String> values) {
        w.name(name).beginArray();
        values.forEach(w::value);
        w.endArray();
    }

    /** Reads a manifest; any missing or mistyped field is named in the exception. */
    public static Manifest parse(String json) throws BundleException {
        Object root;
        try {
            root = JsonReader.parse(json);
        } catch (IllegalArgumentException e) {
            throw new BundleException("manifest.json is not valid JSON: " + e.getMessage());
        }
        Obj m = new Obj(root, "manifest");
        int format = (int) m.num("syntop_capture");
        if (format != FORMAT) {
            throw new BundleException("manifest.json has capture format " + format + "; this syntop reads format " + FORMAT);
        }
        Obj h = m.obj("host");
        String osToken = h.str("os");
        OsFamily os = OsFamily.fromToken(osToken)
                .orElseThrow(() -> new BundleException("manifest.json: unknown os '" + osToken + "'"));
        Host host = new Host(h.str("hostname"), os, h.str("os_name"), h.str("os_version"), h.str("kernel"),
                h.str("platform_version"), h.str("arch"), h.str("byte_order"), h.str("locale"), h.bool("root"),
                h.num("uid"));
        Obj r = m.obj("redaction");
        Redaction redaction = new Redaction(r.bool("applied"), r.str("scheme"), (int) r.num("addresses_replaced"),
                r.str("summary"));
        List<Sample> samples = new ArrayList<>();
        for (Obj s : m.objects("samples")) {
            List<SourceEntry> sources = new ArrayList<>();
            for (Obj e : s.objects("sources")) {
                String outcome = e.str("outcome");
                RawOutput.Outcome o;
                try {
                    o = RawOutput.Outcome.valueOf(outcome.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException ex) {
                    throw new BundleException("manifest.json: unknown outcome '" + outcome + "'");
                }
                sources.add(new SourceEntry(e.str("id"), e.strings("argv"), e.strings("paths"), e.strings("files"), o,
                        (int) e.num("exit"), e.num("took_ns"), e.str("detail"), e.str("health"), e.str("status")));
            }
            String dir = s.str("dir");
            samples.add(new Sample((int) s.num("number"), dir, s.instant("at"), s.num("mono_ns"), sources));
        }
        if (samples.isEmpty()) {
            throw new BundleException("manifest.json lists no samples");
        }
        return new Manifest(format, m.str("syntop_version"), m.instant("taken"), host, redaction,
                Duration.ofMillis(m.num("interval_ms")), samples);
    }

    /** Typed access to a parsed JSON object, with errors that name the field. */
    private static final class Obj {
        private final Map<?, ?> map;
        private final String where;

        Obj(Object o, String where) throws BundleException {
            if (!(o instanceof Map<?, ?> mm)) {
                throw new BundleException("manifest.json: " + where + " is not an object");
            }
            this.map = mm;
            this.where = where;
        }

        private Object get(String k) throws BundleException {
            if (!map.containsKey(k)) {
                throw new BundleException("manifest.json: " + where + " has no '" + k + "'");
            }
            return map.get(k);
        }

        String str(String k) throws BundleException {
            if (!(get(k) instanceof String s)) {
                throw new BundleException("manifest.json: " + where + "." + k + " is not a string");
            }
            return s;
        }

        long num(String k) throws BundleException {
            if (!(get(k) instanceof Long l)) {
                throw new BundleException("manifest.json: " + where + "." + k + " is not a whole number");
            }
            return l;
        }

        boolean bool(String k) throws BundleException {
            if (!(get(k) instanceof Boolean b)) {
                throw new BundleException("manifest.json: " + where + "." + k + " is not true or false");
            }
            return b;
        }

        Instant instant(String k) throws BundleException {
            try {
                return Instant.parse(str(k));
            } catch (DateTimeParseException e) {
                throw new BundleException("manifest.json: " + where + "." + k + " is not a time");
            }
        }

        Obj obj(String k) throws BundleException {
            return new Obj(get(k), where + "." + k);
        }

        List<Obj> objects(String k) throws BundleException {
            if (!(get(k) instanceof List<?> l)) {
                throw new BundleException("manifest.json: " + where + "." + k + " is not a list");
            }
            List<Obj> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                out.add(new Obj(l.get(i), where + "." + k + "[" + i + "]"));
            }
            return out;
        }

        List<String> strings(String k) throws BundleException {
            if (!map.containsKey(k)) {
                return List.of();
            }
            if (!(map.get(k) instanceof List<?> l)) {
                throw new BundleException("manifest.json: " + where + "." + k + " is not a list");
            }
            List<String> out = new ArrayList<>();
            for (Object o : l) {
                if (!(o instanceof String s)) {
                    throw new BundleException("manifest.json: " + where + "." + k + " holds a non-string");
                }
                out.add(s);
            }
            return out;
        }
    }
}

package syntop.collectors.bundle;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import syntop.collectors.model.SourceStatus;
import syntop.collectors.net.Ip;
import syntop.collectors.platform.Platform;
import syntop.collectors.platform.SourceEvaluation;
import syntop.collectors.platform.SourceResult;
import syntop.collectors.redact.Pseudonyms;
import syntop.collectors.redact.Redactor;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.Acquisition;
import syntop.collectors.source.RawOutput;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.Source;
import syntop.collectors.threads.Daemons;

/**
 * {@code syntop capture}: runs every source of this platform once or N times and turns what they
 * printed into a {@link Bundle} laid out like the test fixtures, redacted unless asked otherwise.
 *
 * <pre>
 * &lt;name&gt;/manifest.json
 * &lt;name&gt;/cmd/&lt;argv-slug&gt;.txt  .err  .exit     a command's stdout, stderr and exit status ({@link Layout})
 * &lt;name&gt;/proc/net/tcp …                       files at their real paths, without the leading /
 * &lt;name&gt;/samples/2/cmd/… samples/2/proc/…      samples 2..N the same way (sample 1 is the top)
 * </pre>
 */
public final class BundleTaker {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BundleTaker() {
    }

    /** One sample: when, and each source's raw output and what syntop made of it, in the platform's order. */
    public record RawSample(Instant at, long monoNanos, List<SourceResult> results) {
        public RawSample {
            results = List.copyOf(results);
        }
    }

    /** What a capture produced: the bundle, its manifest, and the sources that gave nothing, in words. */
    public record Result(Bundle bundle, Manifest manifest, List<String> missing) {
    }

    /** Polls every source {@code samples} times, {@code interval} apart; all sources every time, in parallel. */
    public static List<RawSample> sample(Platform platform, Acquirer acquirer, int samples, Duration interval, Clock clock,
                                         LongSupplier monoNanos) throws InterruptedException {
        List<RawSample> out = new ArrayList<>();
        List<Source> sources = platform.pollableSources();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, sources.size())),
                Daemons.named("syntop-capture"));
        try {
            long first = 0;
            for (int k = 0; k < samples; k++) {
                long start = monoNanos.getAsLong();
                if (k == 0) {
                    first = start;
                }
                Instant at = clock.instant();
                List<Future<RawOutput>> running = new ArrayList<>();
                for (Source s : sources) {
                    running.add(pool.submit(() -> acquirer.acquire(s)));
                }
                List<SourceResult> results = new ArrayList<>();
                for (int i = 0; i < sources.size(); i++) {
                    Source s = sources.get(i);
                    RawOutput raw;
                    try {
                        raw = running.get(i).get();
                    } catch (ExecutionException e) {
                        raw = RawOutput.failed(s.id(), RawOutput.Outcome.FAILED, Duration.ZERO, String.valueOf(e.getCause()));
                    }
                    results.add(SourceEvaluation.evaluate(s, raw, interval));
                }
                out.add(new RawSample(at, start - first, results));
                if (k + 1 < samples) {
                    long sleep = interval.toNanos() - (monoNanos.getAsLong() - start);
                    if (sleep > 0) {
                        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    /**
     * Lays the samples out as a bundle. With {@code redact}, addresses and host names are replaced
     * (see {@link Pseudonyms} and {@link Redactor}) under a key drawn here and forgotten after; the
     * result is then checked for every real address met, and refused if one is left.
     */
    public static Result build(Platform platform, List<RawSample> samples, HostFacts facts, String syntopVersion,
                               Duration interval, boolean redact, SecureRandom random) throws BundleException {
        try {
            return layOut(platform, samples, facts, syntopVersion, interval, redact, random);
        } catch (IllegalStateException e) {
            throw new BundleException("cannot redact this capture (" + e.getMessage() + "); nothing was written");
        }
    }

    private static Result layOut(Platform platform, List<RawSample> samples, HostFacts facts, String syntopVersion,
                                 Duration interval, boolean redact, SecureRandom random) throws BundleException {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        Redactor redactor = null;
        String hostname;
        if (redact) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            byte[] label = new byte[3];
            random.nextBytes(label);
            hostname = "host-" + HexFormat.of().formatHex(label);
            redactor = new Redactor(new Pseudonyms(key), allNames(facts, platform), facts.byteOrder(), hostname);
            java.util.Arrays.fill(key, (byte) 0);
            for (byte[] a : facts.interfaceAddresses()) {
                reserve(redactor, a);
            }
            for (RawSample s : samples) {
                for (SourceResult r : s.results()) {
                    forEachText(r, redactor::learn);
                }
            }
        } else {
            hostname = platform.host().hostname();
        }
        Map<String, byte[]> files = new TreeMap<>();
        List<Manifest.Sample> msamples = new ArrayList<>();
        for (int k = 0; k < samples.size(); k++) {
            RawSample s = samples.get(k);
            String dir = k == 0 ? "" : "samples/" + (k + 1) + "/";
            List<Manifest.SourceEntry> entries = new ArrayList<>();
            for (SourceResult r : s.results()) {
                entries.add(lay(platform, r, dir, files, redactor));
            }
            msamples.add(new Manifest.Sample(k + 1, dir, s.at(), s.monoNanos(), entries));
        }
        Manifest.Redaction redaction = redact
                ? new Manifest.Redaction(true, Pseudonyms.SCHEME, redactor.replacedCount(), Pseudonyms.SUMMARY)
                : Manifest.Redaction.none();
        Manifest.Host host = new Manifest.Host(hostname, platform.os(), facts.osName(), facts.osVersion(), facts.kernel(),
                platform.host().osVersion(), facts.arch(), facts.byteOrder().toString().toLowerCase(java.util.Locale.ROOT),
                facts.locale(), facts.root(), facts.uid());
        Manifest manifest = new Manifest(Manifest.FORMAT, syntopVersion, samples.get(0).at(), host, redaction, interval,
                msamples);
        files.put(Manifest.FILE, manifest.toJson().getBytes(StandardCharsets.UTF_8));
        if (redact) {
            Set<byte[]> real = new java.util.HashSet<>(facts.interfaceAddresses());
            for (String a : redactor.realAddresses()) {
                Ip.parseV4(a).or(() -> Ip.parseV6(a)).ifPresent(real::add);
            }
            check(files, real);
        }
        String name = "syntop-capture-" + platform.os().token() + "-" + fileSafe(hostname) + "-"
                + STAMP.format(samples.get(0).at());
        Bundle bundle = new Bundle(name, files);
        // a bundle that syntop itself would refuse to read back is not written
        long entries = files.size() + files.keySet().stream().mapToLong(f -> f.chars().filter(c -> c == '/').count()).sum();
        if (bundle.totalBytes() > Limits.DEFAULT.maxTotalBytes() || entries > Limits.DEFAULT.maxEntries()) {
            throw new BundleException("the capture is too large to read back (" + bundle.totalBytes() / (1024 * 1024)
                    + " MiB, " + files.size() + " files); take fewer --samples");
        }
        return new Result(bundle, manifest, missing(platform, samples.get(samples.size() - 1), redactor));
    }

    private static List<String> allNames(HostFacts facts, Platform platform) {
        Set<String> names = new LinkedHashSet<>(facts.hostNames());
        String h = platform.host().hostname();
        if (!h.isBlank() && !h.equals("localhost")) {
            names.add(h);
        }
        return List.copyOf(names);
    }

    private static void reserve(Redactor r, byte[] a) {
        r.learn("interface", Ip.format(a));
    }

    private interface TextSink {
        void accept(String path, String text);
    }

    private static void forEachText(SourceResult r, TextSink sink) {
        RawOutput raw = r.raw();
        for (RawPart p : raw.parts()) {
            sink.accept(p.name().equals("stdout") ? "cmd/" + r.raw().sourceId() + ".txt" : p.name(),
                    new String(p.data(), StandardCharsets.ISO_8859_1));
        }
        sink.accept("cmd/" + raw.sourceId() + ".err", raw.stderr());
        sink.accept("detail", raw.detail());
        sink.accept("detail", r.status().detail());
    }

    /** Writes one source's files for one sample and returns its manifest entry. */
    private static Manifest.SourceEntry lay(Platform platform, SourceResult r, String dir, Map<String, byte[]> files,
                                            Redactor redactor) {
        RawOutput raw = r.raw();
        Source source = platform.source(raw.sourceId()).orElseThrow();
        List<String> written = new ArrayList<>();
        List<String> argv = List.of();
        List<String> paths = List.of();
        if (source.acquisition() instanceof Acquisition.Command c) {
            argv = c.argv();
            String slug = Layout.commandBase(c.argv());
            boolean ran = raw.outcome() == RawOutput.Outcome.COMPLETED;
            if (ran || !raw.parts().isEmpty()) {
                byte[] out = raw.parts().isEmpty() ? new byte[0] : raw.parts().get(0).data();
                put(files, written, dir, slug + ".txt", redact(redactor, slug + ".txt", out));
                put(files, written, dir, slug + ".err",
                        redact(redactor, slug + ".err", raw.stderr().getBytes(StandardCharsets.UTF_8)));
            }
            if (ran) {
                put(files, written, dir, slug + ".exit", (raw.exitCode() + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        } else {
            paths = ((Acquisition.OfPaths) source.acquisition()).paths();
            for (RawPart p : raw.parts()) {
                String rel = p.name().startsWith("/") ? p.name().substring(1) : p.name();
                put(files, written, dir, rel, redact(redactor, rel, p.data()));
            }
        }
        SourceStatus st = r.status();
        return new Manifest.SourceEntry(raw.sourceId(), argv, paths, written, raw.outcome(), raw.exitCode(),
                raw.took().toNanos(), redact(redactor, raw.detail()), st.health().label(), redact(redactor, st.detail()));
    }

    private static void put(Map<String, byte[]> files, List<String> written, String dir, String rel, byte[] data) {
        files.put(dir + rel, data);
        written.add(rel);
    }

    private static byte[] redact(Redactor r, String path, byte[] data) {
        return r == null ? data : r.redact(path, data);
    }

    private static String redact(Redactor r, String text) {
        return r == null ? text : r.redact("detail", text);
    }

    /** Refuses a bundle in which any real address is still written, in any of its forms. */
    static void check(Map<String, byte[]> files, Set<byte[]> real) throws BundleException {
        List<Pattern> patterns = new ArrayList<>();
        List<String> forms = new ArrayList<>();
        for (byte[] a : real) {
            if (Pseudonyms.kept(a)) {
                continue;
            }
            for (String f : Redactor.textForms(a)) {
                forms.add(f);
                patterns.add(leakPattern(f));
            }
        }
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            // the manifest's machine facts (kernel, OS) are not addresses; its words from the sources are checked
            String text = e.getKey().equals(Manifest.FILE) ? details(e.getValue())
                    : new String(e.getValue(), StandardCharsets.ISO_8859_1);
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matcher(text).find()) {
                    throw new BundleException("redaction check failed: an address of this machine (" + forms.get(i)
                            + ") is still in " + e.getKey() + "; nothing was written. Please report this as a bug.");
                }
            }
        }
    }

    private static String details(byte[] manifestJson) throws BundleException {
        Manifest m = Manifest.parse(new String(manifestJson, StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder(m.host().hostname()).append('\n');
        for (Manifest.Sample s : m.samples()) {
            for (Manifest.SourceEntry e : s.sources()) {
                sb.append(e.detail()).append('\n').append(e.status()).append('\n');
            }
        }
        return sb.toString();
    }

    /** The form as a whole token: not inside a longer number, word or address. */
    public static Pattern leakPattern(String form) {
        boolean v6 = form.indexOf(':') >= 0;
        String before = v6 ? "(?<![0-9A-Za-z:])" : "(?<![0-9A-Za-z.])";
        String after = v6 ? "(?![0-9A-Za-z:])" : "(?![0-9A-Za-z])";
        return Pattern.compile(before + Pattern.quote(form) + after, Pattern.CASE_INSENSITIVE);
    }

    private static List<String> missing(Platform platform, RawSample last, Redactor redactor) {
        List<String> out = new ArrayList<>();
        for (SourceResult r : last.results()) {
            SourceStatus st = r.status();
            if (st.isOk()) {
                continue;
            }
            String what = platform.source(st.id()).map(s -> s.acquisition().describe()).orElse(st.id());
            String detail = redact(redactor, st.detail());
            String said = redact(redactor, r.raw().stderr().strip().lines().findFirst().orElse(""));
            String why = switch (st.health()) {
                case NEEDS_ROOT -> "needs root (" + (said.isEmpty() ? detail.replaceFirst(" \\(needs root\\)$", "") : said) + ")";
                case UNAVAILABLE -> (st.optional() ? "not on this machine (optional): " : "") + detail;
                case TIMEOUT -> "timed out: " + detail;
                case UNPARSED -> "read, but not understood: " + detail;
                default -> st.health().label() + (detail.isEmpty() ? "" : ": " + detail);
            };
            out.add(what + ": " + why);
        }
        return out;
    }

    static String fileSafe(String s) {
        String t = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return t.isEmpty() ? "host" : t.length() > 40 ? t.substring(0, 40) : t;
    }
}

package syntop.collectors.bundle;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.os.Platforms;
import syntop.collectors.platform.Platform;
import syntop.collectors.platform.Poll;
import syntop.collectors.platform.SourceEvaluation;
import syntop.collectors.platform.SourceResult;
import syntop.collectors.platform.StandIn;
import syntop.collectors.source.Acquisition;
import syntop.collectors.source.RawOutput;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.Source;

/**
 * Reads a capture bundle back as the machine it recorded: the recorded OS's sources, fed with the
 * bundle's files instead of running anything. It is static and never live (no sampler takes it): each
 * sample replays exactly the raw outputs, times and outcomes the manifest recorded, through the same
 * evaluation as the live sampler (and the same pipeline after it), so a maintainer sees what the
 * user's syntop saw. {@link BundleTaker} writes what this reads.
 */
public final class BundleReader implements Platform {
    private final Bundle bundle;
    private final Manifest manifest;
    private final Platform recorded;
    private final HostInfo host;

    private BundleReader(Bundle bundle, Manifest manifest) {
        this.bundle = bundle;
        this.manifest = manifest;
        OsFamily os = manifest.host().os();
        this.host = new HostInfo(manifest.host().hostname(), os, manifest.host().platformVersion());
        this.recorded = Platforms.offline(os, host);
    }

    /** Opens a bundle: a {@code .tar.gz} file or a directory. */
    public static BundleReader open(Path path) throws BundleException {
        return of(Bundle.read(path, Limits.DEFAULT));
    }

    public static BundleReader of(Bundle bundle) throws BundleException {
        return new BundleReader(bundle, bundle.manifest());
    }

    public Bundle bundle() {
        return bundle;
    }

    public Manifest manifest() {
        return manifest;
    }

    @Override
    public OsFamily os() {
        return recorded.os();
    }

    @Override
    public HostInfo host() {
        return host;
    }

    /**
     * The recorded OS's sources that this bundle holds, in that platform's priority order, but a
     * stand-in held beside its source (it is read in that source's place, see {@link #standIn}): a
     * bundle from an older syntop that read other sources (say /proc/net/tcp alone) replays through
     * those.
     */
    @Override
    public List<Source> sources() {
        List<Source> held = parseableSources();
        return held.stream().filter(src -> held.stream().noneMatch(p -> isStandInOf(src, p))).toList();
    }

    /** Every source the bundle holds, stand-ins included. */
    @Override
    public List<Source> parseableSources() {
        return recorded.parseableSources().stream().filter(this::holds).toList();
    }

    private boolean holds(Source src) {
        return manifest.samples().stream().anyMatch(sample -> entryOf(sample, src).isPresent());
    }

    private boolean isStandInOf(Source candidate, Source polled) {
        return candidate != polled && recorded.standIn(polled).filter(si -> si.source().id().equals(candidate.id()))
                .isPresent();
    }

    /** The recorded OS's stand-in, when the bundle holds it: each sample reads what the live sampler would have. */
    @Override
    public Optional<StandIn> standIn(Source polled) {
        return recorded.standIn(polled).filter(si -> holds(si.source()));
    }

    @Override
    public Snapshot complete(Snapshot assembled) {
        return recorded.complete(assembled);
    }

    /** In words, for headers: whose capture, when, how many samples, whether it was redacted. */
    public String describe() {
        int n = manifest.samples().size();
        return "capture of " + host.hostname() + " taken " + manifest.taken() + ", " + n + (n == 1 ? " sample" : " samples")
                + (manifest.redaction().applied() ? ", redacted" : ", not redacted");
    }

    public int sampleCount() {
        return manifest.samples().size();
    }

    /** The raw output of {@code src} at one sample, or "not in this capture". */
    private RawOutput rawOutput(Source src, Manifest.Sample s) {
        Optional<Manifest.SourceEntry> e = entryOf(s, src);
        return e.isEmpty() ? RawOutput.failed(src.id(), RawOutput.Outcome.NOT_FOUND, Duration.ZERO, "not in this capture")
                : raw(src, s.dir(), e.get());
    }

    /** The sample's entry for this source, under its id or a name it was known by ({@link Source#answersTo}). */
    private static Optional<Manifest.SourceEntry> entryOf(Manifest.Sample sample, Source src) {
        return sample.source(src.id()).or(() -> sample.sources().stream().filter(e -> src.answersTo(e.id())).findFirst());
    }

    private RawOutput raw(Source src, String dir, Manifest.SourceEntry e) {
        List<RawPart> parts = new ArrayList<>();
        String stderr = "";
        int exit = e.exit();
        if (src.acquisition() instanceof Acquisition.Command c) {
            // under the command the bundle ran (an older syntop ran ss -ltn where this one runs ss -ltnp)
            String base = dir + Layout.commandBase(e.argv().isEmpty() ? c.argv() : e.argv());
            bundle.file(base + ".txt").ifPresent(b -> parts.add(new RawPart("stdout", b)));
            stderr = bundle.file(base + ".err").map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
            Optional<byte[]> x = bundle.file(base + ".exit");
            if (x.isPresent()) {
                try {
                    exit = Integer.parseInt(new String(x.get(), StandardCharsets.US_ASCII).strip());
                } catch (NumberFormatException ignored) {
                    // the manifest's exit status stands
                }
            }
        } else {
            for (String path : ((Acquisition.OfPaths) src.acquisition()).paths()) {
                bundle.file(dir + path.substring(1)).ifPresent(b -> parts.add(new RawPart(path, b)));
            }
        }
        return new RawOutput(src.id(), e.outcome(), parts, stderr, exit, Duration.ofNanos(e.tookNanos()), e.detail());
    }

    /**
     * One sample (0-based) as the live sampler would have polled it after {@code last} (null at the
     * first): each source, or its stand-in where the live sampler would have read that, from the
     * recorded output, evaluated. The pipeline assembles and judges it as it does a live tick.
     */
    public Poll poll(int sample, Snapshot last) {
        Manifest.Sample s = manifest.samples().get(sample);
        List<SourceResult> results = new ArrayList<>();
        Map<String, Duration> every = new HashMap<>();
        for (Source src : sources()) {
            Source read = StandIn.toPoll(this, src, last);
            results.add(SourceEvaluation.evaluate(read, rawOutput(read, s), manifest.interval()));
            every.put(src.id(), manifest.interval());
        }
        return new Poll(s.at(), s.monoNanos(), results, every);
    }
}

package syntop.collectors.platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import syntop.collectors.bundle.Bundle;
import syntop.collectors.bundle.BundleException;
import syntop.collectors.bundle.Layout;
import syntop.collectors.bundle.Limits;
import syntop.collectors.bundle.Manifest;
import syntop.collectors.history.History;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.KernelEvent;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Reading;
import syntop.collectors.model.Snapshot;
import syntop.collectors.source.Acquisition;
import syntop.collectors.source.RawOutput;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.Source;

/**
 * A machine as a capture bundle recorded it: the recorded OS's sources, fed with the bundle's files
 * instead of running anything. Static and not live ({@link #live()} is false): each sample replays
 * exactly the raw outputs, times and outcomes the manifest recorded, through the same evaluation and
 * assembly as the live sampler, so a maintainer sees what the user's syntop saw.
 */
public final class CapturePlatform implements Platform {
    private final Bundle bundle;
    private final Manifest manifest;
    private final Platform recorded;
    private final HostInfo host;
    private final java.util.Map<Integer, List<SourceResult>> evaluated = new java.util.HashMap<>();

    private CapturePlatform(Bundle bundle, Manifest manifest) {
        this.bundle = bundle;
        this.manifest = manifest;
        OsFamily os = manifest.host().os();
        this.host = new HostInfo(manifest.host().hostname(), os, manifest.host().platformVersion());
        this.recorded = Platforms.offline(os, host);
    }

    /** Opens a bundle: a {@code .tar.gz} file or a directory. */
    public static CapturePlatform open(Path path) throws BundleException {
        return of(Bundle.read(path, Limits.DEFAULT));
    }

    public static CapturePlatform of(Bundle bundle) throws BundleException {
        return new CapturePlatform(bundle, bundle.manifest());
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
     * The recorded OS's sources that this bundle holds, in that platform's priority order: a bundle
     * from an older syntop that read other sources (say /proc/net/tcp) replays through those.
     */
    @Override
    public List<Source> sources() {
        return recorded.parseableSources().stream()
                .filter(src -> manifest.samples().stream().anyMatch(sample -> sample.source(src.id()).isPresent()))
                .toList();
    }

    @Override
    public Snapshot complete(Snapshot assembled) {
        return recorded.complete(assembled);
    }

    @Override
    public boolean live() {
        return false;
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

    /** The raw output of every source of the recorded OS at one sample (0-based), in the platform's order. */
    public List<RawOutput> rawOutputs(int sample) {
        Manifest.Sample s = manifest.samples().get(sample);
        List<RawOutput> out = new ArrayList<>();
        for (Source src : sources()) {
            Optional<Manifest.SourceEntry> e = s.source(src.id());
            out.add(e.isEmpty()
                    ? RawOutput.failed(src.id(), RawOutput.Outcome.NOT_FOUND, Duration.ZERO, "not in this capture")
                    : raw(src, s.dir(), e.get()));
        }
        return out;
    }

    private RawOutput raw(Source src, String dir, Manifest.SourceEntry e) {
        List<RawPart> parts = new ArrayList<>();
        String stderr = "";
        int exit = e.exit();
        if (src.acquisition() instanceof Acquisition.Command c) {
            String base = dir + Layout.commandBase(c.argv());
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

    /** One sample (0-based) evaluated and assembled as the live sampler does. */
    public Snapshot snapshot(int sample) {
        Manifest.Sample s = manifest.samples().get(sample);
        List<SnapshotAssembler.Contribution> contributions = new ArrayList<>();
        for (SourceResult r : results(sample)) {
            contributions.add(new SnapshotAssembler.Contribution(
                    r.status().isOk() ? r.parsed().value() : Reading.empty(), r.status()));
        }
        Snapshot snap = complete(SnapshotAssembler.assemble(s.at(), s.monoNanos(), host, contributions));
        List<KernelEvent> said = kernelEvents(sample);
        return said.isEmpty() ? snap : snap.withKernelEvents(said);
    }

    /**
     * What the kernel's log said up to a sample: a kernel log device's later samples hold only the
     * records new since the one before, so every sample up to this one is read, as the sampler did.
     */
    private List<KernelEvent> kernelEvents(int upTo) {
        KernelLogBook book = new KernelLogBook();
        for (int k = 0; k <= upTo; k++) {
            Manifest.Sample s = manifest.samples().get(k);
            List<SourceResult> results = results(k);
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).status().isOk()) {
                    book.add(sources().get(i), results.get(i).parsed().value(), s.at());
                }
            }
        }
        return book.newestFirst();
    }

    /** Every source of one sample, evaluated once (the bundle does not change). */
    private synchronized List<SourceResult> results(int sample) {
        return evaluated.computeIfAbsent(sample, k -> {
            List<RawOutput> raws = rawOutputs(k);
            List<SourceResult> out = new ArrayList<>(raws.size());
            for (int i = 0; i < raws.size(); i++) {
                out.add(SourceEvaluation.evaluate(sources().get(i), raws.get(i), manifest.interval()));
            }
            return List.copyOf(out);
        });
    }

    /** Every sample in order, added to a fresh history (rates come from consecutive samples). */
    public History history() {
        History h = new History();
        for (int i = 0; i < sampleCount(); i++) {
            h.add(snapshot(i));
        }
        return h;
    }
}

package syntop.collectors.record;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.zip.Deflater;

import syntop.collectors.detect.Verdict;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Reading;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.source.Acquisition;
import syntop.collectors.source.RawOutput;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.Source;

/**
 * Encodes the header and tick bodies (docs/recording-format.md); the snapshot and readings inside
 * a tick are {@link ModelCodec}'s. Enum values are stored by name, so reordering an enum never
 * changes what an old file means.
 */
final class Codec {
    static final String HEADER_TAG = "syntop recording";
    /** Header extension key (then the source id): the files a command's output names, read after it. */
    static final String THEN_READ = "then-read:";
    /** Bodies above this are compressed fast rather than small (a raw 100k-socket table). */
    private static final int BIG_BODY = 1 << 20;

    private Codec() {
    }

    // ---- header

    static byte[] header(RecordingHeader h) {
        Wire.Out w = new Wire.Out();
        w.str(HEADER_TAG).var(h.formatVersion()).str(h.writer()).i64(h.runId());
        ModelCodec.instant(w, h.created());
        w.str(h.host().hostname()).str(h.host().os().token()).str(h.host().osVersion());
        ModelCodec.duration(w, h.interval());
        w.var(h.rawTableLimit()).var(h.rawTableEvery());
        w.var(h.sources().size());
        for (RecordingHeader.SourceInfo s : h.sources()) {
            w.str(s.id());
            List<String> args;
            if (s.acquisition() instanceof Acquisition.Command c) {
                w.u8(0);
                args = c.argv();
            } else if (s.acquisition() instanceof Acquisition.Files f) {
                w.u8(1);
                args = f.paths();
            } else {
                // a log device, then the files read with it
                w.u8(2);
                args = ((Acquisition.LogDevice) s.acquisition()).paths();
            }
            w.var(args.size());
            args.forEach(w::str);
            w.str(s.cost().name()).bool(s.optional());
            ModelCodec.duration(w, s.budget());
        }
        // extension entries (key, value): the files a command's output names, read after it
        List<String[]> extensions = new ArrayList<>();
        for (RecordingHeader.SourceInfo s : h.sources()) {
            if (s.acquisition() instanceof Acquisition.Command c && c.thenRead().isPresent()) {
                Acquisition.FilesNamed f = c.thenRead().get();
                List<String> fields = new ArrayList<>(List.of(f.pattern(), f.pathFormat(), Integer.toString(f.max())));
                fields.addAll(f.always());
                extensions.add(new String[] {THEN_READ + s.id(), String.join("\t", fields)});
            }
        }
        w.var(extensions.size());
        extensions.forEach(e -> w.str(e[0]).str(e[1]));
        return w.toByteArray();
    }

    static RecordingHeader header(Wire.In in) {
        if (!HEADER_TAG.equals(in.str())) {
            throw new RecordingFormatException("header record without the syntop tag");
        }
        int version = (int) in.var();
        String writer = in.str();
        long runId = in.i64();
        Instant created = RecordingFormat.instant(in);
        String hostname = in.str();
        String osToken = in.str();
        OsFamily os = OsFamily.fromToken(osToken)
                .orElseThrow(() -> new RecordingFormatException("unknown OS '" + osToken + "' in the header"));
        HostInfo host = new HostInfo(hostname, os, in.str());
        Duration interval = ModelCodec.duration(in);
        long rawLimit = in.var();
        int rawEvery = (int) Math.min(Integer.MAX_VALUE, in.var());
        int n = in.count();
        List<RecordingHeader.SourceInfo> sources = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = in.str();
            int kind = in.u8();
            int k = in.count();
            List<String> args = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                args.add(in.str());
            }
            if (args.isEmpty() || kind > 2) {
                throw new RecordingFormatException("source " + id + ": bad acquisition");
            }
            Acquisition acq = kind == 0 ? new Acquisition.Command(args) : kind == 1 ? new Acquisition.Files(args)
                    : new Acquisition.LogDevice(args.get(0), args.subList(1, args.size()));
            Source.Cost cost = ModelCodec.enumOf(Source.Cost.class, in.str(), "cost");
            boolean optional = in.bool();
            sources.add(new RecordingHeader.SourceInfo(id, acq, cost, optional, ModelCodec.duration(in)));
        }
        int extensions = in.count();
        Map<String, String> ext = new LinkedHashMap<>();
        for (int i = 0; i < extensions; i++) {
            ext.put(in.str(), in.str());
        }
        for (int i = 0; i < sources.size(); i++) {
            RecordingHeader.SourceInfo s = sources.get(i);
            String then = ext.get(THEN_READ + s.id());
            if (then != null && s.acquisition() instanceof Acquisition.Command c) {
                String[] f = then.split("\t", -1);
                if (f.length < 3 || !f[2].matches("\\d{1,4}")) {
                    throw new RecordingFormatException("source " + s.id() + ": bad " + THEN_READ + " entry");
                }
                Acquisition.FilesNamed named;
                try {
                    named = new Acquisition.FilesNamed(f[0], f[1], Integer.parseInt(f[2]),
                            List.of(f).subList(3, f.length));
                } catch (RuntimeException e) {
                    throw new RecordingFormatException("source " + s.id() + ": bad " + THEN_READ + " entry");
                }
                sources.set(i, new RecordingHeader.SourceInfo(s.id(), c.thenReading(named), s.cost(), s.optional(),
                        s.budget()));
            }
        }
        return new RecordingHeader(version, writer, runId, created, host, interval, sources, rawLimit, rawEvery);
    }

    // ---- tick body

    /** A tick's whole record, its body deflated. */
    static byte[] tickFrame(TickRecord t) {
        byte[] body = tickBody(t);
        int level = body.length > BIG_BODY ? Deflater.BEST_SPEED : Deflater.DEFAULT_COMPRESSION;
        return RecordingFormat.frame(RecordingFormat.TYPE_TICK, RecordingFormat.FLAG_DEFLATED,
                RecordingFormat.tickPayload(t.at(), t.monoNanos(), body, true, level));
    }

    /** A note's whole record ({@link RecordingFormat#NOTE_INFO}, {@link RecordingFormat#NOTE_GAP}). */
    static byte[] noteFrame(Instant at, int kind, String text) {
        return RecordingFormat.frame(RecordingFormat.TYPE_NOTE, 0, RecordingFormat.notePayload(at, kind, text));
    }

    static byte[] tickBody(TickRecord t) {
        Wire.Out w = new Wire.Out(4096);
        w.var(t.sources().size());
        for (TickRecord.SourceEntry e : t.sources()) {
            w.str(e.id());
            if (e instanceof TickRecord.NotPolled np) {
                w.u8(0);
                ModelCodec.duration(w, np.every());
            } else if (e instanceof TickRecord.Raw r) {
                w.u8(1);
                ModelCodec.duration(w, r.every());
                RawOutput raw = r.raw();
                w.str(raw.outcome().name()).svar(raw.exitCode());
                ModelCodec.duration(w, raw.took());
                w.str(capStderr(raw.stderr())).str(raw.detail());
                w.var(raw.parts().size());
                for (RawPart p : raw.parts()) {
                    w.str(p.name()).bytes(p.data());
                }
            } else {
                TickRecord.ParsedOnly p = (TickRecord.ParsedOnly) e;
                w.u8(2);
                ModelCodec.duration(w, p.every());
                w.str(p.status().health().name()).str(p.status().detail());
                ModelCodec.duration(w, p.status().took());
                w.bool(p.status().optional());
                ModelCodec.reading(w, p.reading());
                w.var(p.rawBytes());
            }
        }
        ModelCodec.snapshot(w, t.snapshot());
        w.var(t.verdicts().size());
        for (TickRecord.VerdictMark v : t.verdicts()) {
            w.str(v.kind().name()).str(v.severity().name()).svar(v.port().isPresent() ? v.port().getAsInt() : -1);
        }
        return w.toByteArray();
    }

    static TickRecord tickBody(Wire.In in, Instant at, long mono, HostInfo host, int version) {
        int n = in.count();
        List<TickRecord.SourceEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = in.str();
            int kind = in.u8();
            Duration every = ModelCodec.duration(in);
            switch (kind) {
                case 0:
                    entries.add(new TickRecord.NotPolled(id, every));
                    break;
                case 1: {
                    RawOutput.Outcome outcome = ModelCodec.enumOf(RawOutput.Outcome.class, in.str(), "outcome");
                    int exit = in.svarInt();
                    Duration took = ModelCodec.duration(in);
                    String stderr = in.str();
                    String detail = in.str();
                    int parts = in.count();
                    List<RawPart> list = new ArrayList<>(parts);
                    for (int j = 0; j < parts; j++) {
                        list.add(new RawPart(in.str(), in.bytes()));
                    }
                    entries.add(new TickRecord.Raw(new RawOutput(id, outcome, list, stderr, exit, took, detail), every));
                    break;
                }
                case 2: {
                    SourceHealth health = ModelCodec.enumOf(SourceHealth.class, in.str(), "health");
                    String detail = in.str();
                    Duration took = ModelCodec.duration(in);
                    boolean optional = in.bool();
                    Reading reading = ModelCodec.reading(in, version);
                    long rawBytes = in.var();
                    entries.add(new TickRecord.ParsedOnly(new SourceStatus(id, health, detail, took, every, optional),
                            reading, rawBytes));
                    break;
                }
                default:
                    throw new RecordingFormatException("source " + id + ": unknown entry kind " + kind);
            }
        }
        Snapshot snap = ModelCodec.snapshot(in, at, mono, host, version);
        int v = in.count();
        List<TickRecord.VerdictMark> marks = new ArrayList<>(v);
        for (int i = 0; i < v; i++) {
            String kind = in.str();
            String severity = in.str();
            int port = in.svarInt();
            Verdict.Kind k = ModelCodec.lenientEnum(Verdict.Kind.class, kind);
            if (k != null) {
                marks.add(new TickRecord.VerdictMark(k, ModelCodec.enumOf(Verdict.Severity.class, severity, "severity"),
                        port < 0 ? OptionalInt.empty() : OptionalInt.of(port)));
            }
        }
        return new TickRecord(at, mono, entries, snap, marks);
    }

    static String capStderr(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (b.length <= RecordingFormat.STDERR_CAP) {
            return s;
        }
        // cut on a character boundary
        int end = RecordingFormat.STDERR_CAP;
        while (end > 0 && (b[end] & 0xc0) == 0x80) {
            end--;
        }
        return new String(b, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }
}

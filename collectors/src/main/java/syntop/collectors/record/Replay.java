package syntop.collectors.record;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

import syntop.collectors.detect.Thresholds;
import syntop.collectors.detect.Verdict;
import syntop.collectors.history.History;
import syntop.collectors.judge.Judge;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.os.Platforms;
import syntop.collectors.parse.Parsed;
import syntop.collectors.platform.Platform;
import syntop.collectors.platform.SourceEvaluation;
import syntop.collectors.platform.SourceResult;
import syntop.collectors.platform.StandIn;
import syntop.collectors.platform.LastReadings;
import syntop.collectors.source.RawOutput;
import syntop.collectors.source.Source;

/**
 * Plays recordings back: each tick's raw outputs are parsed again by the recorded OS's parsers
 * (whatever OS replays them), assembled by {@link LastReadings} and judged by a {@link Judge}, the
 * two halves of the live pipeline, so the verdicts are those of this syntop, not only of the recorder.
 * Moves forward cheaply and back through a cache of recent snapshots and periodic copies of the
 * assembler's state. Files of one recording run (rotated files) play as one; a file from another
 * run starts a fresh history.
 */
public final class Replay {
    private static final int CHECKPOINT_EVERY = 256;
    private static final int CACHE = History.DEFAULT_CAPACITY + 128;

    private record Segment(int start, int end, Recording file, Platform platform) {
    }

    private final List<Segment> segments = new ArrayList<>();
    private final List<Recording> files;
    private final Thresholds thresholds;
    private final int size;
    private final List<String> skipped = new ArrayList<>();

    private final TreeMap<Integer, LastReadings> checkpoints = new TreeMap<>();
    private final Map<Integer, Snapshot> cache = new LinkedHashMap<>(CACHE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Snapshot> e) {
            return size() > CACHE;
        }
    };
    private LastReadings assembler;
    private int assemblerNext = -1;
    private Judge judge;
    private JudgedTick judged;
    private int historyAt = -1;
    private JudgedTick current;
    private int currentIndex = -1;
    private OptionalInt firstVerdict;

    public Replay(List<Recording> recordings, Thresholds thresholds) {
        this.thresholds = thresholds;
        List<Recording> sorted = new ArrayList<>(recordings);
        sorted.removeIf(Recording::isEmpty);
        sorted.sort(Comparator.comparing((Recording r) -> r.at(0)));
        this.files = List.copyOf(recordings);
        int index = 0;
        Long run = null;
        for (Recording r : sorted) {
            boolean sameRun = run != null && run == r.header().runId();
            Platform p = sameRun ? segments.get(segments.size() - 1).platform() : platformOf(r.header());
            // rotated files of one run share one platform, assembler and history
            segments.add(new Segment(index, index + r.size(), r, p));
            if (!sameRun) {
                checkpoints.put(index, new LastReadings(p));
            }
            index += r.size();
            run = r.header().runId();
        }
        this.size = index;
    }

    public static Replay open(List<Path> files, Thresholds thresholds) throws IOException {
        List<Recording> rs = new ArrayList<>();
        for (Path f : files) {
            rs.add(Recording.open(f));
        }
        return new Replay(rs, thresholds);
    }

    /**
     * The recorded OS's platform for parsing, with the recorded sources in the recorded order; a
     * source this version does not know is left out (and named in {@link #notes()}).
     */
    private Platform platformOf(RecordingHeader h) {
        Platform offline = Platforms.offline(h.host().os(), h.host());
        List<Source> sources = new ArrayList<>();
        for (RecordingHeader.SourceInfo s : h.sources()) {
            Optional<Source> known = offline.source(s.id());
            if (known.isPresent()) {
                sources.add(known.get());
            } else {
                skipped.add("source " + s.id() + " (" + s.acquisition().describe() + ") is not known to this syntop;"
                        + " its outputs are not replayed");
            }
        }
        List<Source> list = List.copyOf(sources);
        return new Platform() {
            @Override
            public OsFamily os() {
                return h.host().os();
            }

            @Override
            public HostInfo host() {
                return h.host();
            }

            @Override
            public List<Source> sources() {
                return list;
            }

            @Override
            public List<Source> parseableSources() {
                List<Source> all = new ArrayList<>(list);
                offline.parseableSources().stream()
                        .filter(p -> list.stream().noneMatch(x -> x.id().equals(p.id()))).forEach(all::add);
                return all;
            }

            @Override
            public Optional<StandIn> standIn(Source polled) {
                return offline.standIn(polled);
            }

            @Override
            public Snapshot complete(Snapshot assembled) {
                return offline.complete(assembled);
            }
        };
    }

    /** Ticks in all files. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    private Segment segment(int i) {
        for (Segment s : segments) {
            if (i >= s.start() && i < s.end()) {
                return s;
            }
        }
        throw new IndexOutOfBoundsException("tick " + i + " of " + size);
    }

    /** The first tick of the run tick {@code i} belongs to (its history starts there). */
    private int runStart(int i) {
        int start = 0;
        Long run = null;
        for (Segment s : segments) {
            long id = s.file().header().runId();
            if (run == null || run != id) {
                start = s.start();
            }
            run = id;
            if (i < s.end()) {
                return start;
            }
        }
        return start;
    }

    public Instant at(int i) {
        Segment s = segment(i);
        return s.file().at(i - s.start());
    }

    public long mono(int i) {
        Segment s = segment(i);
        return s.file().mono(i - s.start());
    }

    /** The header of the file tick {@code i} comes from. */
    public RecordingHeader header(int i) {
        return segment(i).file().header();
    }

    /** The tick as stored, with the snapshot and verdicts of the recorder. */
    public synchronized TickRecord record(int i) {
        Segment s = segment(i);
        return s.file().tick(i - s.start());
    }

    /** What is missing: torn or damaged records and gaps in every file, and sources this version cannot replay. */
    public List<String> notes() {
        List<String> out = new ArrayList<>();
        for (Recording r : files) {
            for (Recording.Note n : r.notes()) {
                if (n.problem()) {
                    out.add(r.name() + ": " + n);
                }
            }
        }
        out.addAll(new java.util.LinkedHashSet<>(skipped));
        return out;
    }

    /** The last tick at or before {@code t}, or empty when {@code t} is before the first. */
    public OptionalInt indexAt(Instant t) {
        int found = -1;
        for (int i = 0; i < size; i++) {
            if (!at(i).isAfter(t)) {
                found = i;
            }
        }
        return found < 0 ? OptionalInt.empty() : OptionalInt.of(found);
    }

    public synchronized Optional<JudgedTick> current() {
        return Optional.ofNullable(current);
    }

    /**
     * Plays up to tick {@code i} (forward or back) and returns it judged; a tick whose record cannot
     * be read shows the last readable one before it.
     */
    public synchronized JudgedTick seek(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("tick " + i + " of " + size);
        }
        if (current != null && currentIndex == i) {
            return current;
        }
        int start = runStart(i);
        if (judge != null && historyAt >= start && historyAt < i && i - historyAt <= History.DEFAULT_CAPACITY) {
            for (int k = historyAt + 1; k <= i; k++) {
                add(k);
            }
        } else {
            judge = new Judge(thresholds);
            judged = null;
            historyAt = -1;
            for (int k = Math.max(start, i - History.DEFAULT_CAPACITY - 1); k <= i; k++) {
                add(k);
            }
        }
        if (judged == null) {
            throw new RecordingFormatException("no readable tick in " + segment(i).file().name() + " up to tick " + i);
        }
        current = judged;
        currentIndex = i;
        return current;
    }

    private void add(int k) {
        Snapshot s = snapshot(k);
        if (s != null) {
            judged = judge.add(s);
        }
        historyAt = k;
    }

    /** The snapshot derived for tick {@code k}, or null when its record cannot be read. */
    private Snapshot snapshot(int k) {
        if (cache.containsKey(k)) {
            return cache.get(k);
        }
        if (assembler == null || assemblerNext > k || assemblerNext < runStart(k)
                || (checkpoints.floorKey(k) != null && checkpoints.floorKey(k) > assemblerNext)) {
            Map.Entry<Integer, LastReadings> c = checkpoints.floorEntry(k);
            assembler = c.getValue().copy();
            assemblerNext = c.getKey();
        }
        Snapshot last = null;
        while (assemblerNext <= k) {
            int n = assemblerNext;
            if (n % CHECKPOINT_EVERY == 0) {
                checkpoints.putIfAbsent(n, assembler.copy());
            }
            last = derive(n);
            cache.put(n, last);
            assemblerNext = n + 1;
            if (assemblerNext < size && checkpoints.containsKey(assemblerNext)
                    && runStart(assemblerNext) == assemblerNext) {
                // the next tick starts another run: its checkpoint holds a fresh assembler
                assembler = checkpoints.get(assemblerNext).copy();
            }
        }
        return last;
    }

    private Snapshot derive(int k) {
        Segment seg = segment(k);
        TickRecord rec;
        try {
            rec = seg.file().tick(k - seg.start());
        } catch (RecordingFormatException e) {
            skipped.add(seg.file().name() + ": tick " + (k - seg.start()) + " at " + seg.file().at(k - seg.start())
                    + " cannot be read (" + e.getMessage() + "); skipped");
            return null;
        }
        return derive(assembler, seg.platform(), rec);
    }

    /** Parses one recorded tick again and assembles its snapshot, as the sampler did live. */
    static Snapshot derive(LastReadings assembler, Platform platform, TickRecord rec) {
        List<SourceResult> results = new ArrayList<>();
        Map<String, java.time.Duration> every = new java.util.HashMap<>();
        for (TickRecord.SourceEntry e : rec.sources()) {
            Optional<Source> source = platform.source(e.id());
            if (source.isEmpty()) {
                continue;
            }
            every.put(source.get().id(), e.every());
            if (e instanceof TickRecord.Raw r) {
                results.add(SourceEvaluation.evaluate(source.get(), r.raw(), r.every()));
            } else if (e instanceof TickRecord.ParsedOnly p) {
                RawOutput placeholder = new RawOutput(source.get().id(), RawOutput.Outcome.COMPLETED, List.of(), "", 0,
                        p.status().took(), "kept parsed only");
                results.add(new SourceResult(placeholder,
                        new Parsed<>(p.reading(), 1, 0, List.of(), List.of(), Optional.empty()), p.status()));
            }
        }
        return assembler.assemble(rec.at(), rec.monoNanos(), results, every);
    }

    /** The first tick with a verdict, if any (found once, then remembered). */
    public synchronized OptionalInt firstVerdict() {
        if (firstVerdict == null) {
            firstVerdict = OptionalInt.empty();
            for (int i = 0; i < size; i++) {
                if (!seek(i).verdicts().isEmpty()) {
                    firstVerdict = OptionalInt.of(i);
                    break;
                }
            }
        }
        return firstVerdict;
    }

    /** The next tick after {@code from} where a verdict (kind and port) starts that was not there the tick before. */
    public synchronized OptionalInt nextVerdictStart(int from) {
        Set<String> before = from >= 0 && from < size ? keys(seek(from).verdicts()) : Set.of();
        for (int i = from + 1; i < size; i++) {
            Set<String> now = keys(seek(i).verdicts());
            for (String k : now) {
                if (!before.contains(k)) {
                    return OptionalInt.of(i);
                }
            }
            before = now;
        }
        return OptionalInt.empty();
    }

    private static Set<String> keys(List<Verdict> verdicts) {
        Set<String> out = new HashSet<>();
        for (Verdict v : verdicts) {
            out.add(v.kind() + ":" + v.port());
        }
        return out;
    }
}

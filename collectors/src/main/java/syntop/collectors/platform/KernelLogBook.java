package syntop.collectors.platform;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import syntop.collectors.model.KernelEvent;
import syntop.collectors.model.Reading;
import syntop.collectors.source.Acquisition;
import syntop.collectors.source.Source;

/**
 * The kernel's events seen since syntop started, at most {@link #KEEP} (the newest). Events of a
 * source's first poll were logged before syntop started watching and are marked so: history, not a
 * live fact; so is an event the kernel dated before the first poll.
 *
 * <p>Two kinds of kernel log source feed it. One read record by record ({@link Acquisition.LogDevice},
 * Linux) brings only new records at each poll, each with its sequence number: an event is new when its
 * number is above the last one kept (a reader that starts over after an error brings nothing twice).
 * One that prints the whole buffer each time ({@code dmesg} on the BSDs) brings everything again: the
 * events new since the last poll are those after the longest run of the last poll's events that the new
 * poll starts with (the buffer only grows at its end and loses lines at its start). Its lines have no
 * time, so a new one is dated when it was first seen.
 */
public final class KernelLogBook {
    /** Events kept; a flood that makes the kernel talk more is rate-limited by the kernel itself. */
    public static final int KEEP = 100;
    /**
     * A record dated this long before syntop's first poll was logged before it started, even if a slow
     * first read left it to the second poll: the boot time that dates records is whole seconds.
     */
    static final java.time.Duration CLOCK_SLACK = java.time.Duration.ofSeconds(2);

    private final ArrayDeque<KernelEvent> kept = new ArrayDeque<>();
    private final Set<String> polled = new HashSet<>();
    private final Map<String, Long> lastOrder = new HashMap<>();
    private final Map<String, List<String>> lastTexts = new HashMap<>();
    private Instant watchingSince;

    public KernelLogBook() {
    }

    private KernelLogBook(KernelLogBook other) {
        kept.addAll(other.kept);
        polled.addAll(other.polled);
        lastOrder.putAll(other.lastOrder);
        other.lastTexts.forEach((k, v) -> lastTexts.put(k, List.copyOf(v)));
        watchingSince = other.watchingSince;
    }

    /** An independent copy (replay steps back through copies). */
    public KernelLogBook copy() {
        return new KernelLogBook(this);
    }

    /** Adds what one poll of {@code source} read, at the tick of {@code at}. */
    public void add(Source source, Reading reading, Instant at) {
        boolean first = polled.add(source.id());
        if (watchingSince == null) {
            watchingSince = at;
        }
        List<KernelEvent> events = reading.kernelEvents();
        List<KernelEvent> fresh = new ArrayList<>();
        if (source.acquisition() instanceof Acquisition.LogDevice) {
            long last = lastOrder.getOrDefault(source.id(), -1L);
            for (KernelEvent e : events) {
                if (e.order() > last) {
                    fresh.add(e);
                    last = e.order();
                }
            }
            lastOrder.put(source.id(), last);
        } else {
            List<String> before = lastTexts.getOrDefault(source.id(), List.of());
            List<String> now = events.stream().map(KernelEvent::text).toList();
            for (KernelEvent e : events.subList(overlap(before, now), events.size())) {
                fresh.add(e.at().isPresent() ? e : e.seenAt(at));
            }
            lastTexts.put(source.id(), now);
        }
        for (KernelEvent e : fresh) {
            kept.addLast(first || dated(e, watchingSince.minus(CLOCK_SLACK)) ? e.beforeWatching() : e);
            if (kept.size() > KEEP) {
                kept.removeFirst();
            }
        }
    }

    /** Dated by the kernel before {@code t}. */
    private static boolean dated(KernelEvent e, Instant t) {
        return e.timing() == KernelEvent.Timing.KERNEL && e.at().isPresent() && e.at().get().isBefore(t);
    }

    /** The longest run at the end of {@code before} that {@code now} starts with. */
    static int overlap(List<String> before, List<String> now) {
        for (int m = Math.min(before.size(), now.size()); m > 0; m--) {
            if (before.subList(before.size() - m, before.size()).equals(now.subList(0, m))) {
                return m;
            }
        }
        return 0;
    }

    /** The events kept, newest first. */
    public List<KernelEvent> newestFirst() {
        List<KernelEvent> out = new ArrayList<>(kept.size());
        Iterator<KernelEvent> it = kept.descendingIterator();
        while (it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }
}

package syntop.collectors.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/** How many connections in one state one remote address holds. */
public record AddressCount(String address, long count) {
    /** How many remote addresses a snapshot keeps per state: a flood from spoofed sources has countless. */
    public static final int KEPT_PER_STATE = 50;

    public AddressCount {
        Objects.requireNonNull(address);
    }

    /**
     * The addresses holding the most connections, most first (ties by address, so the order is
     * stable), at most {@link #KEPT_PER_STATE}. {@code counts} maps an address to a one-element
     * counter, as parsers tally them.
     */
    public static List<AddressCount> top(Map<String, long[]> counts) {
        // the best ones so far in a heap with the weakest on top: a spoofed flood has hundreds of
        // thousands of addresses, and sorting them all (as this did) took most of a 500k-row parse
        PriorityQueue<Map.Entry<String, long[]>> best = new PriorityQueue<>(KEPT_PER_STATE + 1, MOST_FIRST.reversed());
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            if (best.size() < KEPT_PER_STATE) {
                best.add(e);
            } else if (MOST_FIRST.compare(e, best.peek()) < 0) {
                best.poll();
                best.add(e);
            }
        }
        List<Map.Entry<String, long[]>> kept = new ArrayList<>(best);
        kept.sort(MOST_FIRST);
        List<AddressCount> out = new ArrayList<>(kept.size());
        for (Map.Entry<String, long[]> e : kept) {
            out.add(new AddressCount(e.getKey(), e.getValue()[0]));
        }
        return List.copyOf(out);
    }

    private static final Comparator<Map.Entry<String, long[]>> MOST_FIRST = (x, y) -> x.getValue()[0] != y.getValue()[0]
            ? Long.compare(y.getValue()[0], x.getValue()[0]) : x.getKey().compareTo(y.getKey());
}

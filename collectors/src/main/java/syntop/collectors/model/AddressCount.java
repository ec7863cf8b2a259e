package syntop.collectors.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
        List<AddressCount> all = new ArrayList<>(counts.size());
        counts.forEach((a, n) -> all.add(new AddressCount(a, n[0])));
        all.sort((x, y) -> x.count() != y.count() ? Long.compare(y.count(), x.count()) : x.address().compareTo(y.address()));
        return List.copyOf(all.subList(0, Math.min(KEPT_PER_STATE, all.size())));
    }
}

package syntop.collectors.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class AddressCountTest {
    @Test
    void keepsTheMostConnectedAddressesMostFirstTiesByAddress() {
        Map<String, long[]> counts = new HashMap<>();
        counts.put("10.0.0.2", new long[] {5});
        counts.put("10.0.0.1", new long[] {5});
        counts.put("10.0.0.3", new long[] {9});
        counts.put("10.0.0.4", new long[] {1});
        assertEquals(List.of(new AddressCount("10.0.0.3", 9), new AddressCount("10.0.0.1", 5),
                new AddressCount("10.0.0.2", 5), new AddressCount("10.0.0.4", 1)), AddressCount.top(counts));
        assertEquals(List.of(), AddressCount.top(Map.of()));
    }

    /** Against sorting every address, on a spread like a flood's: many addresses, few counts, many ties. */
    @Test
    void agreesWithSortingEveryAddress() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            Map<String, long[]> counts = new HashMap<>();
            int n = 1 + random.nextInt(5_000);
            for (int i = 0; i < n; i++) {
                counts.put("10.0." + random.nextInt(256) + "." + random.nextInt(256), new long[] {1 + random.nextInt(4)});
            }
            List<AddressCount> all = new ArrayList<>();
            counts.forEach((a, c) -> all.add(new AddressCount(a, c[0])));
            all.sort(Comparator.comparingLong(AddressCount::count).reversed().thenComparing(AddressCount::address));
            assertEquals(all.subList(0, Math.min(AddressCount.KEPT_PER_STATE, all.size())), AddressCount.top(counts));
        }
    }
}

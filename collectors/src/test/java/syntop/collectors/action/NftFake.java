package syntop.collectors.action;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import syntop.collectors.Fixtures;

/**
 * nftables for the recording runner: tables by name, listed as nft 1.0.6 lists them (captured
 * fixtures), so the ownership check sees what a real kernel would show. {@code nft create table}
 * makes syntop's table as captured; any other nft command succeeds without changing the listing.
 */
final class NftFake {
    static final String CAPTURES = "linux/debian12-nft1.0.6/cmd/";
    final Map<String, String> tables = new LinkedHashMap<>();

    NftFake(RecordingRunner runner) {
        runner.answer(argv -> {
            if (argv.size() == 6 && argv.subList(0, 4).equals(List.of("nft", "-t", "list", "table"))) {
                String t = tables.get(argv.get(5));
                return t == null
                        ? RecordingRunner.result(argv, 1, "", Fixtures.read(CAPTURES + "nft-t-list-table-inet-nosuch.stderr.txt"))
                        : RecordingRunner.result(argv, 0, t, "");
            }
            if (argv.size() > 4 && argv.subList(0, 3).equals(List.of("nft", "create", "table"))) {
                String name = argv.get(4);
                if (tables.containsKey(name)) {
                    return RecordingRunner.result(argv, 1, "", "Error: Could not process rule: File exists\n");
                }
                tables.put(name, Fixtures.read(CAPTURES + "nft-t-list-table-inet-syntop.txt").replace("inet syntop", "inet " + name));
            }
            return null;
        });
    }

    /** A table as one of the captures lists it. */
    NftFake with(String name, String capture) {
        tables.put(name, Fixtures.read(CAPTURES + capture));
        return this;
    }
}

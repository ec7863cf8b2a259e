package syntop.collectors.os.linux;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code nft -t list table FAMILY NAME} shows of one table: its comment, its sets and each
 * chain's lines (the chain's type line and its rules), as nft prints them: one tab per level,
 * {@code comment "..."} right under the table line, {@code set NAME {} and {@code chain NAME {}
 * one level in. Only what syntop checks is kept.
 *
 * @param table   the table's name, from its first line
 * @param comment the table's comment, if it has one
 * @param sets    the names of its sets
 * @param chains  each chain's lines, stripped, in order
 */
record NftTableListing(String table, Optional<String> comment, List<String> sets, Map<String, List<String>> chains) {
    /** Empty when the text is not one table's listing. */
    static Optional<NftTableListing> parse(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String[] head = lines.get(0).strip().split(" ");
        if (head.length != 4 || !head[0].equals("table") || !head[3].equals("{")) {
            return Optional.empty();
        }
        Optional<String> comment = Optional.empty();
        List<String> sets = new ArrayList<>();
        Map<String, List<String>> chains = new LinkedHashMap<>();
        List<String> inChain = null;
        for (String line : lines.subList(1, lines.size())) {
            int depth = 0;
            while (depth < line.length() && line.charAt(depth) == '\t') {
                depth++;
            }
            String l = line.strip();
            if (depth == 1) {
                inChain = null;
                if (l.startsWith("comment \"") && l.endsWith("\"") && l.length() >= 10) {
                    comment = Optional.of(l.substring(9, l.length() - 1));
                } else if (l.startsWith("set ") && l.endsWith(" {")) {
                    sets.add(l.substring(4, l.length() - 2));
                } else if (l.startsWith("chain ") && l.endsWith(" {")) {
                    inChain = new ArrayList<>();
                    chains.put(l.substring(6, l.length() - 2), inChain);
                }
            } else if (depth == 2 && inChain != null) {
                inChain.add(l);
            }
        }
        return Optional.of(new NftTableListing(head[2], comment, List.copyOf(sets), chains));
    }
}

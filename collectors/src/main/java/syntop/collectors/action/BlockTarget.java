package syntop.collectors.action;

/**
 * Where blocked addresses go: on Linux the nftables table {@code inet TABLE} with the sets
 * {@code SET} (IPv4) and {@code SET6} (IPv6); on the BSDs the pf table {@code TABLE}.
 */
public record BlockTarget(String table, String set) {
    public static final BlockTarget DEFAULT = new BlockTarget("syntop", "blocked");

    public BlockTarget {
        table = Inputs.tableName(table);
        set = Inputs.tableName(set);
        if (set.length() >= Inputs.MAX_TABLE) {
            throw ActionRefused.invalid("set name " + set + " is too long (syntop adds '6' for the IPv6 set)");
        }
    }

    /** The text stored in the blocked list: {@code TABLE/SET}. */
    public String token() {
        return table + "/" + set;
    }

    public static BlockTarget fromToken(String token) {
        int slash = token.indexOf('/');
        if (slash < 0) {
            return new BlockTarget(token, DEFAULT.set());
        }
        return new BlockTarget(token.substring(0, slash), token.substring(slash + 1));
    }
}

package syntop.collectors.os.linux;

import java.util.List;
import java.util.Optional;

import syntop.collectors.action.Ownership;
import syntop.collectors.action.OwnershipCheck;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.RawOutput;

/**
 * How syntop tells its own nftables tables from the operator's: it makes each with the comment
 * {@value #OWNER_MARK}, and a table of that name without it is not syntop's to change.
 */
public final class NftOwnership {
    /** The comment syntop puts on the nftables tables it makes: only a table carrying it is syntop's. */
    public static final String OWNER_MARK = "owned by syntop";

    private NftOwnership() {
    }

    /** The check that table {@code inet T} is absent or syntop's: a terse listing (set elements left out). */
    public static OwnershipCheck tableOwnership(String table) {
        String object = "nftables table inet " + table;
        return new OwnershipCheck(object, List.of("nft", "-t", "list", "table", "inet", table), r -> judgeTable(object, r));
    }

    static Ownership judgeTable(String object, CommandResult r) {
        if (r.succeeded()) {
            Optional<NftTableListing> t = NftTableListing.parse(r.stdoutText());
            if (t.isEmpty()) {
                return Ownership.unknown(object, "nft listed something that is not a table");
            }
            Optional<String> mark = t.get().comment();
            if (mark.isPresent() && mark.get().equals(OWNER_MARK)) {
                return Ownership.ours(object, r.stdoutText());
            }
            return Ownership.foreign(object, mark.map(c -> "its comment is \"" + c + "\", not \"" + OWNER_MARK + "\"")
                    .orElse("it has no comment \"" + OWNER_MARK + "\""));
        }
        if (r.outcome() == RawOutput.Outcome.COMPLETED && r.stderr().contains("No such file or directory")) {
            return Ownership.absent(object);
        }
        return Ownership.unknown(object, "nft list table failed: "
                + LinuxInterventions.firstLine(r.stderr().isBlank() ? r.detail() : r.stderr()));
    }
}

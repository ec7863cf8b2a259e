package syntop.tui.action;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import syntop.collectors.action.ActionRefused;
import syntop.collectors.action.BlockTarget;
import syntop.collectors.action.FileTrust;
import syntop.collectors.action.Identity;
import syntop.collectors.action.Inputs;
import syntop.tui.config.ConfText;
import syntop.tui.config.Preferences;

/**
 * {@code syntop.conf}, in the same {@code key = value} syntax as profiles, read from
 * {@code /etc/syntop/} and then the user's config directory (a later file wins a key):
 * <pre>
 * block_table = syntop     # pf table, or nftables table (inet family)
 * block_set = blocked      # nftables set for IPv4; SET6 holds IPv6
 * audit_log = /var/log/syntop/audit.log
 * state_dir = /var/lib/syntop
 * </pre>
 * The console's preferences ({@link Preferences}) share the file. Other unknown keys are refused (a typo must not silently keep a default); as root each file passes
 * the StrictModes check first.
 */
public record ActionConfig(Optional<String> blockTable, Optional<String> blockSet, Optional<Path> auditLog,
                           Optional<Path> stateDir) {
    private static final List<String> KEYS = List.of("block_table", "block_set", "audit_log", "state_dir");

    public static ActionConfig empty() {
        return new ActionConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Reads the files that exist, in order; refuses a bad line or an unsafe file. */
    public static ActionConfig read(List<Path> files, Identity identity) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                continue;
            }
            ConfText text;
            try {
                Path real = f.toRealPath();
                FileTrust.check(real, identity);
                text = ConfText.read(real);
            } catch (IOException e) {
                throw new ActionRefused(ActionRefused.Reason.NOTHING_TO_DO, "cannot read " + f + ": " + e.getMessage());
            }
            List<String> errors = new ArrayList<>();
            text.malformed().forEach(n -> errors.add("line " + n + ": not 'key = value'"));
            for (ConfText.Entry e : text.entries()) {
                if (KEYS.contains(e.key())) {
                    values.put(e.key(), e.value());
                } else if (!Preferences.KEYS.contains(e.key())) {
                    List<String> known = new ArrayList<>(KEYS);
                    known.addAll(Preferences.KEYS);
                    errors.add("line " + e.line() + ": unknown key " + Inputs.quote(e.key())
                            + " (known: " + String.join(", ", known) + ")");
                }
            }
            if (!errors.isEmpty()) {
                throw new ActionRefused(ActionRefused.Reason.INVALID, f + ": " + String.join("; ", errors));
            }
        }
        ActionConfig c = new ActionConfig(Optional.ofNullable(values.get("block_table")), Optional.ofNullable(values.get("block_set")),
                path(values.get("audit_log"), "audit_log"), path(values.get("state_dir"), "state_dir"));
        c.blockTarget(); // validates the names
        return c;
    }

    private static Optional<Path> path(String v, String key) {
        if (v == null) {
            return Optional.empty();
        }
        if (!v.startsWith("/") || v.contains("\u0000") || v.contains("\n")) {
            throw new ActionRefused(ActionRefused.Reason.INVALID, key + " must be an absolute path: " + Inputs.quote(v));
        }
        return Optional.of(Path.of(v));
    }

    public BlockTarget blockTarget() {
        return new BlockTarget(blockTable.orElse(BlockTarget.DEFAULT.table()), blockSet.orElse(BlockTarget.DEFAULT.set()));
    }
}

package syntop.collectors.action;

import java.util.ArrayList;
import java.util.List;

/**
 * What a drop may select, checked before it is planned: no remote prefix wider than syntop
 * blocks, and never the operator's own session. A filter that would also select connections
 * from the session's peer to its SSH port goes on, sparing them (every OS plan honours
 * {@link ConnectionFilter#except()}); a filter that selects nothing but them is refused.
 */
final class DropGuard {
    private DropGuard() {
    }

    /** The filter to plan with: {@code asked}, sparing each of {@code own} it could reach. */
    static ConnectionFilter check(ConnectionFilter asked, List<OwnSession> own) {
        asked.remote().ifPresent(r -> BlockActions.checkWidth(r, "syntop does not drop connections from " + r));
        List<ConnectionFilter.Except> spare = new ArrayList<>();
        for (OwnSession s : own) {
            ConnectionFilter.Except e = s.spared();
            if (onlyThese(asked, e)) {
                throw ActionRefused.invalid("syntop does not drop " + asked.describe() + ": that is your own session, "
                        + s.describe());
            }
            if (mayReach(asked, e)) {
                spare.add(e);
            }
        }
        return spare.isEmpty() ? asked : asked.sparing(spare);
    }

    /** Every connection the filter selects is one {@code e} spares. */
    private static boolean onlyThese(ConnectionFilter f, ConnectionFilter.Except e) {
        boolean remoteInside = f.remote().isPresent() && e.remote().contains(f.remote().get());
        boolean portInside = e.localPort().isEmpty() || f.localPort().equals(e.localPort());
        return remoteInside && portInside;
    }

    /**
     * Some connection the filter selects may come from the peer {@code e} spares. The port is not
     * compared: macOS kills pf states by address alone, whatever port the filter names.
     */
    private static boolean mayReach(ConnectionFilter f, ConnectionFilter.Except e) {
        return f.remote().isEmpty() || f.remote().get().contains(e.remote()) || e.remote().contains(f.remote().get());
    }
}

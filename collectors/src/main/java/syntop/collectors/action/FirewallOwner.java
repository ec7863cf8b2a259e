package syntop.collectors.action;

import java.time.Duration;

import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;

/**
 * The one place that decides whether syntop may change a firewall object: it runs the object's
 * {@link OwnershipCheck} and refuses, before any change, an object that exists without syntop's
 * mark or whose owner cannot be read. Every feature that writes to a firewall (blocking,
 * unblocking, a SYN proxy) asks here first.
 */
public final class FirewallOwner {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final long MAX_OUTPUT = 4L * 1024 * 1024;

    private FirewallOwner() {
    }

    /** What the check finds now (read-only). */
    public static Ownership find(OwnershipCheck check, CommandRunner runner) {
        CommandResult r = runner.run(check.probe(), TIMEOUT, MAX_OUTPUT);
        if (r.truncated()) {
            return Ownership.unknown(check.object(), "the listing of it is larger than " + MAX_OUTPUT + " bytes");
        }
        return check.judge().apply(r);
    }

    /** What the check finds, when syntop may change the object; else {@link Ownership#refusal()}. */
    public static Ownership require(OwnershipCheck check, CommandRunner runner) {
        Ownership o = find(check, runner);
        if (!o.mayChange()) {
            throw o.refusal();
        }
        return o;
    }
}

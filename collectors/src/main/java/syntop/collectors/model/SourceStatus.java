package syntop.collectors.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How one source fared at one tick.
 *
 * @param id     the source id (the command slug, e.g. {@code netstat-s-p-tcp}, or {@code proc-net-netstat})
 * @param health ok, stale, needs root, …
 * @param detail the reason in words, empty when ok
 * @param took   how long the poll took (zero when it was not polled this tick)
 * @param every  how often this source is polled now (longer than the interval when it backed off)
 * @param optional the source reads a feature many machines lack or restrict, so being unavailable (or
 *                 needing root) is not a failure
 */
public record SourceStatus(String id, SourceHealth health, String detail, Duration took, Duration every,
                           boolean optional) {
    public SourceStatus {
        Objects.requireNonNull(id);
        Objects.requireNonNull(health);
        Objects.requireNonNull(detail);
        Objects.requireNonNull(took);
        Objects.requireNonNull(every);
    }

    public boolean isOk() {
        return health == SourceHealth.OK;
    }

    /**
     * Failed in a way worth an exit status of 1: anything but ok, stale, or an optional feature that is
     * absent or kept from non-root users (the kernel log under kernel.dmesg_restrict, many distributions'
     * default: a script run without root would otherwise always fail).
     */
    public boolean isFailure() {
        switch (health) {
            case OK:
            case STALE:
                return false;
            case UNAVAILABLE:
            case NEEDS_ROOT:
                return !optional;
            default:
                return true;
        }
    }
}

package syntop.collectors.history;

/** Why a rate has the value it has. */
public enum RateStatus {
    /** Fewer than two samples: no rate yet. */
    INIT,
    /** A rate over the last interval. */
    OK,
    /** The counter went backwards (reboot, module reload, counter reset): no rate for this interval. */
    RESET,
    /** The counter was not read this tick (its source failed or backed off). */
    STALE,
    /** This OS or this machine has no such counter. */
    ABSENT
}

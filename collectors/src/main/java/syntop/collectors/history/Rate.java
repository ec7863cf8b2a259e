package syntop.collectors.history;

/** A per-second rate with the reason it is (or is not) known. {@code perSecond} is NaN unless OK. */
public record Rate(RateStatus status, double perSecond) {
    public static final Rate INIT = new Rate(RateStatus.INIT, Double.NaN);
    public static final Rate RESET = new Rate(RateStatus.RESET, Double.NaN);
    public static final Rate STALE = new Rate(RateStatus.STALE, Double.NaN);
    public static final Rate ABSENT = new Rate(RateStatus.ABSENT, Double.NaN);

    public static Rate of(double perSecond) {
        return new Rate(RateStatus.OK, perSecond);
    }

    public boolean known() {
        return status == RateStatus.OK;
    }

    /**
     * The increase of a counter from {@code previous} to {@code current}. A 32-bit counter that wrapped
     * (previous near 2^32, current small) counts across the wrap; any other decrease is a reset.
     *
     * @return the increase, or -1 for a reset
     */
    public static long increase(long previous, long current) {
        if (current >= previous) {
            return current - previous;
        }
        long wrap32 = 1L << 32;
        if (previous < wrap32 && previous - current > wrap32 / 2) {
            return current + wrap32 - previous;
        }
        return -1;
    }
}

package syntop.collectors.action;

import java.util.Objects;

/**
 * What syntop found about a firewall object before changing it. syntop changes only what it made:
 * an object that is {@link Status#ABSENT} (syntop creates it, carrying its mark) or
 * {@link Status#OURS} (it carries the mark). One that exists without the mark is someone else's,
 * and one whose owner cannot be read is treated the same way.
 *
 * @param status  what the check found
 * @param object  the object in words ("nftables table inet syntop")
 * @param detail  why, in words (the mark it carries instead, the error of the check)
 * @param listing the check's output when the object is syntop's (what it holds now), else empty
 */
public record Ownership(Status status, String object, String detail, String listing) {
    public enum Status { ABSENT, OURS, FOREIGN, UNKNOWN }

    public Ownership {
        Objects.requireNonNull(status);
        Objects.requireNonNull(object);
        Objects.requireNonNull(detail);
        Objects.requireNonNull(listing);
    }

    public static Ownership absent(String object) {
        return new Ownership(Status.ABSENT, object, "", "");
    }

    public static Ownership ours(String object, String listing) {
        return new Ownership(Status.OURS, object, "", listing);
    }

    public static Ownership foreign(String object, String why) {
        return new Ownership(Status.FOREIGN, object, why, "");
    }

    public static Ownership unknown(String object, String why) {
        return new Ownership(Status.UNKNOWN, object, why, "");
    }

    /** True when syntop may create or change the object. */
    public boolean mayChange() {
        return status == Status.ABSENT || status == Status.OURS;
    }

    /** The refusal for an object syntop may not change. */
    public ActionRefused refusal() {
        if (mayChange()) {
            throw new IllegalStateException(object + " may be changed");
        }
        String why = status == Status.FOREIGN
                ? "it exists and is not syntop's (" + detail + "); syntop changes only firewall objects it made"
                : "syntop cannot tell whether it is its own (" + detail + "), so it leaves it alone";
        return new ActionRefused(ActionRefused.Reason.NOT_OURS, "syntop does not touch the " + object + ": " + why
                + "; nothing was changed");
    }
}

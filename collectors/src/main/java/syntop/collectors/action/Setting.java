package syntop.collectors.action;

import java.util.Objects;
import java.util.Optional;

/**
 * The current value of one sysctl key as the OS reports it, or why there is none.
 *
 * @param key    the key
 * @param value  the value, whitespace runs made one space; empty unless {@link Status#PRESENT}
 * @param status present, not on this OS, or unreadable
 * @param detail why it is unreadable, empty otherwise
 */
public record Setting(String key, Optional<String> value, Status status, String detail) {
    public enum Status { PRESENT, NOT_ON_OS, UNREADABLE }

    public Setting {
        Objects.requireNonNull(key);
        Objects.requireNonNull(value);
        Objects.requireNonNull(status);
        Objects.requireNonNull(detail);
    }

    public static Setting present(String key, String value) {
        return new Setting(key, Optional.of(normalise(value)), Status.PRESENT, "");
    }

    public static Setting missing(String key) {
        return new Setting(key, Optional.empty(), Status.NOT_ON_OS, "");
    }

    public static Setting unreadable(String key, String detail) {
        return new Setting(key, Optional.empty(), Status.UNREADABLE, detail);
    }

    /** Whitespace runs (Linux prints tabs between the two ports of a range) become one space. */
    public static String normalise(String value) {
        return String.join(" ", value.strip().split("\\s+"));
    }

    /** The value, or "not on this OS", or "unreadable: ...", for a diff column. */
    public String shown() {
        switch (status) {
            case PRESENT: return value.orElse("");
            case NOT_ON_OS: return "not on this OS";
            default: return detail.isEmpty() ? "unreadable" : "unreadable: " + detail;
        }
    }
}

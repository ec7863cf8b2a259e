package syntop.themes;

import java.util.Locale;
import java.util.Optional;

/**
 * Semantic colour roles. Code asks for a role, never for a colour; a {@link Theme} maps each role
 * to a {@link Style}. Theme files name roles by {@link #key()}, the lower-case snake-case form of
 * the constant ({@code bar_ok}).
 */
public enum Role {
    /** Plain text and the background of the whole screen. */
    DEFAULT,
    /** The top status line of the console. */
    HEADER,
    /** Panel titles. */
    TITLE,
    /** Panel borders. */
    BORDER,
    /** The border of the panel that has the keyboard focus. */
    FOCUS_BORDER,
    /** Secondary text: units, hints, absent values. */
    DIM,
    /** Names in front of values. */
    LABEL,
    /** Plain numbers and values. */
    VALUE,
    /** Text that says all is well. */
    OK,
    /** Text that asks for attention. */
    WARN,
    /** Text that says something is wrong now. */
    CRITICAL,
    /** Neutral notices. */
    INFO,
    /** The selected row of a list or table. */
    SELECTED,
    /** The header line of a table. */
    COLUMN_HEADER,
    /** The header of the column a table is sorted by. */
    SORTED_COLUMN,
    /** Bar fill below the warning threshold. */
    BAR_OK,
    /** Bar fill at or above the warning threshold. */
    BAR_WARN,
    /** Bar fill at or above the critical threshold. */
    BAR_CRITICAL,
    /** The inner (second) value of a bar. */
    BAR_INNER,
    /** The unfilled part of a bar. */
    BAR_EMPTY,
    /** Sparkline glyphs. */
    SPARKLINE,
    /** A status badge for a healthy source. */
    CHIP_OK,
    /** A status badge for a source whose data is old. */
    CHIP_STALE,
    /** A status badge for a failing source. */
    CHIP_ERROR,
    /** A status badge with no judgement (off, unsupported). */
    CHIP_NEUTRAL,
    /** A verdict that nothing unusual is happening. */
    VERDICT_QUIET,
    /** A verdict that something unusual may be happening. */
    VERDICT_WARN,
    /** A verdict that something harmful is happening. */
    VERDICT_CRITICAL,
    /** Key names in the footer line. */
    FOOTER_KEY,
    /** Descriptions in the footer line. */
    FOOTER_TEXT,
    /** Body text and background of dialogs and overlays. */
    DIALOG,
    /** Border of dialogs and overlays. */
    DIALOG_BORDER,
    /** Title of dialogs and overlays. */
    DIALOG_TITLE,
    /** Key names inside dialogs and overlays. */
    DIALOG_KEY;

    private final String key = name().toLowerCase(Locale.ROOT);

    /** The name used in theme files, for example {@code bar_ok}. */
    public String key() {
        return key;
    }

    /** The role named {@code key} in a theme file; case-insensitive, surrounding blanks ignored. */
    public static Optional<Role> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String wanted = key.strip().toLowerCase(Locale.ROOT);
        for (Role role : values()) {
            if (role.key.equals(wanted)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}

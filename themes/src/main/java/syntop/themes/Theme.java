package syntop.themes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named mapping from {@link Role} to {@link Style}. A role the theme does not set is looked up in
 * its fallback theme, and, when there is none, is {@link Style#DEFAULT}; so {@link #style(Role)}
 * always answers. Immutable.
 */
public final class Theme {

    private final String name;
    private final String origin;
    private final Map<Role, Style> own;
    private final Theme fallback;
    private final List<ThemeWarning> warnings;

    private Theme(String name, String origin, Map<Role, Style> own, Theme fallback, List<ThemeWarning> warnings) {
        this.name = Objects.requireNonNull(name, "name");
        this.origin = Objects.requireNonNull(origin, "origin");
        EnumMap<Role, Style> copy = new EnumMap<>(Role.class);
        copy.putAll(own);
        this.own = Collections.unmodifiableMap(copy);
        this.fallback = fallback;
        this.warnings = List.copyOf(warnings);
    }

    /** A theme of exactly these styles; roles it does not set are {@link Style#DEFAULT}. */
    public static Theme of(String name, Map<Role, Style> styles) {
        return new Theme(name, "code", styles, null, List.of());
    }

    /**
     * A theme whose unset roles come from {@code fallback} (may be null).
     *
     * @param origin where it came from, shown to users: {@code bundled} or a file path
     */
    public static Theme of(String name, String origin, Map<Role, Style> styles, Theme fallback,
                           List<ThemeWarning> warnings) {
        return new Theme(name, origin, styles, fallback, warnings);
    }

    public String name() {
        return name;
    }

    /** {@code bundled}, a file path, or {@code code} for themes built in code. */
    public String origin() {
        return origin;
    }

    /** The style of {@code role}: this theme's own, else its fallback's, else {@link Style#DEFAULT}. */
    public Style style(Role role) {
        Style s = own.get(role);
        if (s != null) {
            return s;
        }
        return fallback != null ? fallback.style(role) : Style.DEFAULT;
    }

    /** True when this theme itself sets {@code role} (not through its fallback). */
    public boolean defines(Role role) {
        return own.containsKey(role);
    }

    /** The styles this theme sets itself. */
    public Map<Role, Style> ownStyles() {
        return own;
    }

    /** The theme unset roles come from, or null. */
    public Theme fallback() {
        return fallback;
    }

    /** What was ignored while loading this theme. */
    public List<ThemeWarning> warnings() {
        return warnings;
    }

    /** This theme with more warnings appended. */
    public Theme withWarnings(List<ThemeWarning> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<ThemeWarning> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new Theme(name, origin, own, fallback, all);
    }

    @Override
    public String toString() {
        return "Theme[" + name + " from " + origin + ", " + own.size() + " roles]";
    }
}

package syntop.themes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds and loads themes: the bundled ones (resources {@code syntop/themes/<name>.theme}) and the
 * user's ({@code <name>.theme} files in a directory given to the constructor).
 *
 * <p>Rules:
 * <ul>
 *   <li>{@value #DEFAULT_THEME} is the default theme. Every bundled theme sets every role.</li>
 *   <li>A user theme with the name of a bundled one replaces it.</li>
 *   <li>Missing keys fall back: a user theme to the bundled theme of the same name if there is
 *       one (so a user {@code mono.theme} that changes one key stays colourless), then to the
 *       bundled default theme; a bundled theme to the bundled default theme.</li>
 *   <li>Bad content never throws: it becomes {@link Theme#warnings()}. A user file that cannot be
 *       read falls back to the bundled theme of that name, with a warning.</li>
 *   <li>Files are read on every {@link #load}, so editing a theme and cycling to it shows the edit;
 *       the bundled themes, which cannot change, are read once.</li>
 * </ul>
 */
public final class ThemeLoader {

    /** The default theme. */
    public static final String DEFAULT_THEME = "dark";
    /** The colourless theme chosen by {@code NO_COLOR}. */
    public static final String MONO_THEME = "mono";
    /** The bundled themes, in cycling order. */
    public static final List<String> BUNDLED = List.of("dark", "light", "high-contrast", "mono");
    /** File name suffix of theme files. */
    public static final String SUFFIX = ".theme";

    private static final String RESOURCE_DIR = "syntop/themes/";
    /** The bundled themes read so far, by name; each {@link Theme} is immutable. */
    private static final Map<String, Theme> BUNDLED_READ = new ConcurrentHashMap<>();

    private final Path userDir;

    /** A loader of the bundled themes only. */
    public ThemeLoader() {
        this(null);
    }

    /** A loader of the bundled themes and those in {@code userDir}, which may be null or absent. */
    public ThemeLoader(Path userDir) {
        this.userDir = userDir;
    }

    /**
     * The user theme directory: {@code $XDG_CONFIG_HOME/syntop/themes} when that variable is an
     * absolute path, else {@code $HOME/.config/syntop/themes}; empty when neither is usable.
     */
    public static Optional<Path> userDir(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg, "syntop", "themes"));
        }
        String home = env.get("HOME");
        if (home != null && !home.isEmpty()) {
            return Optional.of(Path.of(home, ".config", "syntop", "themes"));
        }
        return Optional.empty();
    }

    /**
     * The name of the theme to start with.
     *
     * <ol>
     *   <li>A theme the user asked for explicitly (command line, or the user's own config file)
     *       wins, even over {@code NO_COLOR}: no-color.org says user configuration and
     *       per-instance arguments override it.</li>
     *   <li>Otherwise, {@code NO_COLOR} present and not empty (whatever its value) selects
     *       {@value #MONO_THEME}.</li>
     *   <li>Otherwise {@value #DEFAULT_THEME}.</li>
     * </ol>
     *
     * @param requested the explicitly requested name, or null/blank for none
     */
    public static String selectName(String requested, Map<String, String> env) {
        if (requested != null && !requested.isBlank()) {
            return requested.strip();
        }
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            return MONO_THEME;
        }
        return DEFAULT_THEME;
    }

    /**
     * Loads the theme {@link #selectName} picks. An explicitly requested name that does not exist
     * is treated as no request (so {@code NO_COLOR} still applies), with a warning on the result.
     */
    public Theme select(String requested, Map<String, String> env) {
        String name = selectName(requested, env);
        if (available().contains(name)) { // name is never null here
            return load(name);
        }
        Theme fallback = load(selectName(null, env));
        return fallback.withWarnings(List.of(new ThemeWarning(name, 0,
                "no such theme; using '" + fallback.name() + "' (available: " + String.join(", ", available()) + ")")));
    }

    /** All theme names: the bundled ones in {@link #BUNDLED} order, then user-only ones sorted. */
    public List<String> available() {
        List<String> names = new ArrayList<>(BUNDLED);
        for (String user : userThemeNames()) {
            if (!names.contains(user)) {
                names.add(user);
            }
        }
        return List.copyOf(names);
    }

    /** The name after {@code name} in {@link #available()}, wrapping; the first one for an unknown name. */
    public String next(String name) {
        List<String> names = available();
        int i = name == null ? -1 : names.indexOf(name);
        return names.get((i + 1) % names.size());
    }

    /**
     * Loads the theme {@code name}. An unknown name gives the default theme with a warning.
     */
    public Theme load(String name) {
        if (name == null) {
            name = "";
        }
        Theme bundledDefault = bundled(DEFAULT_THEME);
        Theme bundled = BUNDLED.contains(name) ? bundled(name) : null;
        Path file = userFile(name);
        if (file != null) {
            try {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                ThemeFile parsed = ThemeFile.parse(file.toString(), text.lines().toList());
                Theme fallback = bundled != null ? bundled : bundledDefault;
                return Theme.of(name, file.toString(), parsed.styles(), fallback, parsed.warnings());
            } catch (IOException | RuntimeException e) {
                ThemeWarning w = new ThemeWarning(file.toString(), 0, "cannot read (" + e.getMessage() + ")");
                if (bundled != null) {
                    return bundled.withWarnings(List.of(w));
                }
                return bundledDefault.withWarnings(List.of(w, new ThemeWarning(name, 0,
                        "using '" + DEFAULT_THEME + "' instead")));
            }
        }
        if (bundled != null) {
            return bundled;
        }
        return bundledDefault.withWarnings(List.of(new ThemeWarning(name, 0,
                "no such theme; using '" + DEFAULT_THEME + "'")));
    }

    /** The bundled theme {@code name}; every one but the default falls back to the default. */
    private static Theme bundled(String name) {
        Theme read = BUNDLED_READ.get(name);
        if (read == null) {
            read = readBundled(name, name.equals(DEFAULT_THEME) ? null : bundled(DEFAULT_THEME));
            BUNDLED_READ.putIfAbsent(name, read);
        }
        return read;
    }

    private static Theme readBundled(String name, Theme fallback) {
        String resource = RESOURCE_DIR + name + SUFFIX;
        try (InputStream in = ThemeLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled theme missing from the build: " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            ThemeFile parsed = ThemeFile.parse(name + SUFFIX, text.lines().toList());
            return Theme.of(name, "bundled", parsed.styles(), fallback, parsed.warnings());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled theme " + resource, e);
        }
    }

    private Path userFile(String name) {
        if (userDir == null || name == null || name.isEmpty() || !isPlainName(name)) {
            return null;
        }
        Path file = userDir.resolve(name + SUFFIX);
        return Files.isRegularFile(file) ? file : null;
    }

    private List<String> userThemeNames() {
        if (userDir == null || !Files.isDirectory(userDir)) {
            return List.of();
        }
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(userDir, "*" + SUFFIX)) {
            for (Path p : dir) {
                String file = p.getFileName().toString();
                String name = file.substring(0, file.length() - SUFFIX.length());
                if (isPlainName(name) && Files.isRegularFile(p)) {
                    names.add(name);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return List.copyOf(names);
    }

    /** Names are file names without a path: no separators, not hidden, not empty. */
    private static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.startsWith(".") && name.indexOf('/') < 0 && name.indexOf('\\') < 0;
    }
}

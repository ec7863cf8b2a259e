package syntop.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThemeLoaderTest {

    @TempDir
    Path dir;

    private void write(String file, String... lines) throws IOException {
        Files.write(dir.resolve(file), List.of(lines), StandardCharsets.UTF_8);
    }

    private static Map<String, String> env(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    // --- bundled themes ---------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"dark", "light", "high-contrast", "mono"})
    void bundledThemesLoadCleanlyAndSetEveryRole(String name) {
        Theme t = new ThemeLoader().load(name);
        assertEquals(name, t.name());
        assertEquals("bundled", t.origin());
        assertEquals(List.of(), t.warnings());
        for (Role r : Role.values()) {
            assertTrue(t.defines(r), name + " does not set " + r.key());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dark", "light", "high-contrast", "mono"})
    void bundledThemesUseOnlyTheSixteenAnsiColours(String name) {
        Theme t = new ThemeLoader().load(name);
        for (Role r : Role.values()) {
            assertTrue(t.style(r).isSixteenColorSafe(), name + " " + r.key() + " = " + t.style(r));
        }
    }

    @Test
    void monoUsesNoColourOnlyBoldAndReverse() {
        Theme mono = new ThemeLoader().load("mono");
        boolean anyAttribute = false;
        for (Role r : Role.values()) {
            Style s = mono.style(r);
            assertFalse(s.usesColor(), r.key() + " = " + s);
            assertFalse(s.underline(), r.key() + " = " + s);
            anyAttribute |= s.bold() || s.reverse();
        }
        assertTrue(anyAttribute);
        // the selected row must stand out without colour
        assertTrue(mono.style(Role.SELECTED).reverse());
    }

    @Test
    void colouredThemesDifferFromEachOther() {
        ThemeLoader loader = new ThemeLoader();
        assertNotEquals(loader.load("dark").style(Role.TITLE), loader.load("light").style(Role.TITLE));
        assertNotEquals(loader.load("dark").style(Role.DEFAULT), loader.load("high-contrast").style(Role.DEFAULT));
    }

    @Test
    void bundledOnlyLoaderListsBundledInOrder() {
        assertEquals(List.of("dark", "light", "high-contrast", "mono"), new ThemeLoader().available());
        assertEquals(ThemeLoader.BUNDLED, new ThemeLoader(Path.of("/nonexistent/dir")).available());
    }

    @Test
    void unknownNameGivesTheDefaultThemeWithAWarning() {
        Theme t = new ThemeLoader().load("neon");
        assertEquals("dark", t.name());
        assertEquals(1, t.warnings().size());
        assertEquals("neon", t.warnings().get(0).source());
        assertTrue(t.warnings().get(0).message().contains("no such theme"));
        assertEquals("dark", new ThemeLoader().load(null).name());
    }

    // --- user themes --------------------------------------------------------------------------

    @Test
    void userThemesAreListedAfterBundledOnesSortedAndOverridesAreNotRepeated() throws IOException {
        write("zebra.theme", "ok = red");
        write("alpha.theme", "ok = red");
        write("dark.theme", "ok = red");
        write("notes.txt", "not a theme");
        write(".hidden.theme", "ok = red");
        Files.createDirectory(dir.resolve("folder.theme"));
        assertEquals(List.of("dark", "light", "high-contrast", "mono", "alpha", "zebra"),
                new ThemeLoader(dir).available());
    }

    @Test
    void userThemeOverridesBundledThemeOfTheSameNameKeyByKey() throws IOException {
        write("dark.theme", "title = magenta_bright underline");
        Theme bundled = new ThemeLoader().load("dark");
        Theme t = new ThemeLoader(dir).load("dark");
        assertEquals(dir.resolve("dark.theme").toString(), t.origin());
        assertEquals(Style.parse("magenta_bright underline"), t.style(Role.TITLE));
        assertEquals(bundled.style(Role.SELECTED), t.style(Role.SELECTED));
        assertEquals(List.of(), t.warnings());
    }

    @Test
    void partialUserOverrideOfMonoStaysColourless() throws IOException {
        write("mono.theme", "title = underline");
        Theme t = new ThemeLoader(dir).load("mono");
        assertEquals(Style.parse("default underline"), t.style(Role.TITLE));
        for (Role r : Role.values()) {
            assertFalse(t.style(r).usesColor(), r.key());
        }
    }

    @Test
    void userOnlyThemeFallsBackToTheDefaultTheme() throws IOException {
        write("neon.theme", "ok = #00ff00", "bogus_key = red", "warn: yellow");
        Theme dark = new ThemeLoader().load("dark");
        Theme t = new ThemeLoader(dir).load("neon");
        assertEquals("neon", t.name());
        assertEquals(Style.fg(new ColorSpec.Rgb(0, 255, 0)), t.style(Role.OK));
        assertEquals(dark.style(Role.WARN), t.style(Role.WARN));
        assertEquals(dark.style(Role.DIALOG), t.style(Role.DIALOG));
        String source = dir.resolve("neon.theme").toString();
        assertEquals(List.of(new ThemeWarning(source, 2, "unknown key 'bogus_key' ignored"),
                new ThemeWarning(source, 3, "expected 'key = style', got 'warn: yellow'")), t.warnings());
    }

    @Test
    void userFileIsReadAgainOnEveryLoad() throws IOException {
        ThemeLoader loader = new ThemeLoader(dir);
        write("mine.theme", "ok = red");
        assertEquals(Style.parse("red"), loader.load("mine").style(Role.OK));
        write("mine.theme", "ok = blue");
        assertEquals(Style.parse("blue"), loader.load("mine").style(Role.OK));
    }

    @Test
    void bundledThemesAreReadOnceForEveryLoader() {
        for (String name : ThemeLoader.BUNDLED) {
            Theme first = new ThemeLoader().load(name);
            assertSame(first, new ThemeLoader(dir).load(name), name);
            assertSame(first, new ThemeLoader().select(name, Map.of()), name);
        }
    }

    @Test
    void namesWithPathSeparatorsDoNotEscapeTheDirectory() throws IOException {
        Path inner = Files.createDirectory(dir.resolve("inner"));
        write("outside.theme", "ok = red");
        Theme t = new ThemeLoader(inner).load("../outside");
        assertEquals("dark", t.name());
        assertFalse(t.warnings().isEmpty());
    }

    @Test
    void undecodableBytesDoNotStopLoading() throws IOException {
        Files.write(dir.resolve("bin.theme"), new byte[] {'o', 'k', ' ', '=', ' ', 'r', 'e', 'd', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
        Theme t = new ThemeLoader(dir).load("bin");
        assertEquals(Style.parse("red"), t.style(Role.OK));
        assertEquals(1, t.warnings().size());
        assertEquals(2, t.warnings().get(0).line());
    }

    // --- cycling ------------------------------------------------------------------------------

    @Test
    void nextCyclesThroughAllThemesAndWraps() throws IOException {
        write("zz.theme", "ok = red");
        ThemeLoader loader = new ThemeLoader(dir);
        assertEquals("light", loader.next("dark"));
        assertEquals("high-contrast", loader.next("light"));
        assertEquals("mono", loader.next("high-contrast"));
        assertEquals("zz", loader.next("mono"));
        assertEquals("dark", loader.next("zz"));
        assertEquals("dark", loader.next("no-such"));
        assertEquals("dark", loader.next(null));
    }

    // --- NO_COLOR and selection ---------------------------------------------------------------

    @Test
    void selectNameFollowsNoColorUnlessAThemeWasAskedFor() {
        assertEquals("dark", ThemeLoader.selectName(null, env()));
        assertEquals("dark", ThemeLoader.selectName("", env()));
        assertEquals("dark", ThemeLoader.selectName(null, env("NO_COLOR", "")));
        assertEquals("mono", ThemeLoader.selectName(null, env("NO_COLOR", "1")));
        assertEquals("mono", ThemeLoader.selectName(null, env("NO_COLOR", "0")));
        assertEquals("mono", ThemeLoader.selectName("  ", env("NO_COLOR", "yes")));
        assertEquals("light", ThemeLoader.selectName("light", env("NO_COLOR", "1")));
        assertEquals("light", ThemeLoader.selectName(" light ", env()));
    }

    @Test
    void selectLoadsTheChosenTheme() {
        ThemeLoader loader = new ThemeLoader();
        assertEquals("mono", loader.select(null, env("NO_COLOR", "1")).name());
        assertEquals("high-contrast", loader.select("high-contrast", env("NO_COLOR", "1")).name());
        assertEquals("dark", loader.select(null, env()).name());
        assertEquals(List.of(), loader.select(null, env()).warnings());
    }

    @Test
    void unknownExplicitThemeStillHonoursNoColor() {
        ThemeLoader loader = new ThemeLoader();
        Theme t = loader.select("neon", env("NO_COLOR", "1"));
        assertEquals("mono", t.name());
        assertEquals(1, t.warnings().size());
        assertTrue(t.warnings().get(0).message().contains("no such theme"));
        assertEquals("dark", loader.select("neon", env()).name());
    }

    // --- user directory -----------------------------------------------------------------------

    @Test
    void userDirFollowsXdgThenHome() {
        assertEquals(Optional.of(Path.of("/cfg/syntop/themes")),
                ThemeLoader.userDir(env("XDG_CONFIG_HOME", "/cfg", "HOME", "/home/u")));
        assertEquals(Optional.of(Path.of("/home/u/.config/syntop/themes")),
                ThemeLoader.userDir(env("HOME", "/home/u")));
        assertEquals(Optional.of(Path.of("/home/u/.config/syntop/themes")),
                ThemeLoader.userDir(env("XDG_CONFIG_HOME", "", "HOME", "/home/u")));
        // the XDG spec says relative values are to be ignored
        assertEquals(Optional.of(Path.of("/home/u/.config/syntop/themes")),
                ThemeLoader.userDir(env("XDG_CONFIG_HOME", "relative/cfg", "HOME", "/home/u")));
        assertEquals(Optional.empty(), ThemeLoader.userDir(env()));
    }
}

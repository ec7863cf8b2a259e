package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syntop.tui.console.ConsolePainter;
import syntop.tui.view.ViewState;

class ConsoleStartTest {
    private static final String SAVED = "# hand-written\ndelay = 5\ntheme = light\nsort = port\nascii = yes\n";

    private final StringWriter err = new StringWriter();

    private ConsoleStart start(Path home, String theme) {
        Map<String, String> env = Map.of("HOME", home.toString(), "LANG", "C.UTF-8");
        return ConsoleStart.check(theme, false, new PrintWriter(err), env).orElseThrow();
    }

    private static Path saved(Path home, String text) throws Exception {
        Path f = home.resolve(".config/syntop/syntop.conf");
        Files.createDirectories(f.getParent());
        return Files.writeString(f, text);
    }

    @Test
    void theSavedPreferencesFillInWhatTheCommandLineLeftOut(@TempDir Path home) throws Exception {
        saved(home, SAVED);
        ConsoleStart s = start(home, null);
        ViewState v = s.view(new ConsolePainter(s.themes, "t"), s.interval(Duration.ofSeconds(1), false));
        assertEquals("light", v.themeName());
        assertEquals(Duration.ofSeconds(5), v.interval());
        assertEquals(ViewState.Sort.PORT, v.sort());
        assertTrue(v.ascii());
        assertTrue(v.flash().isEmpty(), v.flash().toString());
    }

    @Test
    void aFlagBeatsTheFileAndIsNotWrittenBack(@TempDir Path home) throws Exception {
        Path f = saved(home, SAVED);
        ConsoleStart s = start(home, "mono");
        ViewState v = s.view(new ConsolePainter(s.themes, "t"), s.interval(Duration.ofSeconds(2), true));
        assertEquals("mono", v.themeName());
        assertEquals(Duration.ofSeconds(2), v.interval());
        assertEquals(SAVED, Files.readString(f));
    }

    @Test
    void aSavedThemeThatIsGoneStartsTheDefaultAndSaysSo(@TempDir Path home) throws Exception {
        Path f = saved(home, "theme = nosuch\ndelay = never\n");
        ConsoleStart s = start(home, null);
        ViewState v = s.view(new ConsolePainter(s.themes, "t"), s.interval(Duration.ofSeconds(1), false));
        assertEquals("dark", v.themeName());
        assertEquals(Duration.ofSeconds(1), v.interval());
        String flash = v.flash().orElseThrow();
        assertTrue(flash.contains(f + ": no theme 'nosuch'") && flash.contains("delay is not a number"), flash);
        assertFalse(flash.contains("\n"));
        assertTrue(v.flashWarns());
    }

    @Test
    void withoutAFileNothingIsSaidAndNothingIsCreated(@TempDir Path home) {
        ConsoleStart s = start(home, null);
        ViewState v = s.view(new ConsolePainter(s.themes, "t"), s.interval(Duration.ofSeconds(1), false));
        assertTrue(v.flash().isEmpty());
        assertEquals(home.resolve(".config/syntop/syntop.conf"), s.preferences().path());
        assertFalse(Files.exists(s.preferences().path()));
    }
}

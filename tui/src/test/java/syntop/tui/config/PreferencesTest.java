package syntop.tui.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesTest {
    @Test
    void readsTheFourKeysAndIgnoresTheActionSettings() {
        Preferences p = Preferences.of(ConfText.parse("delay = 2.5\ntheme = mono\nsort = port\nascii = yes\nblock_table = t\n"));
        assertEquals(Optional.of(Duration.ofMillis(2500)), p.delay());
        assertEquals(Optional.of("mono"), p.theme());
        assertEquals(Optional.of("port"), p.sort());
        assertEquals(Optional.of(true), p.ascii());
        assertEquals(List.of(), p.problems());
    }

    @Test
    void aBadValueIsSaidAndLeftOut() {
        Preferences p = Preferences.of(ConfText.parse("delay = 0.01\nascii = maybe\n"));
        assertEquals(Optional.empty(), p.delay());
        assertEquals(Optional.empty(), p.ascii());
        assertEquals(List.of("delay must be between 0.2 and 3600 seconds", "ascii must be yes or no"), p.problems());
        assertEquals(List.of("delay is not a number of seconds"), Preferences.of(ConfText.parse("delay = soon\n")).problems());
    }

    @Test
    void savingKeepsTheUsersCommentsAndOtherKeys(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("syntop.conf");
        Files.writeString(f, "# written by hand\nstate_dir = /tmp/s   \nmy_own = 1\ndelay = 5\n");
        Preferences.File file = new Preferences.File(f);
        assertEquals(Optional.empty(), file.save("delay", "2"));
        assertEquals(Optional.empty(), file.save("theme", "light"));
        assertEquals("# written by hand\nstate_dir = /tmp/s   \nmy_own = 1\ndelay = 2\ntheme = light\n", Files.readString(f));
        assertEquals(Optional.of(Duration.ofSeconds(2)), file.read().delay());
    }

    @Test
    void aFileThatCannotBeReadOrWrittenIsOneLineNotACrash(@TempDir Path dir) throws Exception {
        Path f = Files.createDirectories(dir.resolve("syntop.conf"));
        Preferences.File file = new Preferences.File(f);
        assertEquals(1, file.read().problems().size());
        assertTrue(file.read().problems().get(0).startsWith("cannot read " + f), file.read().problems().toString());
        Optional<String> why = file.save("theme", "mono");
        assertTrue(why.orElseThrow().startsWith("preferences not saved to " + f), why.toString());
        assertTrue(!why.get().contains("\n"));
    }

    @Test
    void delaysAreWrittenAsSeconds() {
        assertEquals("2", Preferences.seconds(Duration.ofSeconds(2)));
        assertEquals("0.5", Preferences.seconds(Duration.ofMillis(500)));
    }
}

package syntop.tui.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfTextTest {
    private static final String USERS = "# my syntop\n\nblock_table = flood\n; older style comment\ntheme = light\nfuture_key = 7\n";

    @Test
    void readsKeysAndSkipsCommentsAndBlankLines() {
        ConfText t = ConfText.parse(USERS + "not a setting\n");
        assertEquals(Map.of("block_table", "flood", "theme", "light", "future_key", "7"), t.values());
        assertEquals(List.of(7), t.malformed());
        assertEquals(3, t.entries().get(0).line());
    }

    @Test
    void changingOneKeyKeepsEveryOtherLineAsWritten() {
        assertEquals(USERS.replace("theme = light", "theme = mono"), ConfText.parse(USERS).with("theme", "mono").text());
        assertEquals(USERS + "delay = 2\n", ConfText.parse(USERS).with("delay", "2").text(), "a new key is appended");
        assertEquals("delay = 2\n", ConfText.parse("").with("delay", "2").text());
        assertEquals("a = 1\n", ConfText.parse("a = 1").text(), "a last line without its newline gets one");
    }

    @Test
    void theLineThatWinsIsTheOneChanged() {
        assertEquals("theme = dark\ntheme = mono\n", ConfText.parse("theme = dark\ntheme = light\n").with("theme", "mono").text());
    }

    @Test
    void writesThroughATemporaryFileAndLeavesNoneBehind(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sub/syntop.conf");
        ConfText.writeAtomically(f, "theme = mono\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        ConfText.writeAtomically(f, "theme = light\n");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), "the mode is kept");
        assertEquals("theme = light\n", Files.readString(f));
        try (var files = Files.list(f.getParent())) {
            assertEquals(List.of(f), files.toList());
        }
        assertTrue(ConfText.read(dir.resolve("missing.conf")).values().isEmpty());
    }

    @Test
    void aSymlinkedFileIsWrittenWhereItLivesAndTheLinkStays(@TempDir Path dir) throws Exception {
        Path real = Files.writeString(Files.createDirectories(dir.resolve("dotfiles")).resolve("syntop.conf"), "# mine\n");
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("config")).resolve("syntop.conf"), real);
        ConfText.writeAtomically(link, ConfText.read(link).with("theme", "mono").text());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("# mine\ntheme = mono\n", Files.readString(real));
    }

    @Test
    void theUserDirectoryFollowsXdgConfigHome() {
        assertEquals(Path.of("/x/syntop"), ConfText.userDir(Map.of("HOME", "/h", "XDG_CONFIG_HOME", "/x")));
        assertEquals(Path.of("/h/.config/syntop"), ConfText.userDir(Map.of("HOME", "/h", "XDG_CONFIG_HOME", "relative")));
        assertEquals(Path.of("/h/.config/syntop"), ConfText.userDir(Map.of("HOME", "/h")));
    }
}

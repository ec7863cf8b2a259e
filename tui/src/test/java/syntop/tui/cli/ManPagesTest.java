package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManPagesTest {
    private static final Path HANDWRITTEN = Path.of("src/man");

    @Test
    void everyCommandGetsAPageAndTheCompletionScripts(@TempDir Path out) throws IOException {
        List<Path> pages = ManPages.write("9.8.7", HANDWRITTEN, out);
        List<String> names = new ArrayList<>();
        pages.forEach(p -> names.add(p.getFileName().toString()));
        List<String> expected = new ArrayList<>(List.of("syntop.adoc"));
        SyntopCommand.commandLine().getSubcommands().keySet().forEach(c -> expected.add("syntop-" + c + ".adoc"));
        assertEquals(expected, names);
        assertTrue(expected.contains("syntop-completion.adoc") && expected.contains("syntop-help.adoc"), names.toString());
        String once = Files.readString(out.resolve("adoc/syntop-once.adoc"));
        assertTrue(once.contains("= syntop-once(1)") && once.contains(":mansource: syntop 9.8.7")
                && once.contains("*--format*=") && once.endsWith("== See also\n\n*syntop*(1)\n"), once);
        assertEquals(CompletionCommand.script(CompletionCommand.Shell.zsh, SyntopCommand.commandLine()),
                Files.readString(out.resolve("completion/_syntop")));
        assertTrue(Files.readString(out.resolve("completion/syntop.bash")).contains("_complete_syntop"));
    }

    @Test
    void theMainPageHasTheHandWrittenSectionsAroundTheGeneratedOnes(@TempDir Path out) throws IOException {
        ManPages.write("9.8.7", HANDWRITTEN, out);
        String page = Files.readString(out.resolve("adoc/syntop.adoc"));
        Path generated = out.resolve("generated").toAbsolutePath();
        for (String tag : List.of("header", "name", "synopsis", "options", "commands", "exit-status", "footer")) {
            assertTrue(page.contains("include::" + generated + "/syntop.adoc[tag=picocli-generated-man-section-" + tag + "]"),
                    tag);
        }
        List<String> sections = List.of("== Description", "== The screen", "== Keys", "== Files", "== Environment",
                "== Examples", "== See also");
        int at = -1;
        for (String s : sections) {
            int next = page.indexOf("\n" + s + "\n");
            assertTrue(next > at, s + " missing or out of order");
            at = next;
        }
        String header = Files.readString(generated.resolve("syntop.adoc"));
        assertTrue(header.contains(":revnumber: 9.8.7") && header.contains("== Exit status\n"), header);
    }

    @Test
    void theSynopsisIsOneLineForManToWrap(@TempDir Path out) throws IOException {
        ManPages.write("1", HANDWRITTEN, out);
        String root = Files.readString(out.resolve("generated/syntop.adoc"));
        String synopsis = root.substring(root.indexOf("== Synopsis\n\n") + 13);
        synopsis = synopsis.substring(0, synopsis.indexOf("\n\n"));
        assertTrue(!synopsis.contains("\n") && synopsis.contains("[*--on-verdict*=_'CMD ARG…'_]"), synopsis);
    }
}

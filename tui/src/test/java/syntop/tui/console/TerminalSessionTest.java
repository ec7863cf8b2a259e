package syntop.tui.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TerminalSessionTest {
    @Test
    void aDumbTerminalOrNoneIsRefusedInOneLineThatNamesOnce() {
        for (Map<String, String> env : java.util.List.of(Map.of("TERM", "dumb"), Map.<String, String>of(),
                Map.of("TERM", ""))) {
            String why = TerminalSession.refusal(env, true).orElseThrow();
            assertTrue(why.contains("no full-screen console here; use 'syntop once'"), why);
            assertTrue(("syntop: " + why).length() <= 80, "one line of a narrow terminal: " + why);
        }
        assertTrue(TerminalSession.refusal(Map.of("TERM", "xterm-256color"), false).orElseThrow()
                .startsWith("no terminal: the console needs an interactive terminal"));
        assertEquals(Optional.empty(), TerminalSession.refusal(Map.of("TERM", "tmux-256color"), true));
    }
}

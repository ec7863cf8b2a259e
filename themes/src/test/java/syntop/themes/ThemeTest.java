package syntop.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThemeTest {

    @Test
    void unsetRolesComeFromTheFallbackThenDefault() {
        Theme base = Theme.of("base", Map.of(Role.OK, Style.parse("green"), Role.WARN, Style.parse("yellow")));
        Theme top = Theme.of("top", "code", Map.of(Role.OK, Style.parse("blue")), base, List.of());
        assertEquals(Style.parse("blue"), top.style(Role.OK));
        assertEquals(Style.parse("yellow"), top.style(Role.WARN));
        assertEquals(Style.DEFAULT, top.style(Role.CRITICAL));
        assertTrue(top.defines(Role.OK));
        assertFalse(top.defines(Role.WARN));
        assertEquals(Map.of(Role.OK, Style.parse("blue")), top.ownStyles());
        assertEquals(base, top.fallback());
    }

    @Test
    void withWarningsAppendsAndKeepsStyles() {
        ThemeWarning w1 = new ThemeWarning("a", 1, "x");
        ThemeWarning w2 = new ThemeWarning("b", 0, "y");
        Theme t = Theme.of("t", "code", Map.of(Role.OK, Style.parse("red")), null, List.of(w1));
        Theme t2 = t.withWarnings(List.of(w2));
        assertEquals(List.of(w1, w2), t2.warnings());
        assertEquals(Style.parse("red"), t2.style(Role.OK));
        assertEquals(List.of(w1), t.warnings());
        assertEquals("b: y", w2.toString());
    }
}

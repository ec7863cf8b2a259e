package syntop.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void keysAreLowerSnakeCaseAndUnique() {
        Set<String> keys = new HashSet<>();
        for (Role r : Role.values()) {
            assertTrue(r.key().matches("[a-z]+(_[a-z]+)*"), r.key());
            assertTrue(keys.add(r.key()), "duplicate " + r.key());
        }
    }

    @Test
    void fromKeyReadsFileSpellingsAndRejectsOthers() {
        assertEquals(Optional.of(Role.BAR_OK), Role.fromKey("bar_ok"));
        assertEquals(Optional.of(Role.BAR_OK), Role.fromKey("  BAR_OK "));
        assertEquals(Optional.of(Role.DIALOG_TITLE), Role.fromKey("Dialog_Title"));
        assertEquals(Optional.empty(), Role.fromKey("bar-ok"));
        assertEquals(Optional.empty(), Role.fromKey("barok"));
        assertEquals(Optional.empty(), Role.fromKey(""));
        assertEquals(Optional.empty(), Role.fromKey(null));
    }
}

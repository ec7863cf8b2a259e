package syntop.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import syntop.themes.Role;

class ChipTest {

    private static Surface draw(Chip chip, int width, Glyphs glyphs) {
        Surface s = new Surface(width, 1, glyphs);
        chip.draw(s.canvas, s.all());
        return s;
    }

    @Test
    void badgeInItsRoleLeavingTheRestOfTheRow() {
        Chip chip = Chip.of("db", "ok", Role.CHIP_OK);
        assertEquals("[ db ok ]", chip.text());
        assertEquals(9, chip.preferredWidth());
        Surface s = draw(chip, 12, Glyphs.UNICODE);
        assertEquals("[ db ok ]%%%", s.row(0));
        assertEquals("ooooooooo%%%", s.roles(0, Map.of(Role.CHIP_OK, 'o')));
        Surface e = draw(Chip.of("sampler", "stale", Role.CHIP_STALE), 17, Glyphs.ASCII);
        assertEquals("[ sampler stale ]", e.row(0));
        assertEquals(Role.CHIP_STALE, e.role(0, 0));
    }

    @Test
    void labelOrValueMayBeEmpty() {
        assertEquals("[ up ]", Chip.of("", "up", Role.CHIP_OK).text());
        assertEquals("[ up ]", Chip.of("up", "", Role.CHIP_OK).text());
        assertEquals("[ up ]", Chip.of("up", null, Role.CHIP_OK).text());
    }

    @Test
    void narrowKeepsTheBracketsAndShortensTheInside() {
        Chip chip = Chip.of("ABC", "ok", Role.CHIP_ERROR);
        assertEquals("[ABC…]", draw(chip, 6, Glyphs.UNICODE).row(0));
        assertEquals("[ABC~]", draw(chip, 6, Glyphs.ASCII).row(0));
        assertEquals("[A]", draw(chip, 3, Glyphs.UNICODE).row(0));
        assertEquals("A…", draw(chip, 2, Glyphs.UNICODE).row(0));
        assertEquals("A", draw(chip, 1, Glyphs.UNICODE).row(0));
    }

    @Test
    void drawsAtTheRegionsLeftEdge() {
        Surface s = new Surface(10, 2, Glyphs.UNICODE);
        Chip.of("a", "b", Role.CHIP_OK).draw(s.canvas, new Region(3, 1, 7, 1));
        assertEquals("%%%%%%%%%%\n%%%[ a b ]", s.text());
    }
}

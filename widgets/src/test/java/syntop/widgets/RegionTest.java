package syntop.widgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionTest {

    @Test
    void negativeSizesBecomeEmpty() {
        Region r = new Region(3, 4, -2, -1);
        assertEquals(0, r.width());
        assertEquals(0, r.height());
        assertTrue(r.isEmpty());
        assertFalse(r.contains(3, 4));
    }

    @Test
    void ofSizeStartsAtOrigin() {
        assertEquals(new Region(0, 0, 80, 24), Region.of(new TerminalSize(80, 24)));
    }

    @Test
    void containsIsHalfOpen() {
        Region r = new Region(2, 3, 4, 5);
        assertTrue(r.contains(2, 3));
        assertTrue(r.contains(5, 7));
        assertFalse(r.contains(6, 7));
        assertFalse(r.contains(5, 8));
        assertFalse(r.contains(1, 3));
        assertEquals(6, r.right());
        assertEquals(8, r.bottom());
    }

    @Test
    void insetShrinksAndNeverGoesNegative() {
        Region r = new Region(0, 0, 10, 5);
        assertEquals(new Region(1, 1, 8, 3), r.inset(1));
        assertEquals(new Region(2, 1, 5, 1), r.inset(1, 3, 3, 2));
        Region tiny = new Region(5, 5, 1, 1).inset(1);
        assertTrue(tiny.isEmpty());
    }

    @Test
    void edgesAndRemainders() {
        Region r = new Region(10, 20, 8, 6);
        assertEquals(new Region(10, 20, 8, 2), r.top(2));
        assertEquals(new Region(10, 24, 8, 2), r.bottom(2));
        assertEquals(new Region(10, 20, 3, 6), r.left(3));
        assertEquals(new Region(15, 20, 3, 6), r.right(3));
        assertEquals(new Region(10, 22, 8, 4), r.withoutTop(2));
        assertEquals(new Region(10, 20, 8, 4), r.withoutBottom(2));
        assertEquals(new Region(13, 20, 5, 6), r.withoutLeft(3));
        assertEquals(new Region(10, 20, 5, 6), r.withoutRight(3));
        assertEquals(new Region(10, 20, 8, 6), r.top(99));
        assertEquals(new Region(10, 26, 8, 0), r.withoutTop(99));
        assertEquals(new Region(10, 20, 8, 0), r.top(-1));
    }

    @Test
    void rowOutOfRangeIsEmpty() {
        Region r = new Region(1, 1, 5, 2);
        assertEquals(new Region(1, 2, 5, 1), r.row(1));
        assertTrue(r.row(2).isEmpty());
        assertTrue(r.row(-1).isEmpty());
    }

    @Test
    void intersect() {
        Region a = new Region(0, 0, 10, 10);
        assertEquals(new Region(5, 6, 5, 4), a.intersect(new Region(5, 6, 20, 20)));
        assertTrue(a.intersect(new Region(20, 20, 5, 5)).isEmpty());
    }

    @Test
    void centeredFitsInside() {
        Region screen = new Region(0, 0, 20, 10);
        assertEquals(new Region(5, 3, 10, 4), screen.centered(10, 4));
        assertEquals(new Region(4, 3, 11, 3), screen.centered(11, 3));
        assertEquals(screen, screen.centered(50, 50));
    }

    @Test
    void splitRowsFixedThenWeighted() {
        Region r = new Region(0, 0, 10, 20);
        List<Region> parts = r.splitRows(Span.fixed(1), Span.weight(2), Span.weight(1), Span.fixed(1));
        assertEquals(List.of(new Region(0, 0, 10, 1), new Region(0, 1, 10, 12), new Region(0, 13, 10, 6),
                new Region(0, 19, 10, 1)), parts);
    }

    @Test
    void splitColumnsEquallyGivesExtraToTheFirst() {
        List<Region> parts = new Region(0, 0, 10, 1).splitColumns(3);
        assertEquals(List.of(new Region(0, 0, 4, 1), new Region(4, 0, 3, 1), new Region(7, 0, 3, 1)), parts);
    }

    @Test
    void splitNeverExceedsTheRegion() {
        for (int h = 0; h < 12; h++) {
            Region r = new Region(0, 5, 3, h);
            List<Region> parts = r.splitRows(Span.fixed(4), Span.weight(1), Span.fixed(3), Span.weight(3));
            int at = 5;
            for (Region p : parts) {
                assertEquals(at, p.y());
                at += p.height();
            }
            assertTrue(at <= r.bottom());
        }
    }

    @Test
    void distributeServesFixedFirstAndGivesRemaindersToLargestFractions() {
        assertArrayEquals(new int[] {5, 3, 0}, Span.distribute(8, List.of(Span.fixed(5), Span.fixed(4), Span.fixed(2))));
        assertArrayEquals(new int[] {2, 3, 2}, Span.distribute(7, List.of(Span.weight(1), Span.fixed(3), Span.weight(1))));
        // 10 * 1/3 = 3.33, 10 * 2/3 = 6.67: the second has the larger fraction
        assertArrayEquals(new int[] {3, 7}, Span.distribute(10, List.of(Span.weight(1), Span.weight(2))));
        assertArrayEquals(new int[] {0, 0}, Span.distribute(-4, List.of(Span.weight(1), Span.fixed(2))));
        assertArrayEquals(new int[] {0, 2}, Span.distribute(2, List.of(Span.weight(0), Span.fixed(2))));
    }

    @Test
    void spanIsEitherFixedOrWeighted() {
        assertThrows(IllegalArgumentException.class, () -> new Span(2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Span(-1, 0));
        assertTrue(Span.fixed(3).isFixed());
        assertFalse(Span.weight(3).isFixed());
    }
}

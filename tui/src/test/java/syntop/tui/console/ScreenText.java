package syntop.tui.console;

import java.util.function.BiFunction;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.graphics.TextImage;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminal;

/** What a text image or a terminal shows, as text: a line a row, the cell after a two-cell character skipped. */
public final class ScreenText {
    private ScreenText() {
    }

    /** Every row of the image, each followed by a newline. */
    public static String of(TextImage image) {
        return of(image.getSize(), image::getCharacterAt);
    }

    /** Every row of the terminal's screen, each followed by a newline. */
    public static String of(VirtualTerminal terminal) {
        return of(terminal.getTerminalSize(), terminal::getCharacter);
    }

    /** Row {@code y} of the image. */
    public static String row(TextImage image, int y) {
        return row(image.getSize(), image::getCharacterAt, y);
    }

    private static String of(TerminalSize size, BiFunction<Integer, Integer, TextCharacter> cell) {
        StringBuilder b = new StringBuilder();
        for (int y = 0; y < size.getRows(); y++) {
            b.append(row(size, cell, y)).append('\n');
        }
        return b.toString();
    }

    private static String row(TerminalSize size, BiFunction<Integer, Integer, TextCharacter> cell, int y) {
        StringBuilder b = new StringBuilder();
        for (int x = 0; x < size.getColumns(); x++) {
            TextCharacter c = cell.apply(x, y);
            b.append(c.getCharacterString());
            if (c.isDoubleWidth()) {
                x++;
            }
        }
        return b.toString();
    }
}

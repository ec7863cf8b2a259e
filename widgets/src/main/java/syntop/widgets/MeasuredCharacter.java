package syntop.widgets;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;

/**
 * A Lanterna character that measures its width once. Lanterna asks every cell of the screen for its
 * width on every refresh, and works it out afresh each time (several Unicode block lookups), which
 * was the largest part of an idle console's drawing cost; the palette's shared cells answer from a
 * field instead.
 */
final class MeasuredCharacter extends TextCharacter {
    private static final long serialVersionUID = 1L;

    private final boolean doubleWidth;

    MeasuredCharacter(char c, TextColor foreground, TextColor background, EnumSet<SGR> modifiers) {
        super(c, foreground, background, modifiers);
        this.doubleWidth = super.isDoubleWidth();
    }

    @Override
    public boolean isDoubleWidth() {
        return doubleWidth;
    }
}

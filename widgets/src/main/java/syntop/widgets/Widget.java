package syntop.widgets;

/**
 * Something that draws itself into a region. A widget never draws outside the region it is given
 * (nor outside the canvas), and draws something sensible, without throwing, at any size down to 0.
 */
public interface Widget {

    void draw(Canvas canvas, Region region);

    /** Columns the widget would like; 0 means it takes whatever it is given. */
    default int preferredWidth() {
        return 0;
    }
}

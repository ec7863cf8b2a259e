package syntop.widgets;

/**
 * A widget one row high (a bar, a chip, a sparkline): it draws into the first row of its region,
 * and draws nothing where that row has no room.
 */
abstract class RowWidget implements Widget {
    @Override
    public final void draw(Canvas canvas, Region region) {
        Region row = region.row(0);
        if (row.width() > 0) {
            drawRow(canvas, row);
        }
    }

    /** Draws into {@code row}, which is at least one cell wide. */
    abstract void drawRow(Canvas canvas, Region row);
}

package syntop.widgets;

import java.util.List;

/**
 * The size of one part when a length is split: a fixed number of cells, or a weight that shares
 * what the fixed parts leave.
 */
public record Span(int cells, int weight) {

    public Span {
        if (cells < 0 || weight < 0) {
            throw new IllegalArgumentException("negative span");
        }
        if (cells > 0 && weight > 0) {
            throw new IllegalArgumentException("a span is either fixed or weighted");
        }
    }

    /** Exactly {@code cells} cells (fewer if the total is too small). */
    public static Span fixed(int cells) {
        return new Span(Math.max(0, cells), 0);
    }

    /** A share of what the fixed spans leave, in proportion to {@code weight}. */
    public static Span weight(int weight) {
        return new Span(0, Math.max(0, weight));
    }

    public boolean isFixed() {
        return weight == 0;
    }

    /**
     * Splits {@code total} cells among {@code spans}. Fixed spans are served first, in order,
     * until the total runs out; weighted spans share the rest in proportion to their weights,
     * remainders going to the largest fractions (earlier spans on ties). The sizes never sum to
     * more than {@code total}, and to exactly {@code total} when there is any weighted span with
     * weight &gt; 0.
     */
    public static int[] distribute(int total, List<Span> spans) {
        int[] sizes = new int[spans.size()];
        int left = Math.max(0, total);
        long weights = 0;
        for (int i = 0; i < sizes.length; i++) {
            Span s = spans.get(i);
            if (s.isFixed()) {
                sizes[i] = Math.min(s.cells, left);
                left -= sizes[i];
            } else {
                weights += s.weight;
            }
        }
        if (weights == 0 || left == 0) {
            return sizes;
        }
        int given = 0;
        long[] remainders = new long[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            Span s = spans.get(i);
            if (!s.isFixed()) {
                long share = (long) left * s.weight;
                sizes[i] = (int) (share / weights);
                remainders[i] = share % weights;
                given += sizes[i];
            }
        }
        for (int extra = left - given; extra > 0; extra--) {
            int best = -1;
            for (int i = 0; i < sizes.length; i++) {
                if (!spans.get(i).isFixed() && spans.get(i).weight > 0
                        && (best < 0 || remainders[i] > remainders[best])) {
                    best = i;
                }
            }
            sizes[best]++;
            remainders[best] = -1;
        }
        return sizes;
    }
}

package syntop.collectors.detect;

import java.util.List;
import java.util.Objects;

/**
 * How far the judgement has got: the rates it rests on against the window the rate verdicts need,
 * and, while that window is not yet complete, what the latest sample already shows (a queue at its
 * limit, SYNs being dropped). Until then an empty verdict list means "still judging", never "all
 * quiet". Reset and retransmit surges also need their baseline ({@code surge.baseline.samples}).
 *
 * @param samples per-second rates the verdicts rest on (a rate needs two snapshots), at most {@code window}
 * @param window  {@code sustain.samples}: the rates a complete judgement rests on
 * @param signs   what is known meanwhile, in words; empty once complete
 */
public record Judgement(int samples, int window, List<String> signs) {
    /** Signs shown on one line at most. */
    static final int SIGNS_ON_A_LINE = 3;

    public Judgement {
        signs = List.copyOf(Objects.requireNonNull(signs));
    }

    public boolean complete() {
        return samples >= window;
    }

    /** "judging — 1 of 5 samples; SYN queue of :8080 at its limit (129/128)". */
    public String line() {
        StringBuilder b = new StringBuilder("judging — ").append(samples).append(" of ").append(window)
                .append(window == 1 ? " sample" : " samples");
        List<String> shown = signs.size() > SIGNS_ON_A_LINE ? signs.subList(0, SIGNS_ON_A_LINE) : signs;
        for (String s : shown) {
            b.append("; ").append(s);
        }
        if (shown.size() < signs.size()) {
            b.append("; …");
        }
        return b.toString();
    }
}

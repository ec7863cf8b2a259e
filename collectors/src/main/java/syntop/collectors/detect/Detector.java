package syntop.collectors.detect;

import java.util.List;

import syntop.collectors.history.History;

/**
 * One rule over the history: a situation an operator should know about, with the numbers behind
 * it. A detector keeps no state of its own, so its verdicts end when their condition ends; it
 * never fires on missing data (unknown rates, empty state counts) and never throws.
 */
@FunctionalInterface
public interface Detector {
    /** The verdicts of this rule now, in no particular order; empty when all is quiet. */
    List<Verdict> detect(History history, Thresholds thresholds);
}

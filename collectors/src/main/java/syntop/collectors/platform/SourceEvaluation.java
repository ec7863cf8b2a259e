package syntop.collectors.platform;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import syntop.collectors.model.Reading;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.parse.Parsed;
import syntop.collectors.source.RawOutput;
import syntop.collectors.source.Source;
import syntop.collectors.source.SourceText;

/**
 * Turns one raw output into a parsed reading and a status in plain words. Shared by the live
 * sampler, replay and {@code parse}, so a recorded tick gets exactly the status it had live.
 */
public final class SourceEvaluation {
    private SourceEvaluation() {
    }

    public static SourceResult evaluate(Source source, RawOutput raw, Duration every) {
        Parsed<Reading> empty = new Parsed<>(Reading.empty(), 0, 0, List.of(), List.of(), Optional.empty());
        switch (raw.outcome()) {
            case NOT_FOUND:
                return result(source, raw, empty, SourceHealth.UNAVAILABLE, raw.detail(), every);
            case PERMISSION_DENIED:
                return result(source, raw, empty, SourceHealth.NEEDS_ROOT, raw.detail(), every);
            case TIMEOUT:
                return result(source, raw, empty, SourceHealth.TIMEOUT, raw.detail(), every);
            case FAILED:
            case TOO_LARGE:
                return result(source, raw, empty, SourceHealth.UNAVAILABLE, raw.detail(), every);
            default:
                break;
        }
        String stderr = firstLine(raw.stderr());
        if (raw.exitCode() != 0 && deniedText(raw.stderr())) {
            return result(source, raw, empty, SourceHealth.NEEDS_ROOT, program(source) + ": " + stderr + " (needs root)", every);
        }
        SourceText text = new SourceText(raw.parts());
        Parsed<Reading> parsed;
        try {
            parsed = source.parser().parse(text);
        } catch (RuntimeException e) {
            // a parser must not throw; if one does, the source is unreadable this tick, not the whole tick
            return result(source, raw, empty, SourceHealth.UNPARSED, "parser failed: " + e, every);
        }
        if (parsed.needsRoot().isPresent()) {
            return result(source, raw, parsed, SourceHealth.NEEDS_ROOT, parsed.needsRoot().get(), every);
        }
        if (raw.exitCode() != 0 && parsed.inputNotUnderstood()) {
            String why = stderr.isEmpty() ? "exited with status " + raw.exitCode() : stderr;
            return result(source, raw, parsed, SourceHealth.UNAVAILABLE, program(source) + ": " + why, every);
        }
        if (parsed.inputNotUnderstood()) {
            String why = text.isBlank() ? "printed nothing" : "output not understood"
                    + (parsed.understood() > 0 ? " (" + parsed.understood() + " of "
                            + (parsed.understood() + parsed.notUnderstood()) + " lines read)" : "")
                    + ": " + parsed.unparsed().stream().findFirst().map(SourceEvaluation::shorten).orElse("");
            return result(source, raw, parsed, SourceHealth.UNPARSED, why, every);
        }
        String detail = parsed.notes().isEmpty() ? raw.detail() : String.join("; ", parsed.notes());
        return result(source, raw, parsed, SourceHealth.OK, detail, every);
    }

    private static SourceResult result(Source source, RawOutput raw, Parsed<Reading> parsed, SourceHealth h,
                                       String detail, Duration every) {
        // the source's id, not the one the output was saved under: a recording may hold a former name
        return new SourceResult(raw, parsed, new SourceStatus(source.id(), h, detail, raw.took(), every,
                source.optional()));
    }

    private static boolean deniedText(String stderr) {
        String s = stderr.toLowerCase(Locale.ROOT);
        return s.contains("permission denied") || s.contains("operation not permitted") || s.contains("must be root")
                || s.contains("not privileged") || s.contains("must be run as root");
    }

    private static String program(Source s) {
        String d = s.acquisition().describe();
        int sp = d.indexOf(' ');
        return sp < 0 ? d : d.substring(0, sp);
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return shorten(nl < 0 ? t : t.substring(0, nl));
    }

    private static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}

package syntop.collectors.source;

import syntop.collectors.model.Reading;
import syntop.collectors.parse.Parsed;

/** A pure function from a source's raw text to a reading. Never throws on bad text; never does I/O. */
@FunctionalInterface
public interface SourceParser {
    Parsed<Reading> parse(SourceText text);
}

package syntop.collectors.os.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import syntop.collectors.Fixtures;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.Reading;
import syntop.collectors.parse.Parsed;

class SynproxyStatParserTest {
    @Test
    void perCpuRowsAreSummed() {
        Parsed<Reading> p = SynproxyStatParser.parse(Fixtures.lines("linux/telegraf/proc/net/stat/synproxy"));
        Reading r = p.value();
        assertEquals(254587, r.counters().get(CounterId.SYNPROXY_SYN_RECEIVED).getAsLong());
        assertEquals(84286, r.counters().get(CounterId.SYNPROXY_COOKIE_INVALID).getAsLong());
        assertEquals(251855, r.counters().get(CounterId.SYNPROXY_COOKIE_VALID).getAsLong());
        assertEquals(0, r.counters().raw().get("synproxy.entries"));
        assertEquals(9, p.understood());
    }

    @Test
    void realKernelFileWithTabsParses() {
        Reading r = SynproxyStatParser.parse(Fixtures.lines("linux/6.18-lab-synflood/proc/net/stat/synproxy")).value();
        assertEquals(0, r.counters().get(CounterId.SYNPROXY_SYN_RECEIVED).getAsLong());
    }

    @Test
    void headerWithoutRowsOrBadHexIsNotAReading() {
        assertTrue(SynproxyStatParser.parse(List.of("entries syn_received")).inputNotUnderstood());
        Parsed<Reading> p = SynproxyStatParser.parse(List.of("entries syn_received", "zz 00000001"));
        assertTrue(p.inputNotUnderstood());
        assertTrue(p.value().counters().isEmpty());
    }
}

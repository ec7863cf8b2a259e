package syntop.collectors.os.bsd;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import syntop.collectors.model.Reading;
import syntop.collectors.parse.Parsed;

/** No text, arbitrary or shaped like netstat, pfctl or sysctl output, makes a BSD parser throw. */
class BsdParsersPropertyTest {

    private static void all(List<String> lines) {
        for (Map.Entry<String, Function<List<String>, Parsed<Reading>>> e : BsdParsers.ALL.entrySet()) {
            Parsed<Reading> p = e.getValue().apply(lines);
            if (p == null || p.value() == null || p.understood() < 0) {
                throw new AssertionError(e.getKey() + " returned nothing for " + lines);
            }
        }
    }

    @Property(tries = 200)
    void arbitraryLinesNeverThrow(@ForAll @Size(max = 30) List<String> lines) {
        all(lines);
    }

    @Property(tries = 200)
    void linesMadeOfBsdTokensNeverThrow(@ForAll("bsdLines") @Size(max = 40) List<String> lines) {
        all(lines);
    }

    /** Lines glued from the pieces the parsers look for, so the deeper branches are reached. */
    @Provide
    Arbitrary<List<String>> bsdLines() {
        Arbitrary<String> token = Arbitraries.of("\t", "\t\t", " ", "  ", "0", "1", "12", "65535", "65536",
                "18446744073709551616", "-3", "+4", "packets", "sent", "(", ")", "(for", "bytes)", "(including", "drops)",
                "connection", "connections", "in", "state", "SYN_RCVD", "LISTEN", "*", "tcp:", "udp:", "Tcp:",
                "TCP connection count by state:", "tcp4", "tcp46", "udp4", "unix", "fffff80003ab6100", "0/0/128",
                "193/0/128", "1/2", "*.80", "*.*", "::1.631", "10.0.0.1.", ".22", "*.http", "Active Internet connections",
                "Active LOCAL (UNIX) domain sockets", "Current listen queue sizes (qlen/incqlen/maxqlen)", "Proto",
                "Some tcp sockets may have been deleted.", "Status:", "Enabled", "Disabled", "Debug:", "State Table",
                "Counters", "Limit Counters", "Syncookies", "Interface Stats for", "Packets In", "Reassemble", "%",
                "1.2/s", "INFO:", "STATES:", "hard", "limit", "unlimited", "net.inet.tcp.msl:", "kern.ipc.somaxconn =",
                "net.inet.tcp.syncache.count:", "a.b:", ":", "=", "\u00e9", "\u0000");
        return token.list().ofMaxSize(12).map(parts -> String.join("", parts)).list();
    }
}

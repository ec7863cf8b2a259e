package syntop.collectors.os.bsd;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import syntop.collectors.model.Reading;
import syntop.collectors.parse.Parsed;

/** Every BSD parser by name, for the tests that feed all of them the same bad input. */
final class BsdParsers {
    static final Map<String, Function<List<String>, Parsed<Reading>>> ALL = Map.of(
            "netstat -s (FreeBSD)", l -> NetstatTcpStatsParser.parse(l, Dialect.FREEBSD),
            "netstat -s (macOS)", l -> NetstatTcpStatsParser.parse(l, Dialect.MACOS),
            "netstat -L", NetstatListenParser::parse,
            "netstat -an", NetstatConnectionsParser::parse,
            "pfctl -si", PfctlInfoParser::parse,
            "pfctl -sm", PfctlMemoryParser::parse,
            "sysctl", l -> SysctlParser.parse(l, List.of("kern.ipc.somaxconn", "net.inet.tcp.syncache")));

    private BsdParsers() {
    }
}

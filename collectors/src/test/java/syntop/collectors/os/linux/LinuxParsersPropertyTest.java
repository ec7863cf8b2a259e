package syntop.collectors.os.linux;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import syntop.collectors.Fixtures;
import syntop.collectors.model.Reading;
import syntop.collectors.parse.Parsed;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.SourceText;

/**
 * No input makes a Linux parser throw: random bytes, random text, and real captures cut or
 * corrupted at random places. Bounded so the suite stays fast.
 */
class LinuxParsersPropertyTest {
    private static final List<String> CAPTURES = List.of(
            "linux/6.18-lab-synflood/proc/net/tcp", "linux/6.18-lab-synflood/proc/net/netstat",
            "linux/node_exporter/proc/net/snmp", "linux/procfs/proc/net/sockstat", "linux/telegraf/proc/net/stat/synproxy",
            "linux/ubuntu-18.04-jc/cmd/ss-tulpen.txt");

    private static void parseWithEveryParser(byte[] data) {
        SourceText text = new SourceText(List.of(new RawPart("/proc/sys/net/ipv4/tcp_syncookies", data)));
        List<Parsed<Reading>> results = List.of(
                ProcNetTcpParser.parse(text),
                ProcNetPairsParser.parse(text.lines()),
                SockstatParser.parse(text.lines()),
                SynproxyStatParser.parse(text.lines()),
                SsListenParser.parse(text.lines()),
                ProcSysParser.parse(text));
        results.forEach(r -> assertNotNull(r.value()));
    }

    @Property(tries = 300)
    void randomBytesNeverThrow(@ForAll byte[] data) {
        parseWithEveryParser(data);
    }

    @Property(tries = 300)
    void randomTextNeverThrows(@ForAll("linesOfFields") String text) {
        parseWithEveryParser(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void corruptedCapturesNeverThrow(@ForAll("captureIndex") int which, @ForAll("cut") int cut, @ForAll byte noise) {
        byte[] real = Fixtures.read(CAPTURES.get(which)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = Math.floorMod(cut, real.length);
        byte[] corrupted = java.util.Arrays.copyOf(real, at + 1);
        corrupted[at] = noise;
        parseWithEveryParser(corrupted);
    }

    @Provide
    Arbitrary<String> linesOfFields() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789ABCDEFabcdef:.[]*-%").ofMaxLength(40),
                Arbitraries.of("TcpExt:", "Tcp:", "LISTEN", "tcp", "TCP:", "inuse", "entries", "sl", "0A", "06"),
                Arbitraries.strings().ofMaxLength(10));
        return token.list().ofMaxSize(12).map(l -> String.join(" ", l)).list().ofMaxSize(12)
                .map(l -> String.join("\n", l));
    }

    @Provide
    Arbitrary<Integer> captureIndex() {
        return Arbitraries.integers().between(0, CAPTURES.size() - 1);
    }

    @Provide
    Arbitrary<Integer> cut() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE);
    }
}

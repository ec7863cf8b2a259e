package syntop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

import syntop.collectors.model.Reading;
import syntop.collectors.os.bsd.Dialect;
import syntop.collectors.os.bsd.NetstatConnectionsParser;
import syntop.collectors.os.bsd.NetstatTcpStatsParser;
import syntop.collectors.os.bsd.PfctlInfoParser;
import syntop.collectors.os.linux.ProcNetPairsParser;
import syntop.collectors.os.linux.ProcNetTcpParser;
import syntop.collectors.os.linux.SsConnectionsParser;
import syntop.collectors.parse.Parsed;
import syntop.collectors.source.SourceText;

/**
 * Parser throughput: time per parse of real captures (small, parsed every tick) and of generated
 * 500k-row tables (the worst a flood gives). Lines per second = rows / time per op.
 */
public class ParserBenchmark extends AverageTimeBenchmark {
    static final Path FIXTURES = Path.of(System.getProperty("syntop.fixtures", "collectors/src/test/resources/fixtures"));

    private SourceText procNetTcp500k;
    private String netstatAn500k;
    private String ssStates100k;
    private List<String> procNetNetstat;
    private List<String> macNetstatS;
    private List<String> pfctlVvsi;

    @Setup(Level.Trial)
    public void load() throws IOException {
        procNetTcp500k = SourceText.of(Tables.procNetTcp(500_000));
        netstatAn500k = Tables.netstatAn(500_000);
        ssStates100k = Tables.ssStates(100_000);
        procNetNetstat = lines("linux/6.18-lab-synflood/proc/net/netstat");
        macNetstatS = lines("macos/10.8to10.10-stripchart/cmd/netstat-s-p-tcp.txt");
        pfctlVvsi = lines("freebsd/13or14-tykling/cmd/pfctl-vvs-info.txt");
    }

    private static List<String> lines(String fixture) throws IOException {
        return SourceText.of(Files.readString(FIXTURES.resolve(fixture))).lines();
    }

    @Benchmark
    public Parsed<Reading> procNetTcp500kRows() {
        return ProcNetTcpParser.parse(procNetTcp500k);
    }

    @Benchmark
    public Parsed<Reading> bsdNetstatAn500kRows() {
        // lines() is part of the cost: the command's output arrives as bytes
        return NetstatConnectionsParser.parse(SourceText.of(netstatAn500k).lines());
    }

    @Benchmark
    public Parsed<Reading> ssStates100kHalfOpen() {
        return SsConnectionsParser.parse(SourceText.of(ssStates100k).lines());
    }

    @Benchmark
    public Parsed<Reading> linuxProcNetNetstat() {
        return ProcNetPairsParser.parse(procNetNetstat);
    }

    @Benchmark
    public Parsed<Reading> macosNetstatS() {
        return NetstatTcpStatsParser.parse(macNetstatS, Dialect.MACOS);
    }

    @Benchmark
    public Parsed<Reading> freebsdPfctlVvsi() {
        return PfctlInfoParser.parse(pfctlVvsi);
    }
}

package syntop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Reading;
import syntop.collectors.os.Platforms;
import syntop.collectors.parse.Parsed;
import syntop.collectors.platform.Platform;
import syntop.collectors.source.Acquisition;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.Source;
import syntop.collectors.source.SourceText;

/**
 * Every source each platform polls, parsed from a capture by the platform's own parser (as a tick
 * parses it): time per parse; the setup prints each input's size, so MB/s = size / time. Real
 * captures where the fixtures have one; pfctl -sm has only a synthetic input (fixtures/SYNTHETIC.md).
 */
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 1)
public class SourceParseBenchmark extends AverageTimeBenchmark {
    /** "os source-id-prefix capture": a capture directory (files at their real paths, commands in cmd/) or one file. */
    @Param({
        "linux ss-tan-states linux/6.18-lab-synflood-ss",
        "linux proc-net-tcp linux/6.18-lab-synflood-ss",
        "linux proc-net-snmp linux/6.18-lab-synflood-ss",
        "linux proc-net-netstat linux/6.18-lab-synflood-ss",
        "linux proc-net-sockstat linux/6.18-lab-synflood-ss",
        "linux proc-net-stat-synproxy linux/6.18-lab-synflood-ss",
        "linux proc-sys-net linux/6.18-lab-synflood-ss",
        "linux ss-ltn linux/6.18-lab-synflood-ss",
        "linux dev-kmsg linux/6.18-lab-kmsg-ratelimit",
        "macos netstat-s-p-tcp macos/11plus-datadog/cmd/netstat-s-p-tcp.txt",
        "macos netstat-aLn macos/2017ish-nativescript/cmd/netstat-f-inet-p-tcp-anL.txt",
        "macos netstat-an-p-tcp macos/2021ish-datadog/cmd/netstat-n-a-p-tcp.txt",
        "macos sysctl macos/10.14.6-jc/cmd/sysctl-net.inet.tcp.txt",
        "macos dmesg macos/10.10-machi-PARTIAL/cmd/dmesg.txt",
        "freebsd netstat-s-p-tcp freebsd/14-drmkmod154/cmd/netstat-s.txt",
        "freebsd netstat-Lan freebsd/10.x-kurita1/cmd/netstat-Lan.txt",
        "freebsd netstat-an-p-tcp freebsd/12.1-jc/cmd/netstat-an.txt",
        "freebsd pfctl-si freebsd/12.2-monitorix297/cmd/pfctl-s-info.txt",
        "freebsd pfctl-sm freebsd/synthetic-pfctl-sm/cmd/pfctl-sm.txt",
        "freebsd sysctl freebsd/12.1-jc/cmd/sysctl-net.inet.tcp.txt",
        "freebsd dmesg freebsd/13ish-monero8210-PARTIAL/cmd/dmesg.txt",
    })
    public String input;

    private Source source;
    private List<RawPart> parts;

    @Setup(Level.Trial)
    public void load() throws IOException {
        String[] f = input.split(" ");
        OsFamily os = OsFamily.valueOf(f[0].toUpperCase(Locale.ROOT));
        Platform platform = Platforms.offline(os, new HostInfo("bench", os, os.name()));
        source = platform.parseableSources().stream().filter(s -> s.id().startsWith(f[1])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no source " + f[1] + " on " + os));
        Path capture = ParserBenchmark.FIXTURES.resolve(f[2]);
        parts = new ArrayList<>();
        if (source.acquisition() instanceof Acquisition.OfPaths files) {
            for (String path : files.paths()) {
                try {
                    parts.add(new RawPart(path, Files.readAllBytes(capture.resolve(path.substring(1)))));
                } catch (NoSuchFileException e) {
                    // not in this capture (e.g. a sysctl the kernel lacked): as live, read what is there
                }
            }
        } else {
            Path file = Files.isDirectory(capture) ? capture.resolve("cmd/" + source.id() + ".txt") : capture;
            parts.add(new RawPart("stdout", Files.readAllBytes(file)));
        }
        long bytes = parts.stream().mapToLong(p -> p.data().length).sum();
        System.out.printf("%n%s: %d bytes%n", input, bytes);
    }

    @Benchmark
    public Parsed<Reading> parse() {
        // a fresh text each time: it keeps its lines once split, and each tick's output is new
        return source.parser().parse(new SourceText(parts));
    }
}

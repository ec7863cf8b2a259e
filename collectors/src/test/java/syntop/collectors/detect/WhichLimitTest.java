package syntop.collectors.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.Counters;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.StateCounts;
import syntop.collectors.os.bsd.NetstatListenParser;

/** Which limit bites: the setting behind a listener's limit, and what lifts it. */
class WhichLimitTest {
    private static Snapshot snapshot(OsFamily os, ListenQueue q, Map<String, String> tunables) {
        return new Snapshot(Instant.EPOCH, 0, new HostInfo("h", os, "v"), Map.of(), StateCounts.empty(), Counters.empty(),
                List.of(q), Map.of(), tunables);
    }

    private static ListenQueue linux(int port, long limit) {
        return new ListenQueue("tcp4", "0.0.0.0", port, 0, OptionalLong.of(0), OptionalLong.of(limit));
    }

    @Test
    void aLimitBelowSomaxconnIsTheApplicationsBacklog() {
        Snapshot s = snapshot(OsFamily.LINUX, linux(443, 511), Map.of("net.core.somaxconn", "4096"));
        assertEquals(":443 accept queue 511 = listen() backlog 511 (somaxconn 4096 is not the limit): raise the "
                + "application's backlog (nginx listen … backlog=N, Apache ListenBacklog) and restart it",
                WhichLimit.acceptQueue(s, s.listeners().get(0)));
    }

    @Test
    void aLimitEqualToSomaxconnSaysTheBacklogCannotBeSeen() {
        Snapshot s = snapshot(OsFamily.LINUX, linux(80, 4096), Map.of("net.core.somaxconn", "4096"));
        assertEquals(":80 accept queue 4096 = somaxconn 4096 (the application asked for 4096 or more; its own backlog "
                + "cannot be seen): raise net.core.somaxconn above 4096, then restart the application, whose backlog "
                + "must be as large", WhichLimit.acceptQueue(s, s.listeners().get(0)));
    }

    @Test
    void aLimitAboveSomaxconnMeansSomaxconnChangedAfterListen() {
        Snapshot s = snapshot(OsFamily.LINUX, linux(80, 4096), Map.of("net.core.somaxconn", "128"));
        assertEquals(":80 accept queue 4096 is above somaxconn 128: somaxconn was lowered after the application called "
                + "listen(), and the listener keeps 4096 until it listens again", WhichLimit.acceptQueue(s, s.listeners().get(0)));
    }

    @Test
    void withoutSomaxconnItSaysWhichOfTheTwoIsNotKnown() {
        Snapshot s = snapshot(OsFamily.LINUX, linux(80, 200), Map.of());
        assertEquals(":80 accept queue 200 = min(listen() backlog, somaxconn); somaxconn was not read, so which of the "
                + "two is not known", WhichLimit.acceptQueue(s, s.listeners().get(0)));
    }

    @Test
    void halfOpenCappedByThreeQuartersOfMaxSynBacklogWhileCookiesAreOff() {
        Snapshot s = snapshot(OsFamily.LINUX, linux(443, 4096), Map.of("net.core.somaxconn", "4096",
                "net.ipv4.tcp_max_syn_backlog", "2048", "net.ipv4.tcp_syncookies", "0"));
        assertEquals("half-open capped at 1536 + 1 = 3/4 of tcp_max_syn_backlog 2048, plus one, while cookies are off (the listener's "
                + "limit 4096 is not the limit): net.ipv4.tcp_max_syn_backlog 5461 or more lifts it, or tcp_syncookies=1",
                WhichLimit.halfOpen(s, s.listeners().get(0)));
        // 5461 - 5461/4 = 4096: the value named does lift the cap to the listener's limit
        assertEquals(4096, 5461 - (5461 >> 2));
        assertEquals(4095, 5460 - (5460 >> 2), "and no smaller value does");
    }

    @Test
    void halfOpenCappedByTheListenersBacklogWithCookiesOff() {
        Snapshot s = snapshot(OsFamily.LINUX, linux(8080, 128), Map.of("net.core.somaxconn", "4096",
                "net.ipv4.tcp_max_syn_backlog", "2048", "net.ipv4.tcp_syncookies", "0"));
        assertEquals("half-open capped at 128 + 1 = the listener's limit, beyond it SYNs are dropped (tcp_syncookies=1 "
                + "would answer them with cookies); the limit = listen() backlog 128 (somaxconn 4096 is not the limit): "
                + "raise the application's backlog (nginx listen … backlog=N, Apache ListenBacklog) and restart it",
                WhichLimit.halfOpen(s, s.listeners().get(0)));
    }

    /** The listeners of a captured netstat -L output under the test fixtures. */
    static List<ListenQueue> bsdListeners(String fixture) throws IOException {
        Path p = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "fixtures").resolve(fixture);
        return NetstatListenParser.parse(Files.readAllLines(p)).value().listeners();
    }

    /** FreeBSD 10's captured netstat -Lan (0/0/128 on *.80); somaxconn values are this test's inputs. */
    @Test
    void freeBsdFixtureAcceptQueueAndSyncache() throws IOException {
        ListenQueue q = bsdListeners("freebsd/10.x-kurita1/cmd/netstat-Lan.txt").get(0);
        assertEquals(80, q.port());
        Snapshot at128 = snapshot(OsFamily.FREEBSD, q, Map.of("kern.ipc.somaxconn", "128"));
        assertEquals(":80 accept queue 128 (admitted up to 1.5 × that) = somaxconn 128 (the application asked for 128 or "
                + "more; its own backlog cannot be seen): raise kern.ipc.somaxconn above 128, then restart the "
                + "application, whose backlog must be as large", WhichLimit.acceptQueue(at128, q));
        Snapshot newer = snapshot(OsFamily.FREEBSD, q, Map.of("kern.ipc.soacceptqueue", "4096"));
        assertEquals(":80 accept queue 128 (admitted up to 1.5 × that) = listen() backlog 128 (somaxconn 4096 is not "
                + "the limit): raise the application's backlog (nginx listen … backlog=N, Apache ListenBacklog) and "
                + "restart it", WhichLimit.acceptQueue(newer, q));
        assertEquals("half-open connections wait in the syncache (net.inet.tcp.syncache.cachelimit, set at boot by "
                + "hashsize × bucketlimit), not in :80's queue of 128; SYN cookies answer when a bucket is full "
                + "(net.inet.tcp.syncookies)", WhichLimit.halfOpen(at128, q));
    }

    /** A captured macOS netstat -anL with listen(1) sockets (0/0/1); somaxconn 128 is the macOS default. */
    @Test
    void macOsFixtureHalfOpenShareTheQueue() throws IOException {
        ListenQueue q = bsdListeners("macos/2017ish-nativescript/cmd/netstat-f-inet-p-tcp-anL.txt").get(0);
        assertEquals(1, q.limit().getAsLong());
        Snapshot s = snapshot(OsFamily.MACOS, q, Map.of("kern.ipc.somaxconn", "128"));
        assertEquals("half-open connections share :" + q.port() + "'s queue of 1 (macOS has no syncache or cookies; at "
                + "the limit a random half-open entry is dropped for each new SYN): the limit = listen() backlog 1 "
                + "(somaxconn 128 is not the limit): raise the application's backlog (nginx listen … backlog=N, Apache "
                + "ListenBacklog) and restart it", WhichLimit.halfOpen(s, q));
        // macOS refuses at the limit itself (kern.ipc.soqlimitcompat=1), not at 1.5 × it as FreeBSD does
        assertEquals(":" + q.port() + " accept queue 1 (half-open connections count against it too) = listen() backlog 1 "
                + "(somaxconn 128 is not the limit): raise the application's backlog (nginx listen … backlog=N, Apache "
                + "ListenBacklog) and restart it", WhichLimit.acceptQueue(s, q));
    }
}

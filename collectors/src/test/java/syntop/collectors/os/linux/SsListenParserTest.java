package syntop.collectors.os.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import syntop.collectors.Fixtures;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.ProcessOwner;
import syntop.collectors.model.Reading;
import syntop.collectors.parse.Parsed;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.SourceText;

class SsListenParserTest {
    private static List<ListenQueue> listeners(String fixture) {
        return SsListenParser.parse(Fixtures.lines(fixture)).value().listeners();
    }

    @Test
    void recvQIsTheAcceptQueueAndSendQTheLimit() {
        List<ListenQueue> l = listeners("linux/6.18-lab-synflood/cmd/ss-ltn.txt");
        assertEquals(2, l.size());
        ListenQueue full = l.get(0);
        assertEquals("10.99.0.2", full.localAddress());
        assertEquals(8081, full.port());
        assertEquals(17, full.acceptQueue());
        assertEquals(OptionalLong.of(16), full.limit());
        assertEquals(OptionalLong.empty(), full.synQueue());
    }

    @Test
    void oldLayoutWithoutNetidAndAnOverflowingQueue() {
        List<ListenQueue> l = listeners("linux/old-iproute2-imroc/cmd/ss-lnt.txt");
        assertEquals(1, l.size());
        assertEquals("*", l.get(0).localAddress());
        assertEquals(80, l.get(0).port());
        assertEquals(129, l.get(0).acceptQueue());
        assertEquals(128, l.get(0).limit().getAsLong());
        assertTrue(l.get(0).acceptFill() > 1.0);
    }

    @Test
    void processColumnsAreIgnored() {
        List<ListenQueue> l = listeners("linux/4.15-gnuser-lpo/cmd/ss-ltnp.txt");
        assertEquals(2, l.size());
        assertEquals(10, l.get(0).acceptQueue());
        assertEquals(10, l.get(0).limit().getAsLong());
        assertEquals(9000, l.get(1).port());
        assertEquals(7, l.get(1).acceptQueue());
    }

    @Test
    void netidColumnKeepsOnlyTcpListeners() {
        List<ListenQueue> ubuntu = listeners("linux/ubuntu-18.04-jc/cmd/ss-tulpen.txt");
        assertEquals(58, ubuntu.size());
        assertEquals(9187, ubuntu.get(0).port());
        assertEquals(4096, ubuntu.get(0).limit().getAsLong());
        List<ListenQueue> newer = listeners("linux/newer-iproute2-jc/cmd/ss-tulpen.txt");
        assertEquals(29, newer.size());
        assertEquals("127.0.0.1", newer.get(0).localAddress());
        assertEquals(2500, newer.get(0).port());
    }

    @Test
    void ipv6AddressesLoseTheirBrackets() {
        List<ListenQueue> l = listeners("linux/old-iproute2-datadog/cmd/ss-tan6.txt");
        assertEquals("::", l.get(0).localAddress());
        assertEquals(9200, l.get(0).port());
        assertEquals("tcp6", l.get(0).protocol());
    }

    @Test
    void serviceNamesInsteadOfPortsAreSaidNotGuessed() {
        Parsed<Reading> p = SsListenParser.parse(Fixtures.lines("linux/centos-7.7-jc/cmd/ss-a.txt"));
        assertTrue(p.value().listeners().isEmpty());
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("service names")), p.notes().toString());
    }

    @Test
    void nonListeningRowsAreUnderstoodButNotListed() {
        Parsed<Reading> p = SsListenParser.parse(Fixtures.lines("linux/4.x-netdata2169-PARTIAL/cmd/ss-ant.txt"));
        assertTrue(p.value().listeners().isEmpty());
        assertTrue(p.understood() > 2);
        assertTrue(p.unparsed().isEmpty(), p.unparsed().toString());
    }
    @Test
    void withPEachListenerNamesItsProcessAndARowWithoutUsersSaysWhy() {
        Parsed<Reading> root = SsListenParser.parseWithOwners(Fixtures.lines("linux/6.18-netns-ss-ltnp/ss-ltnp-root.txt"));
        assertTrue(root.unparsed().isEmpty(), root.unparsed().toString());
        List<ListenQueue> l = root.value().listeners();
        assertEquals(2, l.size());
        assertEquals(8081, l.get(0).port());
        assertEquals(Optional.of(ProcessOwner.of(1534, "python3")), l.get(0).process());
        assertEquals(OptionalLong.of(16), l.get(0).limit(), "the queues are read as without -p");
        assertEquals("python3, pid 1534", l.get(1).process().orElseThrow().label());
        Parsed<Reading> nobody = SsListenParser.parseWithOwners(Fixtures.lines("linux/6.18-netns-ss-ltnp/ss-ltnp-nobody.txt"));
        for (ListenQueue q : nobody.value().listeners()) {
            assertEquals(Optional.empty(), q.process(), "no row names a process: none is claimed, " + q);
        }
        List<String> mixed = new java.util.ArrayList<>(Fixtures.lines("linux/6.18-netns-ss-ltnp/ss-ltnp-root.txt"));
        mixed.add(Fixtures.lines("linux/6.18-netns-ss-ltnp/ss-ltnp-nobody.txt").get(1)); // a row as another user sees it
        assertEquals(Optional.of(ProcessOwner.notVisible()),
                SsListenParser.parseWithOwners(mixed).value().listeners().get(2).process(),
                "beside rows that name theirs, a row without one says why");
        assertEquals(Optional.empty(), listeners("linux/6.18-netns-ss-ltnp/ss-ltnp-root.txt").get(0).process(),
                "without -p nothing is said of owners");
    }


    /** The status and passwd files read after ss, as the acquisition names them. */
    private static SourceText withUserFiles(String... statusPids) {
        String dir = "linux/6.18-ss-ltnp-users/";
        List<RawPart> parts = new java.util.ArrayList<>();
        parts.add(RawPart.of("stdout", Fixtures.read(dir + "ss-ltnp.txt")));
        for (String pid : statusPids) {
            parts.add(RawPart.of("/proc/" + pid + "/status", Fixtures.read(dir + "proc-" + pid + "-status.txt")));
        }
        parts.add(RawPart.of("/etc/passwd", Fixtures.read(dir + "etc-passwd.txt")));
        return new SourceText(parts);
    }

    @Test
    void eachNamedProcessCarriesTheEffectiveUserOfItsStatusNamedByPasswd() {
        Parsed<Reading> p = SsListenParser.parseWithOwners(withUserFiles("32395"));
        assertTrue(p.unparsed().isEmpty(), p.unparsed().toString());
        List<ListenQueue> l = p.value().listeners();
        assertEquals(2, l.size(), "the status and passwd lines are not read as listeners");
        assertEquals(Optional.of(ProcessOwner.of(32395, "python3", "nobody")), l.get(1).process());
        assertEquals(Optional.of(ProcessOwner.notVisible()), l.get(0).process(), "a row ss names no process for");
    }

    @Test
    void aStatusNotReadMakesTheUserUnreadableAndAUidWithoutANameStaysANumber() {
        ProcessOwner gone = SsListenParser.parseWithOwners(withUserFiles()).value().listeners().get(1).process().orElseThrow();
        assertEquals("python3, pid 32395", gone.label());
        assertEquals("", gone.user());
        assertEquals("user unreadable (/proc/32395/status not read: the process ended, or /proc hides it)",
                gone.userLabel());
        SourceText noPasswd = new SourceText(withUserFiles("32395").parts().stream()
                .filter(x -> !x.name().equals("/etc/passwd")).toList());
        assertEquals("65534", SsListenParser.parseWithOwners(noPasswd).value().listeners().get(1).process()
                .orElseThrow().user(), "as ps shows a uid without a passwd name");
    }

    @Test
    void theAcquisitionAsksForTheStatusOfEachNamedProcessAndThePasswdFile() {
        assertEquals(List.of("/proc/32395/status", "/etc/passwd"),
                LinuxPlatform.OWNER_USERS.paths(Fixtures.read("linux/6.18-ss-ltnp-users/ss-ltnp.txt")));
        assertEquals(List.of(), LinuxPlatform.OWNER_USERS.paths(Fixtures.read("linux/6.18-netns-ss-ltnp/ss-ltnp-nobody.txt")),
                "nothing more is read when ss names no process");
    }
}

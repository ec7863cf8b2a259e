package syntop.collectors.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import syntop.collectors.model.TcpState;

class InputsTest {

    @ParameterizedTest
    @ValueSource(strings = {"net.ipv4.tcp_syncookies", "kern.ipc.somaxconn", "net.inet.tcp.syncache.rexmtlimit",
        "net.ipv4.conf.eth-0.rp_filter", "net.core.somaxconn"})
    void acceptsSysctlKeys(String key) {
        assertEquals(key, Inputs.sysctlKey(key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "net", "-net.ipv4.x", "net..ipv4", "net.ipv4.", ".net.ipv4", "Net.ipv4.x",
        "net.ipv4.tcp_syncookies;reboot", "net.ipv4.x y", "net.ipv4.x=1", "net.ipv4.$(id)", "net.ipv4.`id`",
        "net.ipv4.x|y", "net.ipv4.x&", "net.ipv4.x>y", "net.ipv4.x\ny", "../../etc/passwd", "net.ipv4.*"})
    void refusesOtherKeys(String key) {
        ActionRefused e = assertThrows(ActionRefused.class, () -> Inputs.sysctlKey(key));
        assertEquals(ActionRefused.Reason.INVALID, e.reason());
    }

    @Test
    void slashKeysGetAHint() {
        ActionRefused e = assertThrows(ActionRefused.class, () -> Inputs.sysctlKey("net/ipv4/tcp_syncookies"));
        assertTrue(e.getMessage().contains("dots"), e.getMessage());
    }

    @Test
    void valuesOfTheGeneralShape() {
        assertEquals("1", Inputs.sysctlValue("k.k", " 1 "));
        assertEquals("-1", Inputs.sysctlValue("k.k", "-1"));
        assertEquals("32768 60999", Inputs.sysctlValue("k.k", "32768\t60999"));
        assertEquals("4096 87380 6291456", Inputs.sysctlValue("k.k", "4096  87380 6291456"));
        assertEquals("bbr", Inputs.sysctlValue("k.k", "bbr"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "1;reboot", "$(id)", "`id`", "1 && 2", "a b", "1|2", "1>2", "-x", "1\n2",
        "a=b", "'1'", "\"1\"", "1 2 3 4 5 6 7 8 9", "12345678901234567890", "~root", "*"})
    void refusesOtherValues(String value) {
        assertThrows(ActionRefused.class, () -> Inputs.sysctlValue("k.k", value));
    }

    @Test
    void ranges() {
        ValueRule r = ValueRule.range(0, 2, "test");
        assertEquals("2", r.check("k.k", "2"));
        ActionRefused e = assertThrows(ActionRefused.class, () -> r.check("k.k", "3"));
        assertTrue(e.getMessage().contains("0..2"), e.getMessage());
        assertThrows(ActionRefused.class, () -> r.check("k.k", "1 2"));
        assertThrows(ActionRefused.class, () -> r.check("k.k", "on"));
        assertThrows(ActionRefused.class, () -> r.check("k.k", "9999999999999999999"));
        ValueRule p = ValueRule.portRange();
        assertEquals("1024 65535", p.check("k.k", "1024\t65535"));
        assertThrows(ActionRefused.class, () -> p.check("k.k", "2000 1000"));
        assertThrows(ActionRefused.class, () -> p.check("k.k", "0 100"));
        assertThrows(ActionRefused.class, () -> p.check("k.k", "1024 70000"));
        assertThrows(ActionRefused.class, () -> p.check("k.k", "1024"));
    }

    @Test
    void portsStatesAndNames() {
        assertEquals(8080, Inputs.port("8080"));
        for (String bad : new String[] {"0", "65536", "-1", "80x", "", "1e3", "８０"}) {
            assertThrows(ActionRefused.class, () -> Inputs.port(bad), bad);
        }
        assertEquals(TcpState.SYN_RCVD, Inputs.state("syn-recv"));
        assertEquals(TcpState.SYN_RCVD, Inputs.state("SYN_RCVD"));
        assertEquals(TcpState.ESTABLISHED, Inputs.state("estab"));
        assertThrows(ActionRefused.class, () -> Inputs.state("syn;reboot"));
        assertThrows(ActionRefused.class, () -> Inputs.state("half-open"));
        assertEquals("syntop", Inputs.tableName("syntop"));
        for (String bad : new String[] {"", "1abc", "a-b", "a b", "a;b", "<syntop>", "a".repeat(32), "{x}"}) {
            assertThrows(ActionRefused.class, () -> Inputs.tableName(bad), bad);
        }
        assertEquals("syn-flood", Inputs.profileName("syn-flood"));
        for (String bad : new String[] {"", "../x", "a/b", ".hidden", "a b", "a..b"}) {
            assertThrows(ActionRefused.class, () -> Inputs.profileName(bad), bad);
        }
    }

    @Test
    void connectionFilters() {
        ConnectionFilter f = ConnectionFilter.of("syn-recv", "8080", "10.99.0.0/24");
        assertEquals("SYN_RCVD connections on local port 8080 from 10.99.0.0/24", f.describe());
        ActionRefused empty = assertThrows(ActionRefused.class, () -> ConnectionFilter.of("", " ", null));
        assertTrue(empty.getMessage().contains("every connection"), empty.getMessage());
        assertThrows(ActionRefused.class, () -> ConnectionFilter.of("listen", "", ""));
        assertThrows(ActionRefused.class, () -> ConnectionFilter.of("", "99999", ""));
        assertThrows(ActionRefused.class, () -> ConnectionFilter.of("", "", "host.example"));
    }
}

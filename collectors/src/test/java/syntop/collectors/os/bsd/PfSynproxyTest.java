package syntop.collectors.os.bsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import syntop.collectors.Fixtures;
import syntop.collectors.action.Ownership;
import syntop.collectors.action.SynproxyFirewall;
import syntop.collectors.action.SynproxyPlan;

class PfSynproxyTest {
    /** The FILTER RULES section of a real {@code pfctl -s all}: the lines {@code pfctl -s rules} prints. */
    private static String filterRules(String capture) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : Fixtures.read(capture).lines().toList()) {
            if (line.equals("FILTER RULES:")) {
                in = true;
            } else if (in && (line.isBlank() || line.endsWith("RULES:") || line.startsWith("INFO:"))) {
                break;
            } else if (in) {
                out.add(line);
            }
        }
        assertFalse(out.isEmpty(), capture + " has no FILTER RULES");
        return String.join("\n", out) + "\n";
    }

    @Test
    void macOsWithApplesAnchorsOnlyIsToldToAddTheLineAfterThem() {
        PfSynproxy.Hook h = PfSynproxy.hook(filterRules("macos/2020ish-sshuttle563/cmd/pfctl-s-all.txt"));
        assertFalse(h.hooked());
        assertEquals("pf does not evaluate syntop's anchor: the main ruleset has no anchor \"syntop/*\" line. Add the line "
                + "anchor \"syntop/*\" right after the line anchor \"com.apple/*\" in /etc/pf.conf, then reload it with "
                + "pfctl -f /etc/pf.conf", h.advice());
    }

    @Test
    void aRulesetWithoutApplesAnchorsIsToldWhereInTheFilterRules() {
        PfSynproxy.Hook h = PfSynproxy.hook(filterRules("macos/10.11ish-sshuttle102/cmd/pfctl-sa.txt"));
        assertFalse(h.hooked());
        assertTrue(h.advice().contains("before the first rule with quick that passes or blocks the port"), h.advice());
    }

    @Test
    void aRulesetThatCallsSyntopsAnchorsIsHooked() {
        // synthetic: the FILTER RULES lines of the macOS capture 2020ish-sshuttle563 with syntop's line added in the
        // same printed form ("anchor NAME all"), and a pass rule as the OPNsense issue 2866 quotes pfctl -sa
        String synthetic = "scrub-anchor \"com.apple/*\" all fragment reassemble\nanchor \"com.apple/*\" all\n"
                + "anchor \"syntop/*\" all\npass in quick proto tcp from any to any port = 22 flags S/SA keep state\n";
        assertTrue(PfSynproxy.hook(synthetic).hooked());
        assertTrue(PfSynproxy.hook("anchor \"syntop/synproxy\" all\n").hooked());
        assertFalse(PfSynproxy.hook("anchor \"syntop\" all\n").hooked(), "anchor \"syntop\" does not evaluate the anchors under it");
        assertFalse(PfSynproxy.hook("").hooked());
    }

    @Test
    void pfStatusIsReadFromRealCaptures() {
        assertEquals(Optional.of(true), PfSynproxy.enabled(Fixtures.read("macos/2020ish-sshuttle563/cmd/pfctl-s-all.txt")));
        assertEquals(Optional.of(false), PfSynproxy.enabled(Fixtures.read("macos/10.11ish-sshuttle102/cmd/pfctl-sa.txt")));
        assertEquals(Optional.empty(), PfSynproxy.enabled("pfctl: /dev/pf: Permission denied\n"));
    }

    @Test
    void thePlansLoadTheWholeAnchorOnStdinAndFlushIt() {
        PfSynproxy pf = new PfSynproxy();
        SynproxyFirewall.Readiness ready = new SynproxyFirewall.Readiness(List.of(), List.of(), java.util.Map.of(),
                Optional.empty(), List.of());
        List<SynproxyPlan.Step> on = pf.on(new TreeSet<>(List.of(443)), new TreeSet<>(List.of(80)), ready,
                Ownership.ours("pf anchor \"syntop/synproxy\"", ""));
        assertEquals(List.of("pfctl", "-a", "syntop/synproxy", "-f", "-"), on.get(0).argv());
        assertEquals("pass in quick proto tcp to port 80 flags S/SA synproxy state label \"syntop\"\n"
                + "pass in quick proto tcp to port 443 flags S/SA synproxy state label \"syntop\"\n", on.get(0).stdin());
        List<SynproxyPlan.Step> some = pf.off(new TreeSet<>(List.of(80)), new TreeSet<>(List.of(443)));
        assertEquals("pass in quick proto tcp to port 443 flags S/SA synproxy state label \"syntop\"\n", some.get(0).stdin());
        assertEquals(List.of("pfctl", "-a", "syntop/synproxy", "-F", "rules"),
                pf.off(new TreeSet<>(List.of(443)), new TreeSet<>()).get(0).argv());
    }

    @Test
    void theAnchorIsOursOnlyWhileEveryRuleCarriesTheLabel() {
        String rules = "pass in quick proto tcp from any to any port = 80 flags S/SA synproxy state label \"syntop\"\n";
        assertEquals(Ownership.Status.OURS, PfTables.judgeAnchor("a", ok(rules)).status());
        assertEquals(Ownership.Status.FOREIGN, PfTables.judgeAnchor("a",
                ok(rules + "pass in quick proto tcp from any to any port = 22 flags S/SA keep state\n")).status());
    }

    private static syntop.collectors.source.CommandResult ok(String out) {
        return new syntop.collectors.source.CommandResult(List.of("pfctl"), syntop.collectors.source.RawOutput.Outcome.COMPLETED,
                out.getBytes(java.nio.charset.StandardCharsets.UTF_8), "", 0, false, java.time.Duration.ZERO, "");
    }
}

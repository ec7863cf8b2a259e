package syntop.tui.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

import syntop.collectors.detect.Verdict;
import syntop.collectors.judge.JudgedTick;
import syntop.tui.view.Panel;

/** The console's SYN proxy key against a fake machine, commands run inline. */
class SynproxyControllerTest extends OnFakeMachine {
    private SynproxyController controller(boolean readOnly) {
        return new SynproxyController(() -> m.actions(ROOT, readOnly), readOnly, Runnable::run, m.clock);
    }

    private static String text(SynproxyController c) {
        return c.dialogText().orElse("(no dialog)");
    }

    @Test
    void pOnTheSelectedQueueShowsThePlanThenPutsItBehindTheProxyAndShowsTheEffect() {
        focus(Panel.LISTEN);
        SynproxyController c = controller(false);
        assertTrue(key(c, 'P'));
        String plan = text(c);
        assertTrue(plan.startsWith("put port(s) 8080 behind the SYN proxy"), plan);
        assertTrue(plan.contains("SYN_RCVD on :8080 now: 70"), plan);
        assertTrue(plan.contains("net.netfilter.nf_conntrack_tcp_loose: 1 -> 0"), plan);
        assertTrue(plan.contains("synproxy mss 1460 wscale 7 timestamp sack-perm"), plan);
        assertTrue(plan.endsWith("[y] put it behind the proxy  [n] cancel  [Y] confirm without reading"),
                "before the plan was on the screen, y waits for it: " + plan);
        ActionControllerDrawTest.screen(c, 120, 40);
        assertTrue(text(c).endsWith("[y] put it behind the proxy  [n] cancel"), text(c));
        assertTrue(m.changes().stream().allMatch(a -> a.contains("-c")), "before y only nft -c (check mode) ran: " + m.changes());
        key(c, 'y');
        assertTrue(text(c).contains("port(s) 8080 behind the SYN proxy"), text(c));
        assertEquals("0", m.get("net.netfilter.nf_conntrack_tcp_loose"));
        assertTrue(m.synproxyTable);
        key(c, 'n');

        key(c, 'P');
        String watch = text(c);
        assertTrue(watch.contains(":8080 behind the proxy since 2025-05-01T10:00:00Z; SYN_RCVD before 70, now 70"), watch);
        assertTrue(watch.endsWith("[o] take it off  [Esc] close"), watch);
        key(c, 'o');
        assertTrue(text(c).contains("the SYN proxy is off; nothing of syntop's stays"), text(c));
        assertEquals("1", m.get("net.netfilter.nf_conntrack_tcp_loose"));
        assertFalse(m.synproxyTable);
    }

    @Test
    void atEightyByTwentyFourEveryLineOfThePlanIsOnTheScreenWholeAndYWaitsUntilAllWasSeen() {
        focus(Panel.LISTEN);
        SynproxyController c = controller(false);
        c.handle(new KeyStroke('P', false, false), frame, view);
        List<String> plan = List.of(text(c).split("\n"));
        List<String> body = plan.subList(1, plan.size() - 1);
        assertTrue(body.stream().anyMatch(l -> l.startsWith("      | add rule inet syntop_synproxy")), String.join("\n", plan));
        StringBuilder seen = new StringBuilder();
        String screen = ActionControllerDrawTest.screen(c, 80, 24);
        c.handle(new KeyStroke('y', false, false), frame, view);
        assertFalse(m.synproxyTable, "y before the whole plan was on the screen does nothing");
        for (int page = 0; page < 20; page++) {
            seen.append(screen);
            c.handle(new KeyStroke(KeyType.PageDown), frame, view);
            screen = ActionControllerDrawTest.screen(c, 80, 24);
        }
        // the body rows, read across the pages, without the box, the blanks and the line breaks
        String all = seen.toString().replaceAll("[\\s\u2500-\u257f]", "");
        for (String line : body) {
            String bare = line.replaceAll("\\s", "");
            assertTrue(all.contains(bare), "not on the screen whole: " + line);
        }
        // the title may be cut, and shows it; no line of the plan is
        assertTrue(seen.toString().lines().filter(r -> !r.strip().startsWith("┌")).noneMatch(r -> r.contains("…")),
                "nothing is cut:\n" + seen);
        c.handle(new KeyStroke('y', false, false), frame, view);
        assertTrue(m.synproxyTable, "y once it was all seen");
    }

    @Test
    void undoTakesTheProxyOffWhenItIsNewestAndLeavesOtherUndoAlone() {
        focus(Panel.LISTEN);
        SynproxyController c = controller(false);
        assertFalse(key(c, 'u'), "nothing proxied: u is the profile undo's");
        key(c, 'P');
        key(c, 'y');
        key(c, 'n');
        assertTrue(key(c, 'u'));
        assertTrue(text(c).startsWith("undo: take port(s) 8080 off the SYN proxy"), text(c));
        key(c, 'y');
        assertEquals("1", m.get("net.netfilter.nf_conntrack_tcp_loose"));
    }

    @Test
    void withoutASelectedQueueTheSynFloodVerdictsPortIsUsed() {
        focus(Panel.REMOTES);
        assertEquals(OptionalInt.empty(), SynproxyController.port(frame, view));
        JudgedTick f = frame.get();
        JudgedTick flood = new JudgedTick(f.sample(), f.snapshot(), List.of(new Verdict(Verdict.Kind.SYN_FLOOD,
                Verdict.Severity.CRITICAL, OptionalInt.of(8443), "SYN flood on :8443", "")), f.judgement(), f.history());
        assertEquals(OptionalInt.of(8443), SynproxyController.port(Optional.of(flood), view));
        SynproxyController c = controller(false);
        key(c, 'P');
        assertTrue(text(c).contains("select a listen queue"), text(c));
    }

    @Test
    void readOnlySaysSoAndRunsNothing() {
        focus(Panel.LISTEN);
        SynproxyController c = controller(true);
        key(c, 'P');
        assertTrue(text(c).contains("read-only"), text(c));
        assertTrue(m.calls.isEmpty());
        assertTrue(c.handle(new KeyStroke(KeyType.Escape), frame, view));
        assertTrue(c.dialogText().isEmpty());
        assertFalse(key(c, 'u'), "read-only: u goes to the profile undo, which says read-only");
    }
}

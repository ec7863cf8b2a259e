package syntop.tui.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

import syntop.collectors.action.Identity;
import syntop.tui.view.Panel;

/** The console's action keys, driven key by key against a fake machine, commands run inline. */
class ActionControllerTest extends OnFakeMachine {
    private static String text(ActionController c) {
        return c.dialogText().orElse("(no dialog)");
    }

    @Test
    void pickAProfileSeeTheDiffConfirmAndSeeEachKey() {
        ActionController c = m.controller(ROOT, false);
        assertTrue(key(c, 'p'));
        assertTrue(text(c).contains("> syn-flood        built-in"), text(c));
        assertTrue(key(c, KeyType.Enter));
        String diff = text(c);
        assertTrue(diff.contains("profile syn-flood (built-in)") && diff.matches("(?s).*tcp_synack_retries\\s+5\\s+2\\s+will change.*")
                && diff.contains("[y] apply"), diff);
        key(c, 'i');
        assertTrue(text(c).contains("Risk:"), text(c));
        key(c, KeyType.Escape);
        assertTrue(text(c).contains("[y] apply"), "back to the diff");
        assertTrue(m.changes().isEmpty());
        key(c, 'y');
        String result = text(c);
        assertTrue(result.contains("ok      net.ipv4.tcp_synack_retries: 5 -> 2"), result);
        assertEquals("2", m.get("net.ipv4.tcp_synack_retries"));
        assertTrue(c.statusText().orElse("").startsWith("apply syn-flood: 2 of 2 changed"), c.statusText().toString());
        key(c, KeyType.Escape);
        assertTrue(c.dialogText().isEmpty());

        key(c, 'u');
        assertTrue(text(c).contains("undo syn-flood") && text(c).contains("[y] restore"), text(c));
        key(c, 'y');
        assertTrue(text(c).contains("restored syn-flood's previous values"), text(c));
        assertEquals("5", m.get("net.ipv4.tcp_synack_retries"));
    }

    @Test
    void whileADialogIsOpenItTakesEveryKeyButCtrlC() {
        ActionController c = m.controller(ROOT, false);
        assertFalse(key(c, 'q'), "no dialog: q is the console's");
        key(c, 'p');
        assertTrue(key(c, 'q'), "q closes the dialog instead of quitting");
        assertTrue(c.dialogText().isEmpty());
        key(c, 'p');
        assertFalse(c.handle(new KeyStroke('c', true, false), frame, view), "Ctrl-C still quits");
        assertFalse(c.handle(new KeyStroke(KeyType.EOF), frame, view));
    }

    @Test
    void dropTheSelectedRemoteShowsTheCountAndExactCommandsFirst() {
        focus(Panel.REMOTES);
        ActionController c = m.controller(ROOT, false);
        key(c, 'd');
        String d = text(c);
        assertTrue(d.contains("SYN_RCVD connections from 203.0.113.7"), d);
        assertTrue(d.contains("matching in the last sample: 40"), d);
        assertTrue(d.contains("  ss -K -H -t -n state syn-recv dst 203.0.113.7"), d);
        assertTrue(m.calls.isEmpty(), "nothing runs before y");
        key(c, 'y');
        assertTrue(text(c).contains("dropped 2 of 2"), text(c));
        assertEquals(1, m.changes().size());
    }

    @Test
    void typingIntoThePrefilledPortReplacesIt() {
        ActionController c = m.controller(ROOT, false);
        key(c, 'd');
        key(c, KeyType.Tab);
        assertTrue(text(c).contains("port:   [8080]  (typing replaces it)"), text(c));
        for (char ch : "2024".toCharArray()) {
            key(c, ch);
        }
        assertTrue(text(c).contains("port:   2024_"), "replaced, not 80802024: " + text(c));
    }

    @Test
    void dropByFilterFromTheForm() {
        ActionController c = m.controller(ROOT, false);
        key(c, 'd');
        assertTrue(text(c).contains("port:   8080"), "the selected listener's port: " + text(c));
        assertTrue(text(c).contains("state:  < SYN_RCVD >"), text(c));
        assertTrue(text(c).contains("matching in the last sample: 70 (half-open on port 8080)"), text(c));
        key(c, KeyType.Tab);
        key(c, KeyType.Tab);
        for (char ch : "203.0.113.0/24".toCharArray()) {
            key(c, ch);
        }
        assertTrue(text(c).contains("up to 65"), text(c));
        key(c, KeyType.Enter);
        assertTrue(text(c).contains("ss -K -H -t -n state syn-recv dst 203.0.113.0/24 sport = :8080"), text(c));
        key(c, 'e');
        assertTrue(text(c).contains("remote: 203.0.113.0/24"), "back to the form, filled: " + text(c));
        key(c, KeyType.ArrowLeft);
        assertTrue(text(c).contains("< any but LISTEN >"), text(c));
        key(c, KeyType.Tab);
        key(c, KeyType.Backspace);
        key(c, KeyType.Backspace);
        key(c, KeyType.Backspace);
        key(c, KeyType.Backspace);
        key(c, KeyType.Tab);
        for (int i = 0; i < 14; i++) {
            key(c, KeyType.Backspace);
        }
        key(c, KeyType.Enter);
        assertTrue(text(c).contains("say which connections"), text(c));
        assertTrue(m.calls.isEmpty());
    }

    @Test
    void blockTheSelectedRemoteOrTheTopSourcesThenListAndUnblock() {
        focus(Panel.REMOTES);
        ActionController c = m.controller(ROOT, false);
        key(c, 'b');
        String b = text(c);
        assertTrue(b.startsWith("block 203.0.113.7") && b.contains("holds 40 SYN_RCVD")
                && b.contains("nft add element inet syntop blocked '{' 203.0.113.7 '}'") && b.contains("[t] the top 3"), b);
        key(c, 't');
        assertTrue(text(c).startsWith("block 3 sources") && text(c).contains("198.51.100.9"), text(c));
        key(c, 'y');
        assertTrue(text(c).contains("3 of 3 blocked"), text(c));
        key(c, KeyType.Escape);
        key(c, 'B');
        String list = text(c);
        assertTrue(list.startsWith("blocked by syntop (3) in net:[4026531999]") && list.contains("> 203.0.113.7"), list);
        key(c, 'j');
        key(c, 'u');
        assertTrue(text(c).startsWith("unblock 203.0.113.8"), text(c));
        key(c, 'y');
        assertTrue(text(c).contains("1 of 1 unblocked"), text(c));
        assertEquals(List.of("nft", "delete", "element", "inet", "syntop", "blocked", "{", "203.0.113.8", "}"),
                m.calls.get(m.calls.size() - 1));
    }

    @Test
    void readOnlyKeysSaySoAndDoNothing() {
        ActionController c = m.controller(ROOT, true);
        for (char ch : new char[] {'p', 'u', 'd', 'b'}) {
            assertTrue(key(c, ch));
            assertTrue(c.dialogText().isEmpty());
            assertEquals(ActionController.READ_ONLY, c.statusText().orElse(""));
        }
        key(c, 'B');
        assertTrue(text(c).contains("syntop has blocked nothing"), "the list is a view, allowed");
        assertTrue(m.calls.isEmpty());
    }

    @Test
    void withoutRootTheDialogsSayItWouldBeRefused() {
        ActionController c = m.controller(Identity.of(1000, "alice"), false);
        key(c, 'p');
        key(c, KeyType.Enter);
        assertTrue(text(c).contains("does not run as root") && !text(c).contains("[y]"), text(c));
        key(c, 'y');
        assertTrue(m.changes().isEmpty());
        key(c, KeyType.Escape);
        focus(Panel.REMOTES);
        key(c, 'b');
        assertTrue(text(c).contains("does not run as root"), text(c));
        assertTrue(m.changes().isEmpty());
    }

    @Test
    void topSourcesSkipWhatSyntopNeverBlocks() {
        assertEquals(3, ActionContext.topSources(FakeMachine.floodFrame().snapshot()).size());
    }
}

package syntop.tui.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

import syntop.collectors.action.ActionRefused;
import syntop.collectors.action.CommandPlan;
import syntop.collectors.action.ConnectionFilter;
import syntop.collectors.action.IpPrefix;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.TcpState;
import syntop.themes.Role;
import syntop.collectors.judge.JudgedTick;
import syntop.tui.dialog.Box;
import syntop.tui.dialog.Confirm;
import syntop.tui.dialog.Info;
import syntop.tui.view.ListenPanel;
import syntop.tui.view.Panel;
import syntop.tui.view.RemotesPanel;
import syntop.tui.view.ViewState;

/**
 * {@code d}: drop the selected remote's connections (Top remotes panel), or those matching a state,
 * local port and remote prefix typed in a small form; the dialog shows how many match in the last
 * sample and the exact commands before confirming.
 */
final class DropDialogs {
    private static final List<Optional<TcpState>> STATES = List.of(Optional.empty(), Optional.of(TcpState.SYN_RCVD),
            Optional.of(TcpState.ESTABLISHED), Optional.of(TcpState.TIME_WAIT), Optional.of(TcpState.FIN_WAIT_1),
            Optional.of(TcpState.FIN_WAIT_2), Optional.of(TcpState.CLOSE_WAIT), Optional.of(TcpState.LAST_ACK),
            Optional.of(TcpState.CLOSING), Optional.of(TcpState.SYN_SENT));

    private final ActionContext cx;

    DropDialogs(ActionContext cx) {
        this.cx = cx;
    }

    void open(Optional<JudgedTick> frame, ViewState view) {
        Optional<RemotesPanel.Row> sel = ActionContext.selectedRemote(frame, view);
        if (sel.isPresent()) {
            cx.guarded(() -> cx.show(dropBox(new ConnectionFilter(Optional.of(sel.get().state()), OptionalInt.empty(),
                    Optional.of(IpPrefix.parse(sel.get().address()))), frame)));
            return;
        }
        DropForm form = new DropForm(frame);
        if (view.focus() == Panel.LISTEN && frame.isPresent()) {
            List<ListenQueue> ls = ListenPanel.rows(frame.get(), view);
            if (!ls.isEmpty()) {
                ListenQueue q = ls.get(Math.min(view.selection(Panel.LISTEN), ls.size() - 1));
                form.prefill(q.port());
            }
        }
        cx.show(form);
    }

    private Box dropBox(ConnectionFilter f, Optional<JudgedTick> frame) {
        CommandPlan plan = cx.actions().drops().planDrop(f);
        List<String> body = new ArrayList<>();
        body.add(f.describe());
        frame.ifPresent(fr -> body.add(MatchCount.describe(fr.snapshot(), f)));
        body.add("");
        body.add("commands, in order:");
        body.addAll(plan.lines());
        Optional<Info> notRoot = cx.needsRoot(plan.title(), body, "dropping");
        if (notRoot.isPresent()) {
            return notRoot.get();
        }
        Confirm c = new Confirm(cx.host, plan.title(), body, "[y] drop  [e] edit the filter  [n] cancel", Role.CRITICAL,
                () -> cx.background(plan.title(), () -> cx.result(cx.actions().drops().drop(f))));
        c.extra('e', () -> cx.show(new DropForm(frame).from(f)));
        return c;
    }

    /**
     * State, local port and remote prefix for a drop, typed in place. A value filled in for the
     * operator is replaced by the first character typed into it, as in a form field that opens
     * selected.
     */
    private final class DropForm extends Box {
        private int state;
        private final StringBuilder port = new StringBuilder();
        private final StringBuilder remote = new StringBuilder();
        private boolean portSelected;
        private boolean remoteSelected;
        private int field;
        private String error = "";
        private final Optional<JudgedTick> frame;

        DropForm(Optional<JudgedTick> frame) {
            super(cx.host, "drop connections", "[Tab] next field  [←/→] state  [Enter] review  [Esc] cancel",
                    Role.DIALOG_BORDER);
            this.frame = frame;
        }

        /** SYN_RCVD on the selected listener's port, the port selected so that typing replaces it. */
        void prefill(int localPort) {
            state = 1;
            port.append(localPort);
            portSelected = true;
        }

        DropForm from(ConnectionFilter f) {
            state = Math.max(0, STATES.indexOf(f.state()));
            f.localPort().ifPresent(port::append);
            f.remote().ifPresent(remote::append);
            portSelected = port.length() > 0;
            remoteSelected = remote.length() > 0;
            return this;
        }

        private Optional<ConnectionFilter> filter() {
            try {
                return Optional.of(ConnectionFilter.of(STATES.get(state).map(TcpState::name).orElse(""), port.toString(),
                        remote.toString()));
            } catch (ActionRefused e) {
                return Optional.empty();
            }
        }

        private static String field(StringBuilder value, boolean selected, boolean focused) {
            return selected && focused ? "[" + value + "]" : value + (focused ? "_" : "");
        }

        @Override
        public List<String> body(int rows, int width) {
            List<String> out = new ArrayList<>();
            out.add((field == 0 ? "> " : "  ") + "state:  < " + STATES.get(state).map(TcpState::name).orElse("any but LISTEN") + " >");
            out.add((field == 1 ? "> " : "  ") + "port:   " + field(port, portSelected, field == 1)
                    + (field == 1 && portSelected ? "  (typing replaces it)" : ""));
            out.add((field == 2 ? "> " : "  ") + "remote: " + field(remote, remoteSelected, field == 2)
                    + (remote.length() == 0 ? "  (address or prefix, e.g. 203.0.113.0/24)" : ""));
            out.add("");
            Optional<ConnectionFilter> f = filter();
            if (!error.isEmpty()) {
                out.add(error);
            } else if (f.isPresent() && frame.isPresent()) {
                out.add(MatchCount.describe(frame.get().snapshot(), f.get()));
            } else {
                out.add("give at least one of state, port, remote");
            }
            return out;
        }

        @Override
        public void key(KeyStroke k) {
            KeyType t = k.getKeyType();
            error = "";
            if (t == KeyType.Tab || t == KeyType.ArrowDown) {
                field = (field + 1) % 3;
            } else if (t == KeyType.ReverseTab || t == KeyType.ArrowUp) {
                field = (field + 2) % 3;
            } else if (field == 0 && (t == KeyType.ArrowRight || t == KeyType.ArrowLeft)) {
                state = (state + (t == KeyType.ArrowRight ? 1 : STATES.size() - 1)) % STATES.size();
            } else if (t == KeyType.Backspace) {
                StringBuilder sb = field == 1 ? port : field == 2 ? remote : null;
                if (sb != null && sb.length() > 0) {
                    sb.setLength(sb.length() - 1);
                }
                unselect();
            } else if (t == KeyType.Enter) {
                try {
                    cx.show(dropBox(ConnectionFilter.of(STATES.get(state).map(TcpState::name).orElse(""), port.toString(),
                            remote.toString()), frame));
                } catch (ActionRefused e) {
                    if (e.reason() == ActionRefused.Reason.INVALID) {
                        error = e.getMessage();
                    } else {
                        cx.show(cx.refused(e));
                    }
                }
            } else if (t == KeyType.Character && field == 1 && Character.isDigit(k.getCharacter())) {
                type(port, portSelected, k.getCharacter(), 5);
            } else if (t == KeyType.Character && field == 2 && "0123456789abcdefABCDEF.:/".indexOf(k.getCharacter()) >= 0) {
                type(remote, remoteSelected, k.getCharacter(), 43);
            } else if (t == KeyType.Escape) {
                close();
            }
        }

        private void type(StringBuilder sb, boolean selected, char c, int max) {
            if (selected) {
                sb.setLength(0);
            }
            unselect();
            if (sb.length() < max) {
                sb.append(c);
            }
        }

        private void unselect() {
            if (field == 1) {
                portSelected = false;
            } else if (field == 2) {
                remoteSelected = false;
            }
        }
    }
}

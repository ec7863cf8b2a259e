package syntop.tui.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import syntop.collectors.action.ActionRefused;
import syntop.collectors.action.BlockedList;
import syntop.collectors.action.CommandPlan;
import syntop.collectors.action.IpPrefix;
import syntop.collectors.model.AddressCount;
import syntop.themes.Role;
import syntop.collectors.judge.JudgedTick;
import syntop.tui.dialog.Box;
import syntop.tui.dialog.Confirm;
import syntop.tui.dialog.Info;
import syntop.tui.dialog.Pick;
import syntop.tui.view.RemotesPanel;
import syntop.tui.view.ViewState;

/**
 * {@code b}: block the selected remote, or the top SYN_RCVD sources; {@code B} (or {@code l} in
 * that dialog) lists what syntop blocked and unblocks.
 */
final class BlockDialogs {
    private final ActionContext cx;

    BlockDialogs(ActionContext cx) {
        this.cx = cx;
    }

    void openBlock(Optional<JudgedTick> frame, ViewState view) {
        cx.guarded(() -> {
            List<AddressCount> top = frame.map(f -> ActionContext.topSources(f.snapshot())).orElse(List.of());
            Optional<RemotesPanel.Row> sel = ActionContext.selectedRemote(frame, view);
            if (sel.isPresent()) {
                RemotesPanel.Row r = sel.get();
                cx.show(blockBox(List.of(IpPrefix.parse(r.address())),
                        List.of(r.address() + " holds " + r.count() + " " + r.state().name() + " connection(s) in the last sample"),
                        top));
            } else if (!top.isEmpty()) {
                cx.show(blockTop(top));
            } else {
                Info i = new Info(cx.host, "block", List.of("no SYN_RCVD sources in the last sample; select a remote in the "
                        + "Top remotes panel (Tab) and press b"), "[l] blocked list  [Esc] close", Role.DIALOG_BORDER);
                i.extra('l', this::openBlocked);
                cx.show(i);
            }
        });
    }

    private Box blockTop(List<AddressCount> top) {
        return blockBox(top.stream().map(a -> IpPrefix.parse(a.address())).toList(), ActionContext.describeTop(top), List.of());
    }

    private Box blockBox(List<IpPrefix> wanted, List<String> why, List<AddressCount> alternative) {
        List<IpPrefix> ok = new ArrayList<>();
        List<String> body = new ArrayList<>(why);
        List<String> commands = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (IpPrefix p : wanted) {
            try {
                CommandPlan plan = cx.actions().blocks().planBlock(p);
                ok.add(p);
                for (CommandPlan.Step s : plan.steps()) {
                    if (!commands.contains("  " + s.shown())) {
                        commands.add("  " + s.shown());
                    }
                }
                plan.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
            } catch (ActionRefused e) {
                body.add("skipped: " + e.getMessage());
            }
        }
        body.add("");
        body.add("commands, in order:");
        body.addAll(commands);
        notes.forEach(n -> body.add("note: " + n));
        String title = "block " + (ok.size() == 1 ? ok.get(0).toString() : ok.size() + " sources");
        Optional<Info> refused = ok.isEmpty() ? Optional.of(nothingToBlock(title, body)) : cx.needsRoot(title, body, "blocking");
        if (refused.isPresent()) {
            refused.get().extra('l', this::openBlocked);
            return refused.get();
        }
        String more = alternative.isEmpty() ? "" : "  [t] the top " + alternative.size() + " SYN_RCVD instead";
        Confirm c = new Confirm(cx.host, title, body, "[y] block" + more + "  [l] blocked list  [n] cancel", Role.CRITICAL,
                () -> cx.background(title, () -> cx.result(cx.actions().blocks().block(ok))));
        c.extra('l', this::openBlocked);
        if (!alternative.isEmpty()) {
            c.extra('t', () -> cx.guarded(() -> cx.show(blockTop(alternative))));
        }
        return c;
    }

    private Info nothingToBlock(String title, List<String> body) {
        List<String> all = new ArrayList<>(body);
        all.add("nothing to block");
        return new Info(cx.host, title, all, "[l] blocked list  [Esc] close", Role.WARN);
    }

    void openBlocked() {
        cx.guarded(() -> {
            List<BlockedList.Entry> list = cx.actions().blocks().blocked();
            if (list.isEmpty()) {
                cx.show(cx.info("blocked by syntop", List.of("syntop has blocked nothing"), Role.DIALOG_BORDER));
                return;
            }
            List<String> items = list.stream().map(e -> String.format(Locale.ROOT, "%-32s %s  since %s", e.source(),
                    cx.actions().interventions().describe(e.target()), e.at().toString().substring(0, 16).replace('T', ' '))).toList();
            Pick pick = new Pick(cx.host, "blocked by syntop (" + list.size() + ") in " + cx.actions().namespace(), items,
                    "[u] unblock  [Esc] close", null);
            pick.extra('u', i -> {
                if (cx.readOnly) {
                    cx.host.status(ActionController.READ_ONLY, true);
                    return;
                }
                IpPrefix p = list.get(i).source();
                cx.guarded(() -> {
                    CommandPlan plan = cx.actions().blocks().planUnblock(p);
                    List<String> body = plan.lines();
                    cx.show(cx.needsRoot(plan.title(), body, "unblocking").<Box>map(b -> b).orElseGet(() ->
                            new Confirm(cx.host, plan.title(), body, "[y] unblock  [n] cancel", Role.DIALOG_BORDER,
                                    () -> cx.background(plan.title(), () -> cx.result(cx.actions().blocks().unblock(List.of(p)))))));
                });
            });
            cx.show(pick);
        });
    }
}

package syntop.tui.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import syntop.collectors.action.Profile;
import syntop.collectors.action.ProfileCatalog;
import syntop.collectors.action.ProfileDiff;
import syntop.themes.Role;
import syntop.tui.dialog.Box;
import syntop.tui.dialog.Confirm;
import syntop.tui.dialog.Info;
import syntop.tui.dialog.Pick;

/** {@code p}: pick a profile, see the diff, confirm, see each key's result; {@code u}: see what undo restores, confirm. */
final class TuningDialogs {
    private final ActionContext cx;

    TuningDialogs(ActionContext cx) {
        this.cx = cx;
    }

    void openProfiles() {
        cx.guarded(() -> {
            List<ProfileCatalog.Ref> refs = cx.actions().profiles().list();
            List<String> items = refs.stream()
                    .map(r -> String.format(Locale.ROOT, "%-16s %s", r.name(), r.origin())).toList();
            cx.show(new Pick(cx.host, "apply a sysctl profile", items, "[Enter] see the diff  [Esc] cancel", i -> {
                String name = refs.get(i).path().map(Object::toString).orElse(refs.get(i).name());
                cx.background("profile " + refs.get(i).name(), () -> diffBox(cx.actions().profiles().load(name)));
            }));
        });
    }

    private Box diffBox(Profile p) {
        ProfileDiff d = cx.actions().tuning().diff(p);
        List<String> body = new ArrayList<>(d.lines());
        body.add("");
        body.add(d.summary());
        List<String> notes = new ArrayList<>();
        for (Profile.Entry e : p.entries()) {
            if (!e.note().isEmpty()) {
                notes.add(e.key() + ":");
                e.note().forEach(n -> notes.add("  " + n));
            }
        }
        if (d.anyInvalid()) {
            body.add("refused: fix the profile; nothing can be applied");
            return cx.info(d.title(), body, Role.WARN);
        }
        if (d.count(ProfileDiff.Change.CHANGE) == 0) {
            body.add("nothing to change");
            return cx.info(d.title(), body, Role.DIALOG_BORDER);
        }
        body.add("previous values are saved first; u undoes");
        Optional<Info> notRoot = cx.needsRoot(d.title(), body, "applying");
        if (notRoot.isPresent()) {
            return notRoot.get();
        }
        Confirm c = new Confirm(cx.host, d.title(), body, "[y] apply  [i] what each key does  [n] cancel", Role.CRITICAL,
                () -> cx.background("apply " + p.name(), () -> cx.result(cx.actions().tuning().apply(p))));
        c.extra('i', () -> cx.show(new Info(cx.host, p.name() + ": what each key does and risks", notes, "[Esc] back",
                Role.DIALOG_BORDER).onClose(() -> cx.show(c))));
        return c;
    }

    void openUndo() {
        cx.background("undo", () -> {
            Optional<ProfileDiff> d = cx.actions().tuning().undoDiff();
            if (d.isEmpty()) {
                return cx.info("undo", List.of(cx.actions().tuning().nothingToUndo()), Role.DIALOG_BORDER);
            }
            List<String> body = new ArrayList<>(d.get().lines());
            body.add("");
            body.add("restores the values this profile replaced (the \"new\" column)");
            Optional<Info> notRoot = cx.needsRoot(d.get().title(), body, "undoing");
            if (notRoot.isPresent()) {
                return notRoot.get();
            }
            return new Confirm(cx.host, d.get().title(), body, "[y] restore  [n] cancel", Role.CRITICAL,
                    () -> cx.background("undo", () -> cx.result(cx.actions().tuning().undo())));
        });
    }
}

package syntop.tui.cli;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import syntop.collectors.action.ActionIntent;
import syntop.collectors.action.ActionRefused;
import syntop.collectors.action.Actions;
import syntop.collectors.action.Profile;
import syntop.collectors.action.ProfileCatalog;
import syntop.collectors.action.ProfileDiff;
import syntop.collectors.knowledge.Knowledge;
import syntop.collectors.knowledge.KnowledgeEntry;

/** {@code syntop apply PROFILE}: a saved set of sysctl values, with a diff, confirmation and undo. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply a sysctl profile: show the diff, confirm, set each key, report each result.",
            "The previous values are saved first; 'syntop undo' restores them, also after a restart.",
            "PROFILE is a name (built-in, ~/.config/syntop/profiles, /etc/syntop/profiles) or a file."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:applied, or nothing to change", "1:a key could not be set (see the report)",
            "2:bad profile, key or value", "3:refused: read-only, not root, unsafe file, not confirmed"})
final class ApplyCommand extends ChangeCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PROFILE", description = "profile name or file")
    String profile;

    @Override
    @Option(names = "--dry-run", description = "show the diff and the exact commands; change nothing")
    void dryRun(boolean on) {
        dryRun = on;
    }

    @Option(names = {"-l", "--list"}, description = "list the profiles and where each comes from")
    boolean list;

    @Override
    int run() {
        Actions a = actions();
        if (list || profile == null) {
            for (ProfileCatalog.Ref r : a.profiles().list()) {
                out().printf("%-20s %s%n", r.name(), r.origin());
            }
            if (profile == null && !list) {
                err().println("syntop apply: which profile? (names above, or a file path)");
                return ExitCodes.USAGE;
            }
            return ExitCodes.OK;
        }
        attempting(a, ActionIntent.apply(profile.strip()));
        Profile p = a.profiles().load(profile);
        ActionIntent intent = ActionIntent.apply(p);
        attempting(a, intent);
        ProfileDiff d = a.tuning().diff(p);
        out().println(d.title() + " on this " + a.os().token() + " machine:");
        Knowledge knowledge = Knowledge.builtIn();
        print(d.lines(key -> knowledge.find(key).map(KnowledgeEntry::what)));
        List<String> commands = d.rows().stream().filter(r -> r.change() == ProfileDiff.Change.CHANGE)
                .map(r -> "  " + syntop.collectors.action.Argv.shown(a.interventions().sysctlWrite(r.key(), r.wanted())))
                .toList();
        if (!commands.isEmpty()) {
            out().println("commands, in order (previous values are saved first):");
            print(commands);
        }
        out().println(d.summary());
        if (d.anyInvalid()) {
            throw new ActionRefused(ActionRefused.Reason.INVALID, "profile " + p.name() + " refused; nothing applied");
        }
        if (!dryRun && d.count(ProfileDiff.Change.CHANGE) == 0) {
            out().println("nothing to change");
            return ExitCodes.OK;
        }
        return change(a, intent, "Apply " + d.count(ProfileDiff.Change.CHANGE) + " change(s) of profile " + p.name() + "?",
                () -> a.tuning().apply(p));
    }
}

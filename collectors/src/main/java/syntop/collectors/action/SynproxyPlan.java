package syntop.collectors.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What putting ports behind (or taking them from) syntop's SYN proxy will do, shown before
 * confirming and by {@code --dry-run}: the kernel settings it changes (the diff), the firewall
 * commands in order, each with the exact text it is fed on standard input where it has one, and
 * what the operator should know. Every command is an argument vector; nothing goes through a shell.
 *
 * @param title    one line: what the plan does
 * @param settings the kernel settings it changes (empty on the BSDs)
 * @param steps    the firewall commands in order
 * @param notes    what it does not do, where the options came from, what is missing
 */
public record SynproxyPlan(String title, List<SettingChange> settings, List<Step> steps, List<String> notes) {
    /** One kernel setting changed: from its value now to the value the proxy needs, and why. */
    public record SettingChange(String key, String from, String to, String why) {
        public SettingChange {
            Objects.requireNonNull(key);
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
            Objects.requireNonNull(why);
        }
    }

    /**
     * One firewall command.
     *
     * @param what  in words
     * @param argv  the command
     * @param stdin the text it reads on standard input ({@code nft -f -}, {@code pfctl -f -}); empty for none
     */
    public record Step(String what, List<String> argv, String stdin) {
        public Step {
            Objects.requireNonNull(what);
            argv = List.copyOf(argv);
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("empty argv");
            }
            Objects.requireNonNull(stdin);
        }

        public static Step of(String what, List<String> argv) {
            return new Step(what, argv, "");
        }

        public boolean fed() {
            return !stdin.isEmpty();
        }
    }

    public SynproxyPlan {
        Objects.requireNonNull(title);
        settings = List.copyOf(settings);
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    /** The lines a dialog or {@code --dry-run} shows: the settings diff, each command with its input, the notes. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (SettingChange s : settings) {
            out.add("  " + s.key() + ": " + s.from() + " -> " + s.to() + " (" + s.why() + ")");
        }
        for (Step s : steps) {
            out.add("  " + Argv.shown(s.argv()) + (s.fed() ? "   <<" : ""));
            if (s.fed()) {
                s.stdin().lines().forEach(l -> out.add("      | " + l));
            }
        }
        for (String n : notes) {
            out.add("note: " + n);
        }
        return out;
    }
}

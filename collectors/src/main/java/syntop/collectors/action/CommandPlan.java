package syntop.collectors.action;

import java.util.List;
import java.util.Objects;

/**
 * What an action will run, in order, with a human description, shown before confirming and by
 * {@code --dry-run}. Every command is an argument vector; nothing goes through a shell.
 *
 * @param title  one line: what the plan does
 * @param steps  the commands in order
 * @param notes  what the operator should know (limits of the tool, what it does not do)
 */
public record CommandPlan(String title, List<Step> steps, List<String> notes) {
    /** One command of a plan. */
    public record Step(Kind kind, String what, List<String> argv) {
        public Step {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(what);
            argv = List.copyOf(argv);
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("empty argv");
            }
        }

        /** The argv as an operator would type it (for display only: it is never run this way). */
        public String shown() {
            return Argv.shown(argv);
        }
    }

    /** What a step does to the system. */
    public enum Kind {
        /** Reads only (counts or lists); also run by a dry run. */
        QUERY,
        /** Changes the system. */
        CHANGE,
        /**
         * A template run once per connection the preceding query listed (FreeBSD's per-connection
         * tcpdrop); its argv shows the shape with placeholders.
         */
        EACH
    }

    public CommandPlan {
        Objects.requireNonNull(title);
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    public static Step query(String what, List<String> argv) {
        return new Step(Kind.QUERY, what, argv);
    }

    public static Step change(String what, List<String> argv) {
        return new Step(Kind.CHANGE, what, argv);
    }

    public static Step each(String what, List<String> argvTemplate) {
        return new Step(Kind.EACH, what, argvTemplate);
    }

    /** The lines a dialog or {@code --dry-run} shows: each command, then the notes. */
    public List<String> lines() {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (Step s : steps) {
            out.add((s.kind() == Kind.QUERY ? "  (read) " : "  ") + s.shown());
        }
        for (String n : notes) {
            out.add("note: " + n);
        }
        return out;
    }
}

package syntop.tui.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A zsh completion function ({@code _syntop}) made from picocli's model of the command line:
 * one {@code _arguments} call per command, with the first line of each option's description,
 * the values an option accepts when they are known (enums), and file names for paths. picocli's
 * own generator writes bash only; this is its zsh twin in zsh's native style, so {@code compinit}
 * can autoload it from {@code $fpath}.
 */
final class ZshCompletion {
    /** Where the first sentence ends: not at "e.g. 100M". */
    private static final Pattern SENTENCE_END = Pattern.compile("\\.\\s+(?=[A-Z])");

    private ZshCompletion() {
    }

    static String script(CommandSpec root) {
        StringBuilder s = new StringBuilder();
        s.append("#compdef ").append(root.name()).append('\n');
        s.append("# zsh completion for ").append(root.name())
                .append(", made from its command-line model by '").append(root.name()).append(" completion zsh'.\n");
        function(s, root, functionName(root));
        // Autoloaded from $fpath the file is the function's body; sourced, it registers the function.
        String main = functionName(root);
        s.append("\nif [ \"$funcstack[1]\" = \"").append(main).append("\" ]; then\n  ").append(main)
                .append(" \"$@\"\nelse\n  compdef ").append(main).append(' ').append(root.name()).append("\nfi\n");
        return s.toString();
    }

    private static String functionName(CommandSpec spec) {
        return "_" + spec.qualifiedName("_").replace('-', '_');
    }

    private static void function(StringBuilder s, CommandSpec spec, String name) {
        Map<String, CommandLine> subs = visibleSubcommands(spec);
        s.append('\n').append(name).append("() {\n");
        if (!subs.isEmpty()) {
            s.append("  local curcontext=\"$curcontext\" state line\n  typeset -A opt_args\n");
        }
        s.append("  _arguments -s -S");
        if (!subs.isEmpty()) {
            s.append(" -C");
        }
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                s.append(" \\\n    ").append(option(o));
            }
        }
        if (subs.isEmpty()) {
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (!p.hidden()) {
                    s.append(" \\\n    ").append(positional(p));
                }
            }
            s.append("\n}\n");
            return;
        }
        s.append(" \\\n    '1: :->command' \\\n    '*:: :->argument'\n");
        s.append("  case $state in\n    command)\n      local -a commands\n      commands=(\n");
        for (Map.Entry<String, CommandLine> e : subs.entrySet()) {
            s.append("        ").append(quote(escapeColons(e.getKey()) + ":" + firstLine(e.getValue().getCommandSpec())))
                    .append('\n');
        }
        s.append("      )\n      _describe -t commands '").append(spec.name()).append(" command' commands\n      ;;\n");
        s.append("    argument)\n      case $line[1] in\n");
        for (Map.Entry<String, CommandLine> e : subs.entrySet()) {
            s.append("        ").append(e.getKey()).append(") ").append(functionName(e.getValue().getCommandSpec()))
                    .append(" ;;\n");
        }
        s.append("      esac\n      ;;\n  esac\n}\n");
        for (CommandLine sub : subs.values()) {
            function(s, sub.getCommandSpec(), functionName(sub.getCommandSpec()));
        }
    }

    private static Map<String, CommandLine> visibleSubcommands(CommandSpec spec) {
        Map<String, CommandLine> out = new LinkedHashMap<>();
        spec.subcommands().forEach((name, cl) -> {
            if (!cl.getCommandSpec().usageMessage().hidden() && name.equals(cl.getCommandName())) {
                out.put(name, cl); // aliases complete through their command's entry
            }
        });
        return out;
    }

    /** {@code '(-d --delay)'{-d,--delay}'[seconds between samples]:SECONDS:'} and its kin. */
    private static String option(OptionSpec o) {
        String[] names = o.names();
        String description = "[" + escapeBrackets(firstLine(o.description())) + "]" + value(o);
        boolean repeatable = o.isMultiValue() && o.arity().max() > 0;
        String exclusions = repeatable || names.length == 1 ? "" : quote("(" + String.join(" ", names) + ")");
        String star = repeatable ? "*" : "";
        if (names.length == 1) {
            return quote(star + names[0] + suffix(names[0], o) + description);
        }
        List<String> withSuffix = new ArrayList<>();
        for (String n : names) {
            withSuffix.add(n + suffix(n, o));
        }
        return exclusions + (star.isEmpty() ? "" : quote(star)) + "{" + String.join(",", withSuffix) + "}"
                + quote(description);
    }

    /** A long option's value may follow an '=' or a space, a short one's directly or after a space. */
    private static String suffix(String name, OptionSpec o) {
        if (o.arity().max() == 0) {
            return "";
        }
        return name.startsWith("--") ? "=" : "+";
    }

    private static String value(OptionSpec o) {
        if (o.arity().max() == 0) {
            return "";
        }
        return ":" + escapeColons(o.paramLabel()) + ":" + action(o);
    }

    private static String positional(PositionalParamSpec p) {
        String position = p.isMultiValue() ? "*" : String.valueOf(p.index().min() + 1);
        return quote(position + ":" + escapeColons(p.paramLabel()) + ":" + action(p));
    }

    /** The values zsh offers: the known ones, file names for paths, else none (a free word). */
    private static String action(ArgSpec a) {
        List<String> candidates = new ArrayList<>();
        if (a.completionCandidates() != null) {
            a.completionCandidates().forEach(candidates::add);
        }
        if (!candidates.isEmpty()) {
            List<String> escaped = new ArrayList<>();
            for (String c : candidates) {
                escaped.add(c.replace("\\", "\\\\").replace(" ", "\\ ").replace("(", "\\(").replace(")", "\\)"));
            }
            return "(" + String.join(" ", escaped) + ")";
        }
        Class<?> type = a.type();
        if (Path.class.isAssignableFrom(type) || File.class.isAssignableFrom(type)
                || (a.isMultiValue() && a.auxiliaryTypes().length > 0
                    && Path.class.isAssignableFrom(a.auxiliaryTypes()[0]))) {
            return "_files";
        }
        return " ";
    }

    private static String firstLine(CommandSpec spec) {
        String[] d = spec.usageMessage().description();
        return firstLine(d);
    }

    private static String firstLine(String[] lines) {
        if (lines == null || lines.length == 0) {
            return "";
        }
        String line = lines[0].strip();
        Matcher sentence = SENTENCE_END.matcher(line);
        line = sentence.find() ? line.substring(0, sentence.start()) : line;
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    private static String escapeBrackets(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
    }

    private static String escapeColons(String text) {
        return text.replace(":", "\\:");
    }

    /** Single-quoted for zsh: a quote inside becomes '\''. */
    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}

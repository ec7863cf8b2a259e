package syntop.collectors.alert;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an {@code --on-verdict} command into an argument vector, without a shell. Words are
 * separated by blanks; {@code '…'} keeps everything inside as it is; {@code "…"} too, but refuses
 * {@code $ ` \} inside (a shell would expand them); adjacent pieces join into one word, as in a shell.
 * Anything a shell would treat as syntax outside quotes ({@code ; | & $ ` < > ( ) \ * ? [ ] { } ~ #},
 * a line break) is refused with the reason, so nobody believes a pipeline or a redirection runs.
 */
public final class HookCommand {
    private static final String SHELL_SYNTAX = ";|&$`<>()\\*?[]{}~#";

    private HookCommand() {
    }

    /** The argument vector; an {@link IllegalArgumentException} whose message says what is wrong and what to do. */
    public static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < command.length()) {
            char c = command.charAt(i);
            if (c == '\n' || c == '\r') {
                throw new IllegalArgumentException("a line break is not allowed: give one command; "
                        + "for several, write a script and give its path");
            }
            if (c == ' ' || c == '\t') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            if (c == '\'' || c == '"') {
                int close = command.indexOf(c, i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("the quote " + c + " at character " + (i + 1) + " is not closed");
                }
                String inside = command.substring(i + 1, close);
                if (c == '"') {
                    for (char x : inside.toCharArray()) {
                        if (x == '$' || x == '`' || x == '\\') {
                            throw refused(x, true);
                        }
                    }
                }
                if (inside.indexOf('\n') >= 0 || inside.indexOf('\r') >= 0) {
                    throw new IllegalArgumentException("a line break is not allowed, even in quotes");
                }
                word.append(inside);
                inWord = true;
                i = close + 1;
                continue;
            }
            if (SHELL_SYNTAX.indexOf(c) >= 0) {
                throw refused(c, false);
            }
            word.append(c);
            inWord = true;
            i++;
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty() || words.get(0).isEmpty()) {
            throw new IllegalArgumentException("no command given");
        }
        return List.copyOf(words);
    }

    private static IllegalArgumentException refused(char c, boolean inDoubleQuotes) {
        String where = inDoubleQuotes ? " inside double quotes" : "";
        String why;
        switch (c) {
            case '$':
                why = "variables are not expanded (there is no shell); the verdict is in the SYNTOP_VERDICT_* "
                        + "environment variables of the command; use single quotes for a literal $";
                break;
            case '|': case ';': case '&':
                why = "pipelines, lists and background jobs need a shell; write a script and give its path";
                break;
            case '<': case '>':
                why = "redirections need a shell; let the command write its own file (e.g. tcpdump -w FILE)";
                break;
            case '*': case '?': case '[': case ']': case '{': case '}': case '~':
                why = "there is no shell to expand patterns or ~; write the path out, or quote the character";
                break;
            default:
                why = "it is shell syntax, and the command runs without a shell; quote it with single quotes, "
                        + "or write a script and give its path";
                break;
        }
        return new IllegalArgumentException("'" + c + "'" + where + " is refused: " + why);
    }
}

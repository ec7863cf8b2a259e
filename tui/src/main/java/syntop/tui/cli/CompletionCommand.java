package syntop.tui.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code syntop completion bash|zsh}: the shell completion script, made from the same command-line
 * model that parses the arguments, so it always knows every subcommand and option of this build.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print the shell completion script for bash or zsh.",
            "bash: source <(syntop completion bash), or save it as ~/.local/share/bash-completion/completions/syntop.",
            "zsh: save it as _syntop in a directory on $fpath, e.g. syntop completion zsh > \"${fpath[1]}/_syntop\"."})
final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    Shell shell;

    @Spec
    CommandSpec spec;

    /** The script for {@code shell}, for the whole command line {@code root} belongs to. */
    static String script(Shell shell, CommandLine root) {
        return switch (shell) {
            // sourced, never run: picocli's #! line would only mislead (and lintian flags it)
            case bash -> AutoComplete.bash("syntop", root).replaceFirst("\\A#![^\n]*\n", "");
            case zsh -> ZshCompletion.script(root.getCommandSpec());
        };
    }

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        spec.commandLine().getOut().print(script(shell, root));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}

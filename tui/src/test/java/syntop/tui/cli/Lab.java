package syntop.tui.cli;

/** The attack lab's server namespace (its scripts: {@link syntop.tui.lab.LabScripts}). */
final class Lab {
    static final String SERVER = "syntop-srv";

    private Lab() {
    }
}

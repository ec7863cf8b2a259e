package syntop.collectors.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import syntop.collectors.model.OsFamily;

/** An entry as text for a terminal: wrapped paragraphs, the OS asked about first, the live value when known. */
public final class Explanation {
    private static final int WIDTH = 78;
    private static final int INDENT = 13;

    private Explanation() {
    }

    /**
     * The lines explaining {@code e} for {@code os}. {@code live} is the value on this machine, when it
     * was read (a sentence saying why not otherwise); empty when syntop does not read it here.
     */
    public static List<String> lines(KnowledgeEntry e, OsFamily os, Optional<String> live) {
        List<String> out = new ArrayList<>();
        out.add(e.name() + "  (" + e.kind().label() + ")");
        field(out, "what", e.what());
        field(out, "unit", e.unit());
        for (OsFamily o : order(os)) {
            e.on(o).ifPresent(t -> field(out, o.token(), t));
        }
        live.ifPresent(v -> field(out, "live", v));
        field(out, "limits", e.limits());
        field(out, e.kind() == KnowledgeEntry.Kind.TUNABLE ? "trade-off" : "reading", e.tradeoff());
        field(out, "source", e.source());
        return out;
    }

    private static List<OsFamily> order(OsFamily first) {
        List<OsFamily> o = new ArrayList<>();
        o.add(first);
        for (OsFamily f : OsFamily.values()) {
            if (f != first) {
                o.add(f);
            }
        }
        return o;
    }

    private static void field(List<String> out, String label, String text) {
        if (text.isEmpty()) {
            return;
        }
        StringBuilder head = new StringBuilder("  " + label + ":");
        do {
            head.append(' ');
        } while (head.length() < INDENT);
        if (!label.equals("source")) {
            wrap(out, head.toString(), text);
            return;
        }
        // one source to a line, so each can be copied and opened as it is
        for (String source : text.split(";\\s*")) {
            wrap(out, head.toString(), source);
            head = new StringBuilder(" ".repeat(INDENT));
        }
    }

    private static void wrap(List<String> out, String head, String text) {
        String pad = " ".repeat(INDENT);
        StringBuilder line = new StringBuilder(head);
        boolean first = true;
        for (String word : text.split(" ")) {
            if (!first && line.length() + 1 + word.length() > WIDTH) {
                out.add(line.toString());
                line = new StringBuilder(pad);
                first = true;
            }
            if (!first) {
                line.append(' ');
            }
            line.append(word);
            first = false;
        }
        out.add(line.toString());
    }
}

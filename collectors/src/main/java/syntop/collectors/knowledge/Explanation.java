package syntop.collectors.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import syntop.collectors.model.OsFamily;

/** An entry as text: its fields in order, the OS asked about first, the live value when known, one source to a line. */
public final class Explanation {
    private static final int WIDTH = 78;
    private static final int INDENT = 13;

    private Explanation() {
    }

    /**
     * The lines explaining {@code e} for {@code os}, wrapped to 78 columns with the text of every field in
     * one column, for a terminal. {@code live} is the value on this machine, when it was read (a sentence
     * saying why not otherwise); empty when syntop does not read it here.
     */
    public static List<String> lines(KnowledgeEntry e, OsFamily os, Optional<String> live) {
        List<String> out = new ArrayList<>();
        out.add(heading(e));
        String label = null;
        for (Map.Entry<String, String> f : fields(e, os, live)) {
            StringBuilder head = new StringBuilder(f.getKey().equals(label) ? "" : "  " + f.getKey() + ":");
            do {
                head.append(' ');
            } while (head.length() < INDENT);
            wrap(out, head.toString(), f.getValue());
            label = f.getKey();
        }
        return out;
    }

    /**
     * The same text with each field on one unwrapped line ("  what: …"), for a view that wraps lines
     * itself and keeps their indent.
     */
    public static List<String> paragraphs(KnowledgeEntry e, OsFamily os, Optional<String> live) {
        List<String> out = new ArrayList<>();
        out.add(heading(e));
        String label = null;
        for (Map.Entry<String, String> f : fields(e, os, live)) {
            out.add((f.getKey().equals(label) ? "    " : "  " + f.getKey() + ": ") + f.getValue());
            label = f.getKey();
        }
        return out;
    }

    private static String heading(KnowledgeEntry e) {
        return e.name() + "  (" + e.kind().label() + ")";
    }

    /** Label and text of each field shown, in order; each source is a field of its own under the same label. */
    private static List<Map.Entry<String, String>> fields(KnowledgeEntry e, OsFamily os, Optional<String> live) {
        List<Map.Entry<String, String>> f = new ArrayList<>();
        add(f, "what", e.what());
        add(f, "unit", e.unit());
        for (OsFamily o : order(os)) {
            e.on(o).ifPresent(t -> add(f, o.token(), t));
        }
        live.ifPresent(v -> add(f, "live", v));
        add(f, "limits", e.limits());
        add(f, e.kind() == KnowledgeEntry.Kind.TUNABLE ? "trade-off" : "reading", e.tradeoff());
        // one source to a line, so each can be copied and opened as it is
        for (String source : e.source().split(";\\s*")) {
            add(f, "source", source);
        }
        return f;
    }

    private static void add(List<Map.Entry<String, String>> fields, String label, String text) {
        if (!text.isEmpty()) {
            fields.add(Map.entry(label, text));
        }
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

package syntop.widgets;

import com.googlecode.lanterna.TextCharacter;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Text measured in terminal cells, the way Lanterna draws it: a CJK character or an emoji takes
 * two cells, a combining accent joins the character before it, control characters are shown as
 * {@code ?} (a tab as a space), zero-width format characters are dropped. Every function that takes
 * a width returns text no wider than that width.
 */
public final class Texts {

    /** The ellipsis of {@link #ellipsize(String, int)}. */
    public static final String ELLIPSIS = "…";

    private Texts() {
    }

    /** One drawable cell of text: a grapheme and its width, 1 or 2. */
    record Cell(String text, int width) {
    }

    /** The text split into drawable cells. */
    static List<Cell> cells(String s) {
        if (s == null || s.isEmpty()) {
            return List.of();
        }
        List<Cell> out = new ArrayList<>(s.length());
        if (isPlainAscii(s)) {
            for (int i = 0; i < s.length(); i++) {
                out.add(new Cell(String.valueOf(s.charAt(i)), 1));
            }
            return out;
        }
        for (TextCharacter c : TextCharacter.fromString(sanitize(s))) {
            String text = c.getCharacterString();
            int first = text.codePointAt(0);
            int type = Character.getType(first);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
                continue;
            }
            out.add(new Cell(text, c.isDoubleWidth() ? 2 : 1));
        }
        return out;
    }

    /**
     * The text for an ASCII-only terminal: each character outside ASCII becomes one ASCII character
     * (a close look-alike where there is one, else {@code ?}), so widths and alignment stay the same.
     */
    public static String ascii(String s) {
        if (s == null || isPlainAscii(s)) {
            return s == null ? "" : s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp < 128) {
                sb.append((char) cp);
                return;
            }
            switch (cp) {
                case '—': case '–': case '─': sb.append('-'); break;
                case '…': case '·': case '•': sb.append('.'); break;
                case 'µ': sb.append('u'); break;
                case '×': sb.append('x'); break;
                case '≥': case '→': case '▶': sb.append('>'); break;
                case '≤': case '←': case '◀': sb.append('<'); break;
                case '↑': case '▲': sb.append('^'); break;
                case '↓': case '▼': sb.append('v'); break;
                case '│': sb.append('|'); break;
                default: sb.append(Character.isSupplementaryCodePoint(cp) || isWide(cp) ? "??" : "?");
            }
        });
        return sb.toString();
    }

    private static boolean isWide(int cp) {
        return TextCharacter.fromString(new String(Character.toChars(cp)))[0].isDoubleWidth();
    }

    /**
     * The text as it will be drawn: NFC-normalised, tabs and line breaks as spaces, other control
     * characters and broken surrogates as {@code ?}.
     */
    public static String sanitize(String s) {
        if (s == null) {
            return "";
        }
        if (isPlainAscii(s)) {
            return s;
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char ch = n.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < n.length() && Character.isLowSurrogate(n.charAt(i + 1))) {
                sb.append(ch).append(n.charAt(++i));
            } else if (Character.isSurrogate(ch)) {
                sb.append('?');
            } else if (ch == '\t' || ch == '\n' || ch == '\r') {
                sb.append(' ');
            } else if (Character.isISOControl(ch)) {
                sb.append('?');
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** Width in terminal cells. */
    public static int width(String s) {
        if (s == null) {
            return 0;
        }
        if (isPlainAscii(s)) {
            return s.length();
        }
        int w = 0;
        for (Cell c : cells(s)) {
            w += c.width();
        }
        return w;
    }

    /** The longest start of {@code s} no wider than {@code width} cells. */
    public static String truncate(String s, int width) {
        if (s == null || width <= 0) {
            return "";
        }
        if (isPlainAscii(s)) {
            return s.length() <= width ? s : s.substring(0, width);
        }
        StringBuilder sb = new StringBuilder();
        int used = 0;
        for (Cell c : cells(s)) {
            if (used + c.width() > width) {
                break;
            }
            sb.append(c.text());
            used += c.width();
        }
        return sb.toString();
    }

    /** {@link #ellipsize(String, int, String)} with {@link #ELLIPSIS}. */
    public static String ellipsize(String s, int width) {
        return ellipsize(s, width, ELLIPSIS);
    }

    /**
     * {@code s} if it fits in {@code width} cells; otherwise its start followed by
     * {@code ellipsis}, within {@code width}. When the ellipsis alone would take the whole width,
     * the text is cut without it (one letter says more than a lone ellipsis).
     */
    public static String ellipsize(String s, int width, String ellipsis) {
        String clean = sanitize(s);
        if (width <= 0) {
            return "";
        }
        if (width(clean) <= width) {
            return clean;
        }
        int ew = width(ellipsis);
        if (ew >= width) {
            return truncate(clean, width);
        }
        return truncate(clean, width - ew) + ellipsis;
    }

    /** {@code s} ellipsized to {@code width} and padded with spaces to exactly {@code width} cells. */
    public static String fit(String s, int width, Align align, String ellipsis) {
        return pad(ellipsize(s, width, ellipsis), width, align);
    }

    /** {@code s} padded with spaces to {@code width} cells; text wider than that is cut. */
    public static String pad(String s, int width, Align align) {
        if (width <= 0) {
            return "";
        }
        String t = truncate(sanitize(s), width);
        int gap = width - width(t);
        if (gap == 0) {
            return t;
        }
        return switch (align) {
            case LEFT -> t + " ".repeat(gap);
            case RIGHT -> " ".repeat(gap) + t;
            case CENTER -> " ".repeat(gap / 2) + t + " ".repeat(gap - gap / 2);
        };
    }

    /**
     * Breaks {@code s} into lines no wider than {@code width}, at spaces where possible; a word
     * longer than a line is split. Runs of spaces at a break are dropped. An empty or blank text
     * gives one empty line; a width below 1 gives no lines.
     */
    public static List<String> wrap(String s, int width) {
        List<String> lines = new ArrayList<>();
        if (width <= 0) {
            return lines;
        }
        StringBuilder line = new StringBuilder();
        int used = 0;
        for (List<Cell> word : words(cells(s))) {
            int ww = 0;
            for (Cell c : word) {
                ww += c.width();
            }
            if (used > 0 && used + 1 + ww <= width) {
                line.append(' ');
                used++;
            } else if (used > 0) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            for (Cell c : word) {
                if (used + c.width() > width && used > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                }
                if (c.width() > width) { // a two-cell character in a one-cell line
                    line.append('?');
                    used++;
                } else {
                    line.append(c.text());
                    used += c.width();
                }
            }
        }
        if (used > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static List<List<Cell>> words(List<Cell> cells) {
        List<List<Cell>> words = new ArrayList<>();
        List<Cell> word = new ArrayList<>();
        for (Cell c : cells) {
            if (c.text().equals(" ")) {
                if (!word.isEmpty()) {
                    words.add(word);
                    word = new ArrayList<>();
                }
            } else {
                word.add(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word);
        }
        return words;
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}

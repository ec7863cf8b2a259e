package syntop.collectors;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.regex.Pattern;
import java.util.function.UnaryOperator;

/**
 * A captured output as it reaches syntop after a terminal, a ticket or a forum post: tabs expanded
 * to spaces the way {@code expand -t N} does, or Windows line ends and trailing blanks added. Each
 * must parse to the same golden as the capture itself.
 */
public record Pasted(String name, UnaryOperator<byte[]> transform) {
    public static final Pasted AS_CAPTURED = new Pasted("", b -> b);

    /** The capture as it is, then through {@code expand} at tab widths 8, 4 and 2, then with CRLF and trailing blanks. */
    public static final List<Pasted> ALL = List.of(
            AS_CAPTURED,
            expand(8), expand(4), expand(2),
            new Pasted(" (CRLF, trailing blanks)", Pasted::crlfAndTrailingBlanks));

    /**
     * A golden or a parse result as JSON, with the blanks at the end of quoted text removed: an
     * unparsed line is quoted as it was given, so the pasted copy's trailing blanks show there.
     */
    public static String withoutTrailingBlanksInQuotes(String json) {
        return TRAILING_BLANKS_IN_QUOTE.matcher(json).replaceAll("\"$1");
    }

    private static final Pattern TRAILING_BLANKS_IN_QUOTE = Pattern.compile("(?m) +\"(,?)$");

    public byte[] apply(byte[] data) {
        return transform.apply(data);
    }

    static Pasted expand(int width) {
        return new Pasted(" (expand -t " + width + ")", b -> expand(b, width));
    }

    /** What coreutils' {@code expand -t width} prints: each tab becomes blanks up to the next multiple of width. */
    public static byte[] expand(byte[] in, int width) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 4);
        int column = 0;
        for (byte b : in) {
            if (b == '\t') {
                do {
                    out.write(' ');
                    column++;
                } while (column % width != 0);
            } else {
                out.write(b);
                column = b == '\n' ? 0 : column + 1;
            }
        }
        return out.toByteArray();
    }

    /** Every line ends in two blanks and CR LF (a CR already there is kept, not doubled). */
    public static byte[] crlfAndTrailingBlanks(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 8);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '\n') {
                boolean hadCr = i > 0 && in[i - 1] == '\r';
                if (!hadCr) {
                    out.write(' ');
                    out.write(' ');
                    out.write('\r');
                }
                out.write('\n');
            } else if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                out.write(' ');
                out.write(' ');
                out.write('\r');
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }
}

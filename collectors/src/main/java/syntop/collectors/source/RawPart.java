package syntop.collectors.source;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One piece of raw text a source read: a command's stdout, or one file's content.
 *
 * @param name {@code stdout} for a command, the absolute path for a file
 */
public record RawPart(String name, byte[] data) {
    public RawPart {
        Objects.requireNonNull(name);
        Objects.requireNonNull(data);
    }

    public static RawPart of(String name, String text) {
        return new RawPart(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawPart && ((RawPart) o).name.equals(name) && java.util.Arrays.equals(((RawPart) o).data, data);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + java.util.Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "RawPart[" + name + ", " + data.length + " bytes]";
    }
}

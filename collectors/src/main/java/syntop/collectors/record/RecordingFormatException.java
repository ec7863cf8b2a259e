package syntop.collectors.record;

/** A recording, or one record in it, is not in the documented format (damaged, cut, or not a recording). */
public final class RecordingFormatException extends RuntimeException {
    public RecordingFormatException(String message) {
        super(message);
    }
}

package syntop.collectors.platform;

import java.util.List;
import java.util.Optional;

import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.source.Source;

/**
 * Everything syntop knows about one OS family, in one place: which sources it reads, and how to
 * name the host. Generic code asks the platform and never switches on the OS.
 */
public interface Platform {
    OsFamily os();

    /** Host name and OS version, read once at start. */
    HostInfo host();

    /** The sources polled each tick, in priority order (the first source with state counts wins). */
    List<Source> sources();

    /**
     * False for a platform that replays what was saved elsewhere (a capture bundle): what it shows is
     * not happening now, and the console says so.
     */
    default boolean live() {
        return true;
    }

    default Optional<Source> source(String id) {
        return sources().stream().filter(s -> s.id().equals(id)).findFirst();
    }
}

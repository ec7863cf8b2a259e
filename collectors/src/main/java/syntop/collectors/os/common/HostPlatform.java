package syntop.collectors.os.common;

import java.util.List;

import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.platform.Platform;
import syntop.collectors.source.Source;

/**
 * A platform of one OS family, one host learnt at start and a source list fixed per OS: what the
 * Linux and BSD platforms share. A subclass adds what its OS does beyond polling those sources.
 */
public abstract class HostPlatform implements Platform {
    private final OsFamily os;
    private final HostInfo host;
    private final List<Source> sources;

    protected HostPlatform(OsFamily os, HostInfo host, List<Source> sources) {
        this.os = os;
        this.host = host;
        this.sources = List.copyOf(sources);
    }

    @Override
    public final OsFamily os() {
        return os;
    }

    @Override
    public final HostInfo host() {
        return host;
    }

    @Override
    public final List<Source> sources() {
        return sources;
    }
}

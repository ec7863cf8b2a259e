package syntop.collectors.action;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;


/** Test wiring: a fake /proc/sys, a recording runner that "sets" keys in it, state and audit under a temp dir. */
final class Kit {
    static final Identity ROOT = Ids.ROOT;
    static final Identity USER = Ids.USER;
    /** The operator's SSH session: from 192.0.2.10 port 50022 to local port 22. */
    static final OwnSession OWN_SESSION = new OwnSession(IpPrefix.parse("192.0.2.10"), OptionalInt.of(50022),
            OptionalInt.of(22), "SSH_CONNECTION");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-01T10:00:00Z"), ZoneOffset.UTC);

    final Path dir;
    final FakeProcSys procSys;
    final Path proc;
    final RecordingRunner runner = new RecordingRunner();
    final NftFake nft = new NftFake(runner);

    /** The network namespace of the fake machine, as /proc/self/ns/net names it. */
    static final String NAMESPACE = FakeProcSys.NAMESPACE;

    Kit(Path dir) {
        this.dir = dir;
        this.procSys = new FakeProcSys(dir);
        this.proc = procSys.root();
    }

    /** Where this namespace's state lives. */
    Path state() {
        return dir.resolve("state/netns-4026531999");
    }

    /** A Linux kernel with these keys; {@code sysctl -w k=v} writes the fake file, as the kernel would. */
    Kit linuxKeys(Map<String, String> keys) {
        keys.forEach(this::setProc);
        runner.answer(procSys::sysctlWrite);
        return this;
    }

    Path procFile(String key) {
        return procSys.file(key);
    }

    void setProc(String key, String value) {
        procSys.set(key, value);
    }

    String proc(String key) {
        return procSys.get(key);
    }

    Actions.Settings settings(Identity id, boolean readOnly) {
        return settings(id, readOnly, List.of(OWN_SESSION));
    }

    Actions.Settings settings(Identity id, boolean readOnly, List<OwnSession> own) {
        return new Actions.Settings(readOnly, id, dir.resolve("state"), dir.resolve("log/audit.log"),
                List.of(dir.resolve("profiles")), BlockTarget.DEFAULT, own, CLOCK);
    }

    Actions linux(Identity id, boolean readOnly) {
        return new Actions(procSys.interventions(), runner, settings(id, readOnly));
    }

    Actions linux() {
        return linux(ROOT, false);
    }

    List<String> audit() {
        try {
            Path f = dir.resolve("log/audit.log");
            return Files.exists(f) ? Files.readAllLines(f) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path profile(String name, String text) {
        try {
            Path d = dir.resolve("profiles");
            Files.createDirectories(d);
            return Files.writeString(d.resolve(name + ".conf"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

#!/usr/bin/env python3
"""Socket-table load for the syntop lab. Every loop is bounded by a count and a
deadline; targets are restricted to loopback and the lab's 10.99.0.0/24.

  timewait    --count N [--sustain S]   N TIME_WAIT sockets in this namespace:
              connect()/accept()/close() against own loopback listeners, the
              client closes first so the client side ends in TIME_WAIT (60 s).
              --sustain keeps the count near N for S seconds by topping up
              (reads the per-netns tw count from /proc/net/sockstat).
  established --count N --hold S        N idle connection pairs on loopback
              (2N ESTABLISHED sockets), held S seconds.
  closewait   --count N --hold S        N loopback connections whose client closed
              and whose server never does: N CLOSE_WAIT (server side) and N
              FIN_WAIT_2 (client side), held S seconds.
  finwait1    --count N --hold S        N loopback connections whose server wrote
              until the client's window closed, then closed: the FIN waits
              behind unsent data, so the server side sits in FIN_WAIT_1.
  connect     --target IP:PORT --count N --hold S
              N non-blocking connects to a remote listener (e.g. one that never
              accepts, to fill its accept queue), held S seconds.
Prints "READY ..." once the target is reached, then waits / sustains.
"""
import argparse
import ipaddress
import os
import resource
import signal
import socket
import sys
import time

LAB_NET = ipaddress.ip_network("10.99.0.0/24")


def allowed(host):
    ip = ipaddress.ip_address(host)
    return ip.is_loopback or ip in LAB_NET


def raise_nofile(n):
    """Raise RLIMIT_NOFILE towards n + 64; returns the soft limit in force.
    Raising the hard limit needs CAP_SYS_RESOURCE, which containers often lack."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = n + 64
    if want > hard:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (want, want))
            return want
        except (ValueError, OSError):
            pass
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(max(soft, want), hard), hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def sockstat_tw():
    with open("/proc/net/sockstat") as f:  # per network namespace
        for line in f:
            if line.startswith("TCP:"):
                parts = line.split()
                return int(parts[parts.index("tw") + 1])
    return 0


def listeners(host, base, k):
    out = []
    for i in range(k):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((host, base + i))
        s.listen(4096)
        out.append(s)
    return out


def one_timewait(lsns, host, base, i):
    """One connection whose client side ends in TIME_WAIT."""
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        c.connect((host, base + i % len(lsns)))
    except OSError:
        c.close()
        raise
    s, _ = lsns[i % len(lsns)].accept()
    c.close()   # active close first: client -> FIN_WAIT -> TIME_WAIT
    s.close()   # server: CLOSE_WAIT -> LAST_ACK -> gone


def fill_timewait(lsns, a, want, deadline, budget):
    """Create up to `want` TIME_WAIT sockets; returns how many were made."""
    made = 0
    while made < want and made < budget and time.monotonic() < deadline:
        try:
            one_timewait(lsns, a.host, a.base_port, a.i)
        except OSError as e:  # EADDRNOTAVAIL: tuple space exhausted
            print(f"connect failed after {made}: {e}", flush=True)
            break
        a.i += 1
        made += 1
    return made


def cmd_timewait(a):
    lsns = listeners(a.host, a.base_port, a.ports)
    deadline = time.monotonic() + a.max_seconds
    budget = a.count * (2 + int(a.sustain / 55))  # hard cap on connections
    a.i = 0
    t0 = time.monotonic()
    total = fill_timewait(lsns, a, a.count, deadline, budget)
    dt = time.monotonic() - t0
    print(f"READY made={total} in {dt:.1f}s ({total / max(dt, 1e-9):.0f}/s) "
          f"tw={sockstat_tw()}", flush=True)
    end = min(deadline, time.monotonic() + a.sustain)
    while time.monotonic() < end and total < budget:
        time.sleep(0.5)
        total += fill_timewait(lsns, a, a.count - sockstat_tw(), end, budget - total)
    print(f"done made={total} tw={sockstat_tw()}", flush=True)


def make_pairs(host, base, ports, n, deadline):
    lsns = listeners(host, base, ports)
    pairs = []
    for i in range(n):
        if time.monotonic() > deadline:
            break
        c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        c.connect((host, base + i % ports))
        s, _ = lsns[i % ports].accept()
        pairs.append((c, s))
    return pairs


def cmd_established(a):
    """N idle pairs. Each pair costs 2 fds; when RLIMIT_NOFILE cannot be raised
    that far, the pairs are split over forked children (own listener ports each)."""
    limit = raise_nofile(2 * a.count + a.ports)
    per_proc = max(1, (limit - 64 - a.ports) // 2)
    nproc = -(-a.count // per_proc)
    if nproc > 64:
        sys.exit(f"needs {nproc} processes at {per_proc} pairs each: too many")
    deadline = time.monotonic() + a.max_seconds
    end = min(deadline, time.monotonic() + a.hold)
    t0 = time.monotonic()
    r, w = os.pipe()
    children = []
    for k in range(nproc):
        n = min(per_proc, a.count - k * per_proc)
        pid = os.fork()
        if pid == 0:  # child: build its share, report, hold, exit
            os.close(r)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            pairs = make_pairs(a.host, a.base_port + k * a.ports, a.ports, n, deadline)
            os.write(w, f"{len(pairs)}\n".encode())
            time.sleep(max(0.0, end - time.monotonic()))
            os._exit(0)
        children.append(pid)
    os.close(w)

    def stop(*_):
        for pid in children:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        sys.exit(0)
    signal.signal(signal.SIGTERM, stop)
    with os.fdopen(r) as f:
        made = [int(next(f)) for _ in range(nproc)]
    print(f"READY pairs={sum(made)} procs={nproc} in {time.monotonic() - t0:.1f}s "
          f"child_pids={','.join(map(str, children))}", flush=True)
    for pid in children:
        os.waitpid(pid, 0)
    print("done", flush=True)


def accepted_pairs(a, rcvbuf=0):
    """N client/server pairs on one own listener; clients may get a tiny receive buffer."""
    if raise_nofile(2 * a.count) < 2 * a.count + 64:
        sys.exit(f"--count {a.count} needs more open files than one process may have")
    lsn = listeners(a.host, a.base_port, 1)[0]
    deadline = time.monotonic() + a.max_seconds
    pairs = []
    for _ in range(a.count):
        if time.monotonic() > deadline:
            break
        c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if rcvbuf:
            c.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        c.connect((a.host, a.base_port))
        s, _ = lsn.accept()
        pairs.append((c, s))
    return pairs, deadline


def cmd_closewait(a):
    pairs, deadline = accepted_pairs(a)
    for c, _ in pairs:
        c.close()   # the server is told (FIN) but never closes: CLOSE_WAIT
    print(f"READY closewait={len(pairs)}", flush=True)
    time.sleep(max(0.0, min(a.hold, deadline - time.monotonic())))
    print("done", flush=True)


def cmd_finwait1(a):
    pairs, deadline = accepted_pairs(a, rcvbuf=4096)
    chunk = b"x" * 65536
    for _, s in pairs:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)  # small, so a few sends fill it
        s.setblocking(False)
        for _ in range(256):  # bounded: the client never reads, so this blocks soon
            try:
                s.send(chunk)
            except BlockingIOError:
                break
        s.close()   # FIN queued behind unsent data the client will not take: FIN_WAIT_1
    print(f"READY finwait1={len(pairs)}", flush=True)
    time.sleep(max(0.0, min(a.hold, deadline - time.monotonic())))
    print("done", flush=True)


def cmd_connect(a):
    host, port = a.target.rsplit(":", 1)
    if not allowed(host):
        sys.exit(f"refused: {host} is outside loopback/{LAB_NET}")
    if raise_nofile(a.count) < a.count + 64:
        sys.exit(f"--count {a.count} exceeds the open-file limit of one process")
    deadline = time.monotonic() + a.max_seconds
    socks = []
    for _ in range(a.count):
        if time.monotonic() > deadline:
            break
        c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        c.setblocking(False)
        c.connect_ex((host, int(port)))   # EINPROGRESS; the kernel does the rest
        socks.append(c)
    print(f"READY connects={len(socks)}", flush=True)
    time.sleep(max(0.0, min(a.hold, deadline - time.monotonic())))
    print("done", flush=True)


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("mode", choices=["timewait", "established", "closewait", "finwait1", "connect"])
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--host", default="127.0.0.1", help="loopback address for own listeners")
    p.add_argument("--base-port", type=int, default=9100)
    p.add_argument("--ports", type=int, default=4, help="own listener ports (tuple space)")
    p.add_argument("--target", help="IP:PORT for connect mode")
    p.add_argument("--sustain", type=float, default=0.0)
    p.add_argument("--hold", type=float, default=60.0)
    p.add_argument("--max-seconds", type=float, default=900.0, help="hard lifetime")
    a = p.parse_args()
    if not 1 <= a.count <= 500_000:
        sys.exit("--count must be 1..500000")
    if not allowed(a.host):
        sys.exit(f"refused: {a.host} is outside loopback/{LAB_NET}")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    {"timewait": cmd_timewait, "established": cmd_established, "closewait": cmd_closewait,
     "finwait1": cmd_finwait1, "connect": cmd_connect}[a.mode](a)


if __name__ == "__main__":
    main()

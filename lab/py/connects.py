#!/usr/bin/env python3
"""connects.py - real clients: COUNT TCP connects from SRC to DST:PORT, each with a time limit.

Prints one JSON line: how many completed (the three-way handshake done within TIMEOUT seconds)
and how long each took. Bounded: COUNT <= 1000 connects, TIMEOUT <= 10 s each. Addresses are
limited to loopback and the lab's 10.99.0.0/24, as in every lab script.
"""
import argparse
import ipaddress
import json
import socket
import sys
import time

LAB = ipaddress.ip_network("10.99.0.0/24")


def allowed(addr):
    a = ipaddress.ip_address(addr)
    return a.is_loopback or a in LAB


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--src", required=True)
    p.add_argument("--dst", required=True)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--count", type=int, default=20)
    p.add_argument("--timeout", type=float, default=2.0)
    p.add_argument("--gap", type=float, default=0.05, help="seconds between connects")
    a = p.parse_args()
    if not (allowed(a.src) and allowed(a.dst)):
        sys.exit("addresses outside loopback/10.99.0.0/24 are refused")
    if not (1 <= a.count <= 1000 and 0 < a.timeout <= 10 and 1 <= a.port <= 65535 and 0 <= a.gap <= 5):
        sys.exit("count 1..1000, timeout 0..10 s, gap 0..5 s")
    ok, took = 0, []
    for _ in range(a.count):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.settimeout(a.timeout)
        s.bind((a.src, 0))
        t0 = time.monotonic()
        try:
            s.connect((a.dst, a.port))
            ok += 1
            took.append(round(time.monotonic() - t0, 3))
        except OSError:
            took.append(None)
        finally:
            s.close()
        time.sleep(a.gap)
    print(json.dumps({"ok": ok, "total": a.count, "seconds": took}))


if __name__ == "__main__":
    main()

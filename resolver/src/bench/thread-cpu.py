#!/usr/bin/env python3
"""CPU time of each thread of a process over an interval, from /proc (issue #5).

    thread-cpu.py PID SECONDS [QUERIES_PER_SECOND]

Prints user and system seconds per thread name (threads of one name summed) over SECONDS; with
the query rate (dnsperf's "Queries per second") also microseconds per query. Used to split the
harness's "server µs/query" into the event loop and the event writer (README, "Benchmarks").
"""
import os
import sys


def snapshot(pid):
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            out[tid] = (name, int(fields[11]), int(fields[12]))
        except OSError:
            pass  # the thread ended between listing and reading
    return out


def main():
    pid, secs = sys.argv[1], float(sys.argv[2])
    qps = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
    import time

    before = snapshot(pid)
    time.sleep(secs)
    after = snapshot(pid)
    hz = os.sysconf("SC_CLK_TCK")
    by_name = {}
    for tid, (name, user, system) in after.items():
        u0, s0 = before.get(tid, (name, 0, 0))[1:]
        u, s = by_name.get(name, (0, 0))
        by_name[name] = (u + user - u0, s + system - s0)
    queries = qps * secs
    for name, (u, s) in sorted(by_name.items(), key=lambda r: -sum(r[1])):
        if u + s == 0:
            continue
        line = f"{name:24s} user {u / hz:7.3f} s  sys {s / hz:7.3f} s"
        if queries:
            line += f"  = {u / hz * 1e6 / queries:5.2f} + {s / hz * 1e6 / queries:5.2f} µs/query"
        print(line)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""socketlab-cli trace against strace and against no tracer (issue 20's benchmark).

    python3 bench/trace.py --build build [--rounds 5] [--round-trips 20000]

1. A Python ping-pong (bench/pingpong.py: 20,000 round trips of 64 bytes over TCP loopback, a
   server thread and a client in one process) untraced, under `socketlab-cli trace --json
   --output /dev/null`, and under `strace -f --seccomp-bpf -e trace=network -o /dev/null`.
   Round trips per second of the loop itself; target: socketlab >= 1.2x strace.
2. Startup: the time from spawning `python3 bench/listen_once.py PORT` until a connection to
   PORT succeeds (its first listen()), untraced, traced and under strace.

Rounds are interleaved; medians. Writes bench/trace-results.json and the "Tracing a program"
section of bench/RESULTS.md (replaced if there).
"""

import argparse
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SECTION = "## Tracing a program: socketlab-cli trace, strace, untraced"


def real_python():
    # Not a wrapper script (pyenv's shim forks a dozen processes first): the interpreter.
    return sys.executable


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wrap(kind, cli, argv):
    if kind == "untraced":
        return argv
    if kind == "socketlab":
        return [cli, "trace", "--json", "--output", "/dev/null", "--"] + argv
    return ["strace", "-f", "--seccomp-bpf", "-e", "trace=network", "-o", "/dev/null"] + argv


def pingpong(kind, cli, round_trips):
    argv = wrap(kind, cli, [real_python(), os.path.join(HERE, "pingpong.py"),
                            "--round-trips", str(round_trips)])
    out = subprocess.run(argv, capture_output=True, text=True, timeout=600, check=True)
    line = [l for l in out.stdout.splitlines() if l.startswith("{")][-1]
    return json.loads(line)["per_second"]


def startup(kind, cli):
    port = free_port()
    argv = wrap(kind, cli, [real_python(), os.path.join(HERE, "listen_once.py"), str(port)])
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = start + 30
    connected = None
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                connected = time.monotonic() - start
                break
        except OSError:
            time.sleep(0.001)
    proc.wait(timeout=30)
    return connected


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default="build")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--round-trips", type=int, default=20000)
    args = parser.parse_args()
    cli = os.path.abspath(os.path.join(args.build, "app", "socketlab-cli"))
    kinds = ["untraced", "socketlab"] + (["strace"] if shutil.which("strace") else [])
    load_before = os.getloadavg()
    rates = {k: [] for k in kinds}
    starts = {k: [] for k in kinds}
    for _ in range(args.rounds):
        for kind in kinds:
            rates[kind].append(pingpong(kind, cli, args.round_trips))
            starts[kind].append(startup(kind, cli))
    med = {k: statistics.median(v) for k, v in rates.items()}
    startMed = {k: statistics.median(v) for k, v in starts.items()}
    results = {"round_trips": args.round_trips, "rounds": args.rounds, "per_second": rates,
               "startup_s": starts, "median_per_second": med, "median_startup_s": startMed}
    with open(os.path.join(HERE, "trace-results.json"), "w") as f:
        json.dump(results, f, indent=1)

    strace_version = subprocess.run(["strace", "-V"], capture_output=True, text=True).stdout.splitlines()[0] \
        if "strace" in kinds else "absent"
    lines = [SECTION, "",
             f"Produced by `python3 bench/trace.py` ({args.rounds} interleaved rounds; medians; "
             f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; Python {platform.python_version()}, "
             f"{strace_version}). The ping-pong is one Python process (bench/pingpong.py): a server thread echoes "
             f"64 bytes, the main thread sends and waits for them, {args.round_trips:,} times; the loop alone is timed. "
             "socketlab-cli writes every event as JSON to /dev/null; strace writes its lines to /dev/null. "
             "Startup: from spawning `python3 bench/listen_once.py` until a connection to its port succeeds. "
             f"Load average before/after: {' '.join(f'{x:.2f}' for x in load_before)} / "
             f"{' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores: on a shared, busy "
             "machine only the ratios within one run mean anything, and the startup column is noisy.",
             "",
             "| run | round trips/s (median) | min–max | vs untraced | time to first listen |",
             "|---|---:|---:|---:|---:|"]
    names = {"untraced": "untraced", "socketlab": "socketlab-cli trace",
             "strace": "strace -f --seccomp-bpf -e trace=network"}
    for kind in kinds:
        lines.append(f"| {names[kind]} | {med[kind]:,.0f} | {min(rates[kind]):,.0f}–{max(rates[kind]):,.0f} | "
                     f"{med[kind] / med['untraced']:.2f}x | {startMed[kind] * 1000:.0f} ms |")
    if "strace" in kinds:
        ratio = med["socketlab"] / med["strace"]
        lines += ["", "| figure | ratio | target | |", "|---|---:|---:|---|",
                  f"| socketlab-cli trace / strace, round trips per second | {ratio:.2f} | ≥ 1.2 | "
                  f"{'met' if ratio >= 1.2 else '**not met**'} |"]
    section = "\n".join(lines) + "\n"
    path = os.path.join(HERE, "RESULTS.md")
    text = open(path).read() if os.path.exists(path) else ""
    text = re.sub(re.escape(SECTION) + r".*?(?=\n## |\Z)", "", text, flags=re.S).rstrip("\n")
    with open(path, "w") as f:
        f.write(text + "\n\n" + section)
    print(section)


if __name__ == "__main__":
    main()

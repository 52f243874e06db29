#!/usr/bin/env python3
"""1 KiB-message throughput with --capture on and off (issue 22's benchmark).

    python3 bench/capture.py --build build [--rounds 5] [--seconds 1.5] [--clients 4]

`socketlab-cli server --quiet` (thread mode, recv buffer 1024) loaded by `socketlab-load tcp
--chunk 1024`, once as shipped and once with `--capture FILE.pcapng` (every packet captured,
decoded, linked to its call and written to the file; quiet prints no packet lines), in
interleaved rounds; medians. Needs CAP_NET_RAW (root) or a dumpcap that may capture. Writes
bench/capture-results.json and the "Capture on and off" section of bench/RESULTS.md.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from benchlib import BenchError, replace_results_section, run_load, socketlab_server  # noqa: E402

SECTION = "## Capture on and off: 1 KiB messages"
TARGET = 0.8


def one_run(cli, load, capture_dir, capture, clients, seconds):
    extra = []
    path = None
    if capture:
        path = os.path.join(capture_dir, "bench.pcapng")
        extra = ["--capture", path]
    server = socketlab_server(cli, "thread", extra=extra).start()
    try:
        r = run_load(load, ["tcp", "--port", str(server.port), "--clients", str(clients),
                            "--chunk", "1024", "--seconds", "%g" % seconds], seconds)
    finally:
        summary = server.stop()
    if summary is None or summary["bytes"] != r["bytes"]:
        raise BenchError("server counted %s bytes, clients sent %d" % (
            summary and summary["bytes"], r["bytes"]))
    size = os.path.getsize(path) if path else 0
    if path:
        os.unlink(path)
    return r["mib_per_s"], size


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default="build")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=1.5)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    cli = os.path.abspath(os.path.join(args.build, "app", "socketlab-cli"))
    load = os.path.abspath(os.path.join(args.build, "bench", "socketlab-load"))
    load_before = os.getloadavg()
    rates = {"off": [], "on": []}
    sizes = []
    with tempfile.TemporaryDirectory() as capture_dir:
        for _ in range(args.rounds):
            rates["off"].append(one_run(cli, load, capture_dir, False, args.clients, args.seconds)[0])
            rate, size = one_run(cli, load, capture_dir, True, args.clients, args.seconds)
            rates["on"].append(rate)
            sizes.append(size)
    ratios = [on / off for on, off in zip(rates["on"], rates["off"])]
    ratio = statistics.median(ratios)
    med = {k: statistics.median(v) for k, v in rates.items()}
    results = {"rounds": args.rounds, "seconds": args.seconds, "clients": args.clients,
               "mib_per_s": rates, "median_mib_per_s": med, "ratios": ratios,
               "median_ratio": ratio, "pcapng_bytes": sizes}
    with open(os.path.join(HERE, "capture-results.json"), "w") as f:
        json.dump(results, f, indent=1)

    lines = [SECTION, "",
             f"Produced by `python3 bench/capture.py` ({args.rounds} interleaved rounds of "
             f"{args.seconds:g} s; medians; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
             f"Python {platform.python_version()}). `socketlab-cli server --quiet` (thread, recv buffer "
             f"1024) under `socketlab-load tcp --clients {args.clients} --chunk 1024`, as shipped and with "
             "`--capture FILE.pcapng` (an AF_PACKET socket on the loopback with a BPF filter for the "
             "server's port, recvmmsg() in batches of 32; every packet decoded, linked to its call and written to the "
             "file; --quiet prints no packet lines, so this is the capture's cost, not the terminal's). "
             "The server's byte count is checked against what the clients sent. Load average before/after: "
             f"{' '.join(f'{x:.2f}' for x in load_before)} / "
             f"{' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores: only ratios "
             "within one run mean anything.",
             "",
             "| server | median MiB/s | min–max |",
             "|---|---:|---:|"]
    for kind, name in (("off", "capture off"), ("on", "--capture")):
        lines.append(f"| {name} | {med[kind]:,.0f} | {min(rates[kind]):,.0f}–{max(rates[kind]):,.0f} |")
    lines += ["", f"Median pcapng size per run: {statistics.median(sizes) / 1e6:,.1f} MB.",
              "", "| figure | ratio | target | |", "|---|---:|---:|---|",
              f"| capture on / off, 1 KiB messages (median of per-round ratios) | {ratio:.2f} | "
              f"≥ {TARGET} | {'met' if ratio >= TARGET else '**not met**'} |"]
    section = "\n".join(lines) + "\n"
    replace_results_section(SECTION, section)
    print(section)


if __name__ == "__main__":
    main()

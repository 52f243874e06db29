#!/usr/bin/env python3
"""SocketLab benchmark: socketlab-cli server --quiet against the recipe's Python servers, socat
and iperf3, side by side in one run, on 127.0.0.1 only.

    python3 bench/run.py [--build build] [--runs 5] [--seconds 1.5]
    python3 bench/run.py --smoke --build build     (a few seconds; the CTest smoke test)

Rounds are interleaved (every case once per round), so slow phases of a shared machine hit
every case alike; figures are medians over the rounds and ratios are medians of the per-round
ratios. Writes results.json and RESULTS.md (to bench/ unless --out-dir says otherwise).
Standard library only.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import time

import floods
import idle
from benchlib import (BACKLOG, HERE, HOST, ROOT, BenchError, fmt, iperf3_server, listen_backlog,
                      median, python_server, run_load, socat_server, socketlab_server)


def iperf3_client(port, seconds, streams):
    proc = subprocess.run(["iperf3", "-c", HOST, "-p", str(port), "-P", str(streams),
                           "-t", "%g" % seconds, "--json"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=seconds + 60)
    data = json.loads(proc.stdout.decode() or "{}")
    if proc.returncode != 0 or "end" not in data:
        raise BenchError("iperf3 -c failed: %s" % data.get("error", proc.stderr.decode()[:300]))
    received = data["end"]["sum_received"]
    return {"mib_per_s": received["bits_per_second"] / 8 / 2 ** 20,
            "bytes": received["bytes"], "seconds": received["seconds"]}


# ------------------------------------------------------------------------------------ cases

class Case:
    def __init__(self, group, name, make_server, measure, unit, check=None):
        self.group = group
        self.name = name
        self.make_server = make_server
        self.measure = measure  # (server, seconds) -> dict with "value"
        self.unit = unit
        self.check = check      # (load result, summary) -> error text or None
        self.samples = []
        self.details = []
        self.errors = []


def tcp_measure(load, clients, chunk):
    def measure(server, seconds):
        r = run_load(load, ["tcp", "--port", str(server.port), "--clients", str(clients),
                            "--chunk", str(chunk), "--seconds", "%g" % seconds], seconds)
        r["value"] = r["mib_per_s"]
        return r
    return measure


def connect_measure(load, parallel):
    def measure(server, seconds):
        r = run_load(load, ["connect", "--port", str(server.port), "--parallel", str(parallel),
                            "--seconds", "%g" % seconds], seconds)
        r["value"] = r["per_s"]
        return r
    return measure


def udp_measure(load, rate, size):
    def measure(server, seconds):
        r = run_load(load, ["udp", "--port", str(server.port), "--rate", str(rate),
                            "--size", str(size), "--seconds", "%g" % seconds], seconds)
        time.sleep(0.3)  # let the server read what is still queued before it is stopped
        return r
    return measure


def iperf3_measure(streams):
    def measure(server, seconds):
        r = iperf3_client(server.port, seconds, streams)
        r["value"] = r["mib_per_s"]
        return r
    return measure


def check_tcp(r, summary):
    if summary is None:
        return None
    if summary["bytes"] != r["bytes"] or summary["connections"] != r["clients"]:
        return "server counted %d bytes / %d connections, clients sent %d / %d" % (
            summary["bytes"], summary["connections"], r["bytes"], r["clients"])
    return None


def check_connect(r, summary):
    if summary is None:
        return None
    if summary["connections"] != r["connections"] + r["failed"] and r["failed"] == 0:
        return "server counted %d connections, clients made %d" % (
            summary["connections"], r["connections"])
    if r["failed"] == 0 and summary["bytes"] != r["bytes"]:
        return "server counted %d bytes, clients sent %d" % (summary["bytes"], r["bytes"])
    return None


def check_udp(r, summary):
    if summary is None:
        return "no summary"
    received = summary["messages"]
    if received > r["sent"]:
        return "server counted %d datagrams, only %d were sent" % (received, r["sent"])
    r["received"] = received
    r["lost"] = r["sent"] - received
    r["loss_pct"] = 100.0 * r["lost"] / r["sent"] if r["sent"] else 0.0
    r["value"] = received / r["seconds"] if r["seconds"] else 0.0
    return None


def build_cases(cli, load, smoke, have_socat, have_iperf3, udp_rates):
    cases = []
    clients, chunk, parallel = 8, 65536, 4
    if smoke:
        clients, parallel = 2, 2
    tcp = tcp_measure(load, clients, chunk)
    modes = ["thread", "fork"]
    # poll beside thread in the same run (issue 13): one thread for every connection.
    for mode in modes + ["poll"]:
        cases.append(Case("tcp1024", "socketlab %s" % mode, lambda m=mode: socketlab_server(cli, m),
                          tcp, "MiB/s", check_tcp))
    for mode in (["thread"] if smoke else modes):
        cases.append(Case("tcp1024", "python %s" % mode, lambda m=mode: python_server(m),
                          tcp, "MiB/s", check_tcp))
    if have_socat and not smoke:
        cases.append(Case("tcp1024", "socat fork", socat_server, tcp, "MiB/s"))

    if not smoke:
        for mode in modes:
            cases.append(Case("tcp64k", "socketlab %s" % mode,
                              lambda m=mode: socketlab_server(cli, m, buffer=65536),
                              tcp, "MiB/s", check_tcp))
        if have_iperf3:
            cases.append(Case("tcp64k", "iperf3 -P 8", iperf3_server, iperf3_measure(8), "MiB/s"))

    conn = connect_measure(load, parallel)
    for mode in ["thread", "fork", "iterative", "poll"]:
        cases.append(Case("connect", "socketlab %s" % mode, lambda m=mode: socketlab_server(cli, m),
                          conn, "conn/s", check_connect))
    if not smoke:
        for mode in modes:
            cases.append(Case("connect", "python %s" % mode, lambda m=mode: python_server(m),
                              conn, "conn/s", check_connect))
        if have_socat:
            cases.append(Case("connect", "socat fork", socat_server, conn, "conn/s"))

    for rate in udp_rates:
        udp = udp_measure(load, rate, 64)
        cases.append(Case("udp%d" % rate, "socketlab udp",
                          lambda: socketlab_server(cli, "thread", proto="udp"), udp, "dgram/s",
                          check_udp))
        if not smoke:
            cases.append(Case("udp%d" % rate, "python udp", lambda: python_server("udp"), udp,
                              "dgram/s", check_udp))
    return cases


# The kernel view's sampler (issue 12) on and off, side by side: the same socketlab cases, the
# off one started with SOCKETLAB_STATE_SAMPLING=0.
SAMPLING_TARGET = 0.95
SAMPLING_CASES = [("tcp1024", "socketlab thread"), ("tcp1024", "socketlab fork"),
                  ("connect", "socketlab thread"), ("connect", "socketlab iterative"),
                  ("udp200000", "socketlab udp")]


def with_sampling(make_server, on):
    def make():
        server = make_server()
        start = server.start

        def start_with_env():
            os.environ.pop("SOCKETLAB_STATE_SAMPLING", None)
            if not on:
                os.environ["SOCKETLAB_STATE_SAMPLING"] = "0"
            try:
                return start()
            finally:
                os.environ.pop("SOCKETLAB_STATE_SAMPLING", None)
        server.start = start_with_env
        return server
    return make


def build_sampling_cases(cli, load, smoke):
    by_key = {(c.group, c.name): c for c in build_cases(cli, load, smoke, False, False,
                                                        [2000] if smoke else [200000])}
    cases = []
    for key in SAMPLING_CASES:
        if smoke:
            key = (key[0].replace("200000", "2000"), key[1])
        base = by_key.get(key)
        if not base:
            continue
        for on in (True, False):
            cases.append(Case(base.group, "%s, sampler %s" % (base.name, "on" if on else "off"),
                              with_sampling(base.make_server, on), base.measure, base.unit, base.check))
    return cases


def sampling_ratios(cases):
    out = []
    for on, off in zip(cases[0::2], cases[1::2]):
        per_round = [x / y for x, y in zip(on.samples, off.samples) if x is not None and y]
        value = median(per_round)
        out.append({"group": on.group, "case": on.name.rsplit(",", 1)[0], "unit": on.unit,
                    "on": median([v for v in on.samples if v is not None]),
                    "off": median([v for v in off.samples if v is not None]),
                    "ratio": value, "per_round": per_round, "target": SAMPLING_TARGET,
                    "met": value is not None and value >= SAMPLING_TARGET,
                    "errors": on.errors + off.errors})
    return out


def run_case(case, seconds, note_backlog=False):
    server = case.make_server().start()
    try:
        # What the kernel holds, not what the command line asked: equal for every server.
        backlog = listen_backlog(server.port) if note_backlog else None
        cpu_before = server.cpu_seconds()
        result = case.measure(server, seconds)
        time.sleep(0.1)  # a forking server reaps its last children
        cpu_after = server.cpu_seconds()
        if cpu_before is not None and cpu_after is not None:
            result["server_cpu_s"] = cpu_after - cpu_before
    finally:
        summary = server.stop()
    result["summary"] = summary
    if backlog is not None:
        result["backlog"] = backlog
    if case.check:
        problem = case.check(result, summary)
        if problem:
            raise BenchError("%s: %s" % (case.name, problem))
    return result


# ---------------------------------------------------------------------------------- targets

TARGETS = [
    # group, case, reference, minimum ratio
    ("tcp1024", "socketlab thread", "python thread", 1.3),
    ("tcp1024", "socketlab fork", "python fork", 1.5),
    ("tcp1024", "socketlab thread", "socat fork", 1.0),
    ("tcp1024", "socketlab fork", "socat fork", 1.0),
    ("tcp64k", "socketlab thread", "iperf3 -P 8", 0.7),
    ("connect", "socketlab thread", "python thread", 2.0),
    ("connect", "socketlab fork", "socat fork", 1.0),
    ("tcp1024", "socketlab poll", "socketlab thread", 1.0),
    ("connect", "socketlab poll", "socketlab thread", 1.0),
]

GROUP_TITLES = {
    "tcp1024": "TCP throughput, 8 clients, server recv buffer 1024 B",
    "tcp64k": "TCP throughput, 8 clients, server recv buffer 64 KiB",
    "connect": "Connections per second (connect, send one line, close), 4 parallel connectors",
}




def ratios(cases, runs):
    by_key = {(c.group, c.name): c for c in cases}
    out = []
    for group, name, ref, minimum in TARGETS:
        a, b = by_key.get((group, name)), by_key.get((group, ref))
        if not a or not b:
            continue
        per_round = [x / y for x, y in zip(a.samples, b.samples) if x is not None and y]
        value = median(per_round)
        out.append({"group": group, "case": name, "reference": ref, "target": minimum,
                    "ratio": value, "per_round": per_round,
                    "met": value is not None and value >= minimum})
    return out


# ----------------------------------------------------------------------------------- report

def machine():
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass

    def version(argv):
        try:
            out = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                 timeout=10).stdout.decode()
            return out.strip().splitlines()[0 if argv[0] != "socat" else 1]
        except (OSError, IndexError, subprocess.TimeoutExpired):
            return None

    return {"nproc": os.cpu_count(), "cpu": model, "kernel": platform.release(),
            "python": platform.python_version(), "socat": version(["socat", "-V"]),
            "iperf3": version(["iperf3", "--version"]),
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return None




def markdown(report):
    m = report["machine"]
    lines = ["# SocketLab benchmark results", ""]
    if report["smoke"]:
        lines += ["**Smoke run** (tiny sizes: checks that every measurement completes and the "
                  "counts agree; the figures mean nothing).", ""]
    lines += [
             "Produced by `python3 bench/run.py` (%d interleaved rounds of %gs runs; medians). "
             "Machine: %d cores, %s, Linux %s; %s; Python %s, %s, %s." % (
                 report["runs"], report["seconds"], m["nproc"], m["cpu"], m["kernel"], m["date"],
                 m["python"], m["socat"] or "no socat", m["iperf3"] or "no iperf3"),
             "The machine is shared and noisy: compare ratios within this run, not across runs.",
             "",
             "Method: every server listens on 127.0.0.1 with a listen backlog of %d%s and counts "
             "what it "
             "receives without printing it (`socketlab-cli server --quiet`; the Python servers "
             "written like the recipe, `bench/recipe_server.py`; `socat -b 1024 -u "
             "TCP-LISTEN:P,fork,reuseaddr,backlog=%d /dev/null`). `socketlab-load` sends from "
             "64 KiB chunks; a TCP run is timed from when every client is connected until the "
             "server has read everything and closed each connection (the clients half-close and "
             "wait for it). A connection is: connect, send one line, half-close, wait for the "
             "server to close. The byte and connection counts of socketlab and the Python "
             "servers are checked against what the clients sent. iperf3 runs its own client "
             "(`iperf3 -c 127.0.0.1 -P 8`). At 1024 B a socketlab thread makes one recv() per "
             "1024 bytes (read again at once while the buffer fills, poll() only when drained); "
             "in quiet mode a forked child makes them with recvmmsg(), up to 64 recv()s of "
             "1024 bytes per system call, each still one message. The server CPU column is the server's own CPU "
             "time (children included) per GiB or per connection: less noisy than speed on a "
             "shared machine, and lower is better. Load average before/after the run: %s / %s." % (
                 report.get("backlog", 128),
                 " (the window's server always uses that one, so the others are set to it; the "
                 "backlog column is what the kernel holds, as `ss` shows it; iperf3 cannot be set "
                 "and uses the system maximum)" if "backlog" in report else "",
                 report.get("backlog", 128),
                 report.get("load_before", "?"), report.get("load_after", "?")),
             ""]
    groups = []
    for c in report["cases"]:
        if c["group"] not in groups:
            groups.append(c["group"])
    for group in groups:
        rows = [c for c in report["cases"] if c["group"] == group]
        if group.startswith("udp"):
            rate = int(group[3:])
            lines += ["## UDP, 64-byte datagrams sent at %s/s" % fmt(rate), "",
                      "| server | received/s | sent | received | lost |", "|---|---:|---:|---:|---:|"]
            for c in rows:
                lines.append("| %s | %s | %s | %s | %s%% |" % (
                    c["name"], fmt(c["median"]), fmt(c.get("median_sent")),
                    fmt(c.get("median_received")), fmt(c.get("median_loss_pct"), 2)))
        else:
            best_ref = rows[-1]
            unit = rows[0]["server_cpu_unit"]
            lines += ["## " + GROUP_TITLES.get(group, group), "",
                      "| server | median %s | min–max | server %s | backlog |" % (
                          rows[0]["unit"], unit),
                      "|---|---:|---:|---:|---:|"]
            for c in rows:
                lines.append("| %s | %s | %s–%s | %s | %s |" % (
                    c["name"], fmt(c["median"]), fmt(c["min"]), fmt(c["max"]),
                    fmt(c["median_server_cpu"], 2 if unit == "CPU s/GiB" else 0),
                    fmt(c.get("backlog"))))
            del best_ref
        if any(c["errors"] for c in rows):
            for c in rows:
                for e in c["errors"]:
                    lines.append("\nError in %s: %s" % (c["name"], e))
        lines.append("")
    if report["ratios"]:
        lines += ["## Targets (issues 6, 9 and 13): ratios in this run", "",
                  "| figure | ratio | target | |", "|---|---:|---:|---|"]
    for r in report["ratios"]:
        lines.append("| %s: %s / %s | %s | ≥ %.1f | %s |" % (
            r["group"], r["case"], r["reference"], fmt(r["ratio"], 2), r["target"],
            "met" if r["met"] else "**not met**"))
    gui = report.get("gui_flood")
    if gui:
        lines += ["", "## GUI under flood (offscreen)", ""]
        if gui.get("error"):
            lines.append("Not measured: %s" % gui["error"])
        else:
            lines += ["%d clients x %s short messages each, as fast as they can, into the "
                      "window's own server (thread mode, backlog %s, events and call traces on)." % (
                          gui["clients"], fmt(gui["messages_per_client"]), fmt(gui.get("backlog"))), "",
                      "| figure | value | target | |", "|---|---:|---|---|"]
            for label, value, target, met in gui_targets(gui):
                lines.append("| %s | %s | %s | %s |" % (label, value, target,
                                                       "" if met is None else ("met" if met else "**not met**")))
            long_run = report.get("gui_flood_10x")
            if long_run and not long_run.get("error"):
                lines += ["", "Ten times longer (8 x 200,000 messages, one run): longest stall "
                          "%d ms, peak RSS %.1f MB, every byte counted after %.2f s, counters %s, "
                          "%s log rows dropped." % (
                              long_run["max_stall_ms"], long_run["peak_rss_mb"],
                              long_run["seconds_to_count_all"],
                              "exact" if long_run["counters_exact"] else "NOT exact",
                              fmt(long_run["log_dropped"]))]
            elif long_run:
                lines += ["", "Ten times longer: %s" % long_run["error"]]
    lines += floods.markdown(report)
    lines += idle.markdown(report)
    lines += sampling_markdown(report.get("sampling"))
    lines.append("")
    return "\n".join(lines)


def sampling_markdown(sampling):
    if not sampling:
        return []
    m = sampling["machine"]
    lines = ["", "## The kernel view's sampler on and off (issue 12)", "",
             "The socketlab cases above again, each run twice per round: as shipped (the sampler "
             "reads the lab's sockets through sock_diag up to ten times a second, waiting 200 "
             "times as long as a sample took, and posts their state changes) and with "
             "`SOCKETLAB_STATE_SAMPLING=0`; %d interleaved rounds of %gs runs, "
             "ratio = median of the per-round on/off ratios. %s; load average before/after %s / %s." % (
                 sampling["runs"], sampling["seconds"], m["date"],
                 sampling["load_before"], sampling["load_after"]), "",
             "| case | sampler on | sampler off | on / off | target | |", "|---|---:|---:|---:|---:|---|"]
    for r in sampling["ratios"]:
        lines.append("| %s: %s | %s %s | %s %s | %s | ≥ %.2f | %s |" % (
            r["group"], r["case"], fmt(r["on"]), r["unit"], fmt(r["off"]), r["unit"],
            fmt(r["ratio"], 2), r["target"], "met" if r["met"] else "**not met**"))
    g = sampling.get("gui")
    if g:
        lines += ["", "The window under the flood of the GUI section (socketlab-guiflood), %d interleaved "
                  "runs each: longest event-loop stall %s ms with the sampler on, %s ms off; every "
                  "byte counted after %s s on, %s s off; counters %s." % (
                      g["rounds"], fmt(g["on"]["max_stall_ms"]), fmt(g["off"]["max_stall_ms"]),
                      fmt(g["on"]["seconds_to_count_all"], 2), fmt(g["off"]["seconds_to_count_all"], 2),
                      "exact" if g["on"]["counters_exact"] and g["off"]["counters_exact"] else "NOT exact")]
    return lines


def gui_targets(gui):
    """(label, value text, target text, met or None) for the GUI flood figures."""
    return [
        ("longest event-loop stall (median of runs; worst)", "%d ms; %d ms" % (
            gui["max_stall_ms"], gui["worst_stall_ms"]), "< 100 ms", gui["max_stall_ms"] < 100),
        ("peak RSS (whole process, clients included)", "%.1f MB" % gui["peak_rss_mb"], "< 250 MB",
         gui["peak_rss_mb"] < 250),
        ("time until the counters show every byte", "%.2f s" % gui["seconds_to_count_all"], "", None),
        ("bytes counted / sent", "%s / %s" % (fmt(gui["bytes_counted"]), fmt(gui["bytes_sent"])),
         "equal", gui["counters_exact"]),
        ("connections counted", fmt(gui["connections_counted"]), "= %d" % gui["clients"],
         gui["connections_counted"] == gui["clients"]),
        ("recv() calls counted (messages)", fmt(gui["recv_messages_counted"]), "", None),
        ("log rows kept / cap, rows dropped", "%s / %s, %s dropped" % (
            fmt(gui["log_rows"]), fmt(gui["log_cap"]), fmt(gui["log_dropped"])), "capped",
         gui["log_rows"] <= gui["log_cap"]),
        ("the cap is shown in the window", "yes" if gui["cap_shown"] else
         ("nothing dropped" if not gui["log_dropped"] else "no"), "yes",
         gui["cap_shown"] if gui["log_dropped"] else None),
    ]


# ------------------------------------------------------------------------------------- main

def find_binary(build, relative, name):
    for candidate in [os.path.join(build, relative, name), os.path.join(build, name)]:
        if os.access(candidate, os.X_OK):
            return candidate
    return None


def main():
    parser = argparse.ArgumentParser(description="SocketLab benchmark driver")
    parser.add_argument("--build", default=os.path.join(ROOT, "build"),
                        help="CMake build directory holding app/socketlab-cli and bench/socketlab-load")
    parser.add_argument("--cli", help="socketlab-cli to measure (default: found in --build)")
    parser.add_argument("--load", help="socketlab-load (default: found in --build)")
    parser.add_argument("--gui-flood", help="socketlab-guiflood (default: found in --build)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=1.5)
    parser.add_argument("--out-dir", default=HERE)
    parser.add_argument("--smoke", action="store_true",
                        help="tiny sizes, one round, no iperf3/socat: checks the run completes "
                             "and the counts agree (never speed)")
    parser.add_argument("--no-iperf3", action="store_true")
    parser.add_argument("--no-gui", action="store_true")
    parser.add_argument("--render", metavar="RESULTS_JSON",
                        help="only write RESULTS.md again from an earlier results.json")
    parser.add_argument("--udp-rates", default="50000,200000")
    parser.add_argument("--groups", default="",
                        help="comma-separated subset: tcp1024,tcp64k,connect,udp (default all)")
    parser.add_argument("--only", default="",
                        help="comma-separated measurements to run: cases (the tables above, "
                             "see --groups), gui (the window's flood), rss_stop, gui_echo, "
                             "idle (poll and thread servers holding idle connections), "
                             "sampling (the socketlab cases with the kernel view's sampler on "
                             "and off) (default all); the figures not measured are kept from "
                             "the results.json already in --out-dir")
    parser.add_argument("--idle-connections", type=int, default=None,
                        help="idle: connections held (default 1000, smoke 20)")
    parser.add_argument("--flood-seconds", type=float, default=None,
                        help="rss_stop: how long the flood lasts before SIGTERM (default 30, "
                             "smoke 1)")
    parser.add_argument("--gui-messages", type=int, default=None,
                        help="gui_echo: messages per client (default 500000, smoke 2000)")
    args = parser.parse_args()
    measurements = {"cases", "gui", "rss_stop", "gui_echo", "idle", "sampling"}
    only = set(x for x in args.only.split(",") if x) or measurements
    if only - measurements:
        parser.error("--only: unknown %s" % ",".join(sorted(only - measurements)))

    if args.render:
        os.makedirs(args.out_dir, exist_ok=True)
        with open(args.render) as f:
            text = markdown(json.load(f))
        with open(os.path.join(args.out_dir, "RESULTS.md"), "w") as f:
            f.write(text)
        print(text)
        return 0

    cli = args.cli or find_binary(args.build, "app", "socketlab-cli")
    load = args.load or find_binary(args.build, "bench", "socketlab-load")
    gui = args.gui_flood or find_binary(args.build, "bench", "socketlab-guiflood")
    if not cli or not load:
        sys.exit("bench/run.py: build socketlab-cli and socketlab-load first (looked in %s)" % args.build)
    if args.smoke:
        args.runs, args.seconds = 1, 0.3
        udp_rates = [2000]
    else:
        udp_rates = [int(x) for x in args.udp_rates.split(",") if x]
    have_socat = shutil.which("socat") is not None
    have_iperf3 = shutil.which("iperf3") is not None and not args.no_iperf3 and not args.smoke
    if not args.smoke and not have_iperf3:
        print("note: iperf3 not found, the 64 KiB reference is skipped", file=sys.stderr)

    load_before = loadavg()
    cases = build_cases(cli, load, args.smoke, have_socat, have_iperf3, udp_rates)
    if "cases" not in only:
        cases = []
    if args.groups:
        wanted = args.groups.split(",")
        cases = [c for c in cases if c.group in wanted or c.group.rstrip("0123456789") in wanted]
    sampling_cases = build_sampling_cases(cli, load, args.smoke) if "sampling" in only else []
    started = time.monotonic()
    failures = 0
    for round_no in range(args.runs):
        for case in sampling_cases:
            try:
                result = run_case(case, args.seconds)
                case.samples.append(result.get("value"))
            except (BenchError, subprocess.TimeoutExpired, OSError, ValueError, KeyError) as e:
                case.samples.append(None)
                case.errors.append(str(e))
                failures += 1
                print("error: %s: %s" % (case.name, e), file=sys.stderr)
        for case in cases:
            try:
                result = run_case(case, args.seconds, note_backlog=round_no == 0)
                case.samples.append(result.get("value"))
                case.details.append(result)
            except (BenchError, subprocess.TimeoutExpired, OSError, ValueError, KeyError) as e:
                case.samples.append(None)
                case.errors.append(str(e))
                failures += 1
                print("error: %s: %s" % (case.name, e), file=sys.stderr)
        print("round %d/%d done after %.0fs" % (round_no + 1, args.runs, time.monotonic() - started),
              file=sys.stderr)

    report = {"machine": machine(), "runs": args.runs, "seconds": args.seconds,
              "load_before": load_before, "load_after": loadavg(),
              "smoke": args.smoke, "cases": [], "ratios": ratios(cases, args.runs)}
    for c in cases:
        values = [v for v in c.samples if v is not None]
        entry = {"group": c.group, "name": c.name, "unit": c.unit, "samples": c.samples,
                 "median": median(values), "min": min(values) if values else None,
                 "max": max(values) if values else None, "errors": c.errors, "runs": c.details}
        efficiency = []
        for d in c.details:
            cpu = d.get("server_cpu_s")
            if cpu is None:
                continue
            if c.group.startswith("tcp") and d.get("bytes"):
                efficiency.append(cpu / (d["bytes"] / 2 ** 30))
            elif c.group == "connect" and d.get("connections"):
                efficiency.append(cpu * 1e6 / d["connections"])
        entry["median_server_cpu"] = median(efficiency)
        entry["backlog"] = next((d["backlog"] for d in c.details if "backlog" in d), None)
        entry["server_cpu_unit"] = "CPU s/GiB" if c.group.startswith("tcp") else "CPU us/conn"
        if c.group.startswith("udp"):
            for key in ("sent", "received", "loss_pct"):
                entry["median_" + key] = median([d[key] for d in c.details if key in d])
        for d in c.details:
            d.pop("summary", None)
        cases_entry = entry
        report["cases"].append(cases_entry)

    report["backlog"] = BACKLOG
    if sampling_cases:
        report["sampling"] = {"machine": report["machine"], "runs": args.runs,
                              "seconds": args.seconds, "load_before": load_before,
                              "load_after": loadavg(), "ratios": sampling_ratios(sampling_cases)}
        if gui and not args.no_gui:
            report["sampling"]["gui"] = gui_flood_with_sampling(gui, args.smoke, min(args.runs, 5))
    flood_seconds = args.flood_seconds or (1.0 if args.smoke else 30.0)
    gui_messages = args.gui_messages or (2000 if args.smoke else 500000)
    if "rss_stop" in only:
        report["rss_stop"] = []
        for mode in ("thread", "fork"):
            try:
                r = floods.run_rss_stop(cli, load, mode, flood_seconds,
                                        stop_bound=5.0 if args.smoke else floods.STOP_BOUND_S)
            except (BenchError, subprocess.TimeoutExpired, OSError, ValueError, KeyError) as e:
                r = {"mode": mode, "error": str(e)}
            report["rss_stop"].append(r)
            print("rss_stop %s done after %.0fs" % (mode, time.monotonic() - started), file=sys.stderr)
    if "gui_echo" in only and not args.no_gui:
        if gui:
            clients = 2 if args.smoke else 8
            try:
                report["gui_echo"] = floods.run_gui_echo(gui, cli, load, clients, gui_messages)
            except (BenchError, subprocess.TimeoutExpired, OSError, ValueError, KeyError) as e:
                report["gui_echo"] = {"clients": clients, "messages_per_client": gui_messages,
                                      "message_size": 1024, "error": str(e)}
        else:
            report["gui_echo"] = {"clients": 0, "messages_per_client": 0, "message_size": 0,
                                  "error": "socketlab-guiflood was not built"}
        print("gui_echo done after %.0fs" % (time.monotonic() - started), file=sys.stderr)
    if "idle" in only:
        connections = args.idle_connections or (20 if args.smoke else 1000)
        report["idle"] = idle.run_all(cli, connections, min(args.runs, 3))
        failures += len(report["idle"]["errors"])
        print("idle done after %.0fs" % (time.monotonic() - started), file=sys.stderr)
    failures += floods.failures(report)

    if gui and not args.no_gui and "gui" in only:
        flood_runs = [run_gui_flood(gui, args.smoke) for _ in range(min(args.runs, 3))]
        report["gui_flood"] = summarize_gui(flood_runs)
        if report["gui_flood"].get("error"):
            failures += 1
        if not args.smoke:
            # Ten times longer, once: is the window still smooth and bounded when it lasts?
            report["gui_flood_10x"] = summarize_gui([run_gui_flood(gui, False, messages=200000)])
            if report["gui_flood_10x"].get("error"):
                failures += 1
    elif not args.no_gui and "gui" in only:
        report["gui_flood"] = {"error": "socketlab-guiflood was not built"}

    os.makedirs(args.out_dir, exist_ok=True)
    keep_earlier(report, only, os.path.join(args.out_dir, "results.json"))
    with open(os.path.join(args.out_dir, "results.json"), "w") as f:
        json.dump(report, f, indent=1)
    text = markdown(report)
    with open(os.path.join(args.out_dir, "RESULTS.md"), "w") as f:
        f.write(text)
    print(text)
    print("total %.0fs, %d failed measurement(s)" % (time.monotonic() - started, failures),
          file=sys.stderr)
    return 1 if failures else 0


def keep_earlier(report, only, path):
    """A partial run (--only) keeps the figures it did not measure from the earlier results."""
    try:
        with open(path) as f:
            earlier = json.load(f)
    except (OSError, ValueError):
        return
    if "cases" not in only:
        for key in ("machine", "runs", "seconds", "load_before", "load_after", "smoke", "cases",
                    "ratios", "backlog"):
            if key in earlier:
                report[key] = earlier[key]
    for measurement, keys in (("rss_stop", ["rss_stop"]), ("gui_echo", ["gui_echo"]),
                              ("gui", ["gui_flood", "gui_flood_10x"]), ("sampling", ["sampling"])):
        if measurement not in only:
            for key in keys:
                if key in earlier:
                    report[key] = earlier[key]


def gui_flood_with_sampling(gui, smoke, rounds):
    """The window's flood (run_gui_flood) with the sampler on and off, interleaved: medians."""
    runs = {"on": [], "off": []}
    for _ in range(rounds):
        for state in ("on", "off"):
            os.environ.pop("SOCKETLAB_STATE_SAMPLING", None)
            if state == "off":
                os.environ["SOCKETLAB_STATE_SAMPLING"] = "0"
            try:
                runs[state].append(run_gui_flood(gui, smoke))
            finally:
                os.environ.pop("SOCKETLAB_STATE_SAMPLING", None)
    out = {"rounds": rounds}
    for state, results in runs.items():
        good = [r for r in results if not r.get("error")]
        out[state] = {"max_stall_ms": median([r["max_stall_ms"] for r in good]),
                      "seconds_to_count_all": median([r["seconds_to_count_all"] for r in good]),
                      "counters_exact": bool(good) and all(r["counters_exact"] for r in good),
                      "errors": [r["error"] for r in results if r.get("error")]}
    return out


def summarize_gui(runs):
    """Medians over the flood runs; exact only if every run was; the first error, if any."""
    errors = [r["error"] for r in runs if r.get("error")]
    good = [r for r in runs if not r.get("error")]
    if not good:
        return {"error": errors[0] if errors else "no run", "runs": runs}
    out = dict(good[-1])
    for key in ("max_stall_ms", "peak_rss_mb", "seconds_to_count_all"):
        out[key] = median([r[key] for r in good])
    out["worst_stall_ms"] = max(r["max_stall_ms"] for r in good)
    out["counters_exact"] = all(r["counters_exact"] for r in good)
    out["cap_shown"] = all(r["cap_shown"] for r in good)
    out["flood_runs"] = len(runs)
    if errors:
        out["error"] = errors[0]
    out["runs"] = runs
    return out


def run_gui_flood(gui, smoke, messages=None):
    argv = [gui]
    if smoke:
        argv += ["--clients", "2", "--messages", "500"]
    elif messages:
        argv += ["--messages", str(messages)]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    try:
        proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                              timeout=180)
        result = json.loads(proc.stdout.decode().strip().splitlines()[-1])
    except (subprocess.TimeoutExpired, ValueError, IndexError) as e:
        return {"error": "socketlab-guiflood: %s" % e}
    if proc.returncode != 0 and not result.get("error"):
        result["error"] = "exit %d: %s" % (proc.returncode, proc.stderr.decode()[:300])
    return result


if __name__ == "__main__":
    sys.exit(main())

"""The benchmark's idle-connections measurement (bench/run.py runs it, issue 13):

idle  `socketlab-cli server --quiet` in poll and thread mode holding N (1,000) connections
      that connect and then say nothing: the server's RSS and thread count with all of them
      accepted, beside the same server's RSS while it listens with no connection at all.

Standard library only.
"""

import os
import resource
import socket
import time

from benchlib import HOST, BenchError, fmt, socketlab_server, status_kb

# Target (issue 13): the poll server holding the idle connections stays below this many
# times its own idle RSS plus this many MB.
RSS_FACTOR = 1.5
RSS_EXTRA_MB = 10
MODES = ("poll", "thread")
ACCEPT_BOUND_S = 60.0


def _raise_fd_limit(connections):
    """Enough descriptors for the clients here and, inherited, for the server."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = connections + 256
    if soft != resource.RLIM_INFINITY and soft < want:
        if hard != resource.RLIM_INFINITY and hard < want:
            raise BenchError("ulimit -n: %d descriptors needed, the hard limit is %d" % (want, hard))
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))


def _sockets_open(pid):
    try:
        names = os.listdir("/proc/%d/fd" % pid)
    except OSError:
        return 0
    count = 0
    for name in names:
        try:
            if os.readlink("/proc/%d/fd/%s" % (pid, name)).startswith("socket:"):
                count += 1
        except OSError:
            pass
    return count


def _threads(pid):
    try:
        return len(os.listdir("/proc/%d/task" % pid))
    except OSError:
        return None


def run_idle(cli, mode, connections):
    """One server, N idle connections: its RSS (MB) idle and holding them, and its threads."""
    _raise_fd_limit(connections)
    # Room in the backlog for every connect of the burst, so none waits for a SYN retry.
    server = socketlab_server(cli, mode, backlog=min(connections, 4096),
                              extra=["--max-clients", str(connections + 16)]).start()
    clients = []
    try:
        pid = server.proc.pid
        time.sleep(0.3)
        idle_kb = status_kb(pid, "VmRSS")
        idle_threads = _threads(pid)
        base = _sockets_open(pid)  # the listener (and nothing else, as a rule)
        for _ in range(connections):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.connect((HOST, server.port))
            clients.append(s)
        started = time.monotonic()
        while _sockets_open(pid) < base + connections:
            if time.monotonic() - started > ACCEPT_BOUND_S:
                raise BenchError("%s: only %d of %d connections accepted after %gs" % (
                    mode, _sockets_open(pid) - base, connections, ACCEPT_BOUND_S))
            time.sleep(0.05)
        accepted_s = time.monotonic() - started
        time.sleep(0.3)  # let every handler settle into its wait
        held_kb = status_kb(pid, "VmRSS")
        held_threads = _threads(pid)
    finally:
        for s in clients:
            s.close()
        summary = server.stop()
    if summary is not None and summary.get("connections") != connections:
        raise BenchError("%s: server counted %s connections, %d were made" % (
            mode, summary.get("connections"), connections))
    return {"mode": mode, "connections": connections, "idle_rss_mb": idle_kb / 1024.0,
            "held_rss_mb": held_kb / 1024.0, "idle_threads": idle_threads,
            "held_threads": held_threads, "accepted_s": accepted_s}


def run_all(cli, connections, rounds):
    """Rounds interleaved over the modes; per mode the median round (by held RSS)."""
    runs = {mode: [] for mode in MODES}
    errors = []
    for _ in range(rounds):
        for mode in MODES:
            try:
                runs[mode].append(run_idle(cli, mode, connections))
            except (BenchError, OSError) as e:
                errors.append("%s: %s" % (mode, e))
    out = {"connections": connections, "rounds": rounds, "modes": [], "errors": errors}
    for mode in MODES:
        got = sorted(runs[mode], key=lambda r: r["held_rss_mb"])
        if got:
            median = dict(got[len(got) // 2])
            median["held_rss_mb_range"] = [got[0]["held_rss_mb"], got[-1]["held_rss_mb"]]
            out["modes"].append(median)
    poll = next((r for r in out["modes"] if r["mode"] == "poll"), None)
    if poll:
        limit = RSS_FACTOR * poll["idle_rss_mb"] + RSS_EXTRA_MB
        out["target_mb"] = limit
        out["met"] = poll["held_rss_mb"] < limit
    return out


def markdown(report):
    idle = report.get("idle")
    if not idle:
        return []
    lines = ["", "## %s idle connections held (issue 13)" % fmt(idle["connections"]), "",
             "`socketlab-cli server --quiet` in poll and thread mode; %s clients connect and "
             "say nothing. RSS (VmRSS) and threads (/proc/PID/task) once the server has accepted "
             "every one, beside the same server listening with no connection. Median of %d "
             "rounds (by RSS held; the range is over the rounds). Target: the poll server "
             "holding them below %g x its idle RSS + %d MB." % (
                 fmt(idle["connections"]), idle["rounds"], RSS_FACTOR, RSS_EXTRA_MB), "",
             "| server | idle RSS | RSS holding them | range | threads idle / holding | "
             "accepted in |",
             "|---|---:|---:|---:|---:|---:|"]
    for r in idle["modes"]:
        lines.append("| socketlab %s | %.1f MB | %.1f MB | %.1f–%.1f MB | %s / %s | %.2f s |" % (
            r["mode"], r["idle_rss_mb"], r["held_rss_mb"], r["held_rss_mb_range"][0],
            r["held_rss_mb_range"][1], fmt(r["idle_threads"]), fmt(r["held_threads"]),
            r["accepted_s"]))
    if "target_mb" in idle:
        lines += ["", "Poll RSS holding them against the target: < %.1f MB, %s." % (
            idle["target_mb"], "met" if idle["met"] else "**not met**")]
    for e in idle["errors"]:
        lines.append("\nError: %s" % e)
    return lines

"""The benchmark's flood measurements (bench/run.py runs them; README.md says what they mean):

rss_stop  `socketlab-cli server --json > /dev/null` (every event formatted, thrown away) under
          a flood of 4 connections sending 1 KiB chunks as fast as they can, thread and fork:
          peak RSS, and the time from SIGTERM (sent mid-flood) until the process has exited.
gui_echo  the window's own server (socketlab-guiflood, offscreen) under 8 x N x 1 KiB with echo
          on and every echo read back by the clients, and the quiet CLI with --echo on the
          identical flood (socketlab-load tcp --messages N --drain): peak RSS, longest
          event-loop stall, and the window's ingest against the CLI's.

Standard library only.
"""

import json
import os
import signal
import subprocess
import time

from benchlib import (BACKLOG, BenchError, children_of, fmt, free_port, listen_backlog,
                      port_listening, run_load, socketlab_server, status_kb)

# Targets (the hardening issue).
RSS_STOP_MAX_MB = 100
STOP_MAX_S = 1.0
GUI_RSS_MAX_MB = 150
GUI_STALL_MAX_MS = 100
GUI_INGEST_MIN_RATIO = 0.5

# A runaway server is stopped before it takes the shared machine down with it.
RSS_ABORT_MB = 1024
SAMPLE_S = 0.1
# How long a server may take to exit after SIGTERM before it is killed: a server that needs
# longer misses the target by far; that is reported, not counted as a failed measurement.
STOP_BOUND_S = 10.0


def _wait_exit(pid, bound):
    """Waits (bounded) for pid to exit; returns (seconds, exit status, peak RSS kB of it and
    its reaped children from wait4), seconds None when it did not exit in time or grew past
    RSS_ABORT_MB meanwhile."""
    started = time.monotonic()
    checked = started
    while time.monotonic() - started < bound:
        got, status, usage = os.wait4(pid, os.WNOHANG)
        if got == pid:
            return time.monotonic() - started, status, usage.ru_maxrss
        if time.monotonic() - checked > SAMPLE_S:
            checked = time.monotonic()
            if (status_kb(pid, "VmRSS") or 0) > RSS_ABORT_MB * 1024:
                break
        time.sleep(0.002)
    return None, None, None


def _session_alive(pgid):
    try:
        os.killpg(pgid, 0)
        return True
    except (ProcessLookupError, PermissionError):
        return False


def run_rss_stop(cli, load, mode, seconds, clients=4, chunk=1024, stop_bound=STOP_BOUND_S):
    """One server under the flood for `seconds`, then SIGTERM in the middle of it."""
    port = free_port()
    argv = [cli, "server", "--json", "--port", str(port), "--backlog", str(BACKLOG),
            "--concurrency", mode]
    result = {"mode": mode, "clients": clients, "chunk": chunk, "flood_seconds": seconds,
              "stop_bound_s": stop_bound}
    server = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, start_new_session=True)
    flood = None
    try:
        deadline = time.monotonic() + 10
        while not port_listening(port):
            if server.poll() is not None or time.monotonic() > deadline:
                raise BenchError("socketlab %s never listened: %s" % (
                    mode, server.stderr.read().decode(errors="replace")[:300]))
            time.sleep(0.02)
        result["backlog"] = listen_backlog(port)
        # The load sends longer than we wait: it is still sending when SIGTERM arrives.
        flood = subprocess.Popen([load, "tcp", "--port", str(port), "--clients", str(clients),
                                  "--chunk", str(chunk), "--seconds", "%g" % (seconds + 60)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        peak_hwm = peak_tree = 0
        started = time.monotonic()
        aborted = False
        while time.monotonic() - started < seconds:
            time.sleep(SAMPLE_S)
            if flood.poll() is not None:
                raise BenchError("the load ended early: %s" % flood.stderr.read().decode()[:300])
            hwm = status_kb(server.pid, "VmHWM") or 0
            tree = (status_kb(server.pid, "VmRSS") or 0) + sum(
                status_kb(child, "VmRSS") or 0 for child in children_of(server.pid))
            peak_hwm, peak_tree = max(peak_hwm, hwm), max(peak_tree, tree)
            if hwm > RSS_ABORT_MB * 1024:
                aborted = True
                break
        result["flooded_seconds"] = time.monotonic() - started
        result["aborted_over_mb"] = RSS_ABORT_MB if aborted else None
        result["live_children_at_stop"] = len(children_of(server.pid))
        server.send_signal(signal.SIGTERM)
        signalled = time.monotonic()
        stop_s, status, maxrss_kb = _wait_exit(server.pid, stop_bound)
        result["killed"] = stop_s is None
        if stop_s is None:
            result["killed_after_s"] = time.monotonic() - signalled
            result["killed_because"] = ("over %d MB" % RSS_ABORT_MB
                                        if result["killed_after_s"] < stop_bound - 0.05
                                        else "still running")
            os.killpg(server.pid, signal.SIGKILL)
            _, _, maxrss_kb = _wait_exit(server.pid, 10)
        else:
            server.returncode = os.waitstatus_to_exitcode(status)
            result["exit_code"] = server.returncode
        result["stop_s"] = stop_s
        if stop_s is not None:
            time.sleep(0.2)  # a child the server did not wait for would still be running now
            result["stray_processes"] = _session_alive(server.pid)
        # Peak of the server process: the larger of what /proc showed and what wait4 says
        # (which also covers the shutdown and, in fork mode, the reaped children).
        result["peak_hwm_mb"] = peak_hwm / 1024.0
        result["peak_rss_wait4_mb"] = maxrss_kb / 1024.0 if maxrss_kb else None
        result["peak_rss_mb"] = max(peak_hwm, maxrss_kb or 0) / 1024.0
        result["peak_tree_rss_mb"] = peak_tree / 1024.0
        out, _ = flood.communicate(timeout=60)
        try:
            sent = json.loads(out.decode().strip().splitlines()[-1])
            result["bytes_sent"] = sent.get("bytes")
            result["sent_mib_per_s"] = sent["bytes"] / result["flooded_seconds"] / 2 ** 20
        except (ValueError, IndexError, KeyError):
            result["bytes_sent"] = None
    finally:
        if flood is not None and flood.poll() is None:
            flood.kill()
            flood.wait()
        if server.returncode is None and server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        try:
            os.killpg(server.pid, signal.SIGKILL)  # strays (reported above) go with the session
        except (ProcessLookupError, PermissionError):
            pass
    result["rss_met"] = result["peak_rss_mb"] < RSS_STOP_MAX_MB
    result["stop_met"] = result["stop_s"] is not None and result["stop_s"] < STOP_MAX_S
    return result


def run_gui_echo(gui, cli, load, clients, messages, size=1024, timeout=600):
    """The window and the quiet CLI on the same flood, echo on and drained."""
    out = {"clients": clients, "messages_per_client": messages, "message_size": size}
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    argv = [gui, "--clients", str(clients), "--messages", str(messages), "--size", str(size),
            "--echo", "1", "--timeout", str(timeout)]
    try:
        proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                              timeout=timeout + 60)
        window = json.loads(proc.stdout.decode().strip().splitlines()[-1])
        if proc.returncode != 0 and not window.get("error"):
            window["error"] = "exit %d: %s" % (proc.returncode, proc.stderr.decode()[:300])
    except (subprocess.TimeoutExpired, ValueError, IndexError) as e:
        window = {"error": "socketlab-guiflood: %s" % e}
    out["gui"] = window

    server = socketlab_server(cli, "thread", echo=True).start()
    cli_result = {"backlog": listen_backlog(server.port)}
    try:
        r = run_load(load, ["tcp", "--port", str(server.port), "--clients", str(clients),
                            "--chunk", str(size), "--messages", str(messages), "--drain",
                            "--seconds", str(timeout)], timeout)
        cli_result.update(r)
        cli_result["peak_rss_mb"] = (status_kb(server.proc.pid, "VmHWM") or 0) / 1024.0
    except BenchError as e:
        cli_result["error"] = str(e)
    finally:
        summary = server.stop()
    if not cli_result.get("error"):
        if summary is None or summary["bytes"] != cli_result["bytes"] \
                or summary["connections"] != clients:
            cli_result["error"] = "the CLI counted %s, the clients sent %d bytes" % (
                summary and summary["bytes"], cli_result["bytes"])
        elif cli_result["echoed"] != cli_result["bytes"]:
            cli_result["error"] = "echoed %d of %d bytes" % (cli_result["echoed"], cli_result["bytes"])
    out["cli"] = cli_result

    if not window.get("error") and not cli_result.get("error"):
        out["ingest_ratio"] = (window["ingest_mib_per_s"] / cli_result["mib_per_s"]
                               if cli_result["mib_per_s"] else None)
        out["targets"] = gui_echo_targets(out)
    errors = [e for e in (window.get("error"), cli_result.get("error")) if e]
    if errors:
        out["error"] = "; ".join(errors)
    return out


def gui_echo_targets(r):
    """(label, value text, target text, met) for the window's echo flood."""
    g, c = r["gui"], r["cli"]
    return [
        ["peak RSS of the window (clients included)", "%.1f MB" % g["peak_rss_mb"],
         "< %d MB" % GUI_RSS_MAX_MB, g["peak_rss_mb"] < GUI_RSS_MAX_MB],
        ["longest event-loop stall", "%d ms" % g["max_stall_ms"], "< %d ms" % GUI_STALL_MAX_MS,
         g["max_stall_ms"] < GUI_STALL_MAX_MS],
        ["ingest: window / quiet CLI", "%s / %s MiB/s = %s" % (
            fmt(g["ingest_mib_per_s"]), fmt(c["mib_per_s"]), fmt(r["ingest_ratio"], 2)),
         "≥ %.1f" % GUI_INGEST_MIN_RATIO,
         r["ingest_ratio"] is not None and r["ingest_ratio"] >= GUI_INGEST_MIN_RATIO],
        ["bytes counted by the window / sent", "%s / %s" % (fmt(g["bytes_counted"]),
                                                          fmt(g["bytes_sent"])),
         "equal", g["counters_exact"]],
        ["bytes echoed back to the window's clients", fmt(g["bytes_echoed"]),
         "= sent", g["bytes_echoed"] == g["bytes_sent"]],
    ]


def markdown(report):
    """RESULTS.md sections for the flood measurements present in the report."""
    lines = []
    rss = report.get("rss_stop")
    if rss:
        first = next((r for r in rss if not r.get("error")), rss[0])
        lines += ["", "## The CLI under a flood: memory and SIGTERM (the hardening issue)", "",
                  "`socketlab-cli server --json > /dev/null` (every event formatted and thrown "
                  "away), %d connections sending %s B chunks as fast as they can for %gs, then "
                  "SIGTERM in the middle of the flood. Peak RSS: the larger of VmHWM sampled "
                  "every %gs and wait4()'s maximum (which covers the shutdown and reaped "
                  "children); the tree column adds the live children's RSS. A server past %d MB "
                  "(flood or shutdown) is killed, and so is one that has not exited %g s after "
                  "SIGTERM." % (
                      first.get("clients", 4), fmt(first.get("chunk")),
                      first.get("flood_seconds", 0), SAMPLE_S, RSS_ABORT_MB,
                      first.get("stop_bound_s", STOP_BOUND_S)), "",
                  "| mode | flood sent | peak RSS | target | | tree RSS | SIGTERM → exit | target "
                  "| | exit code | strays |",
                  "|---|---:|---:|---|---|---:|---:|---|---|---:|---|"]
        for r in rss:
            if "peak_rss_mb" not in r:
                lines.append("| %s | not measured: %s |||||||||| " % (r.get("mode"), r["error"]))
                continue
            lines.append("| %s | %s MiB/s | %.1f MB%s | < %d MB | %s | %.1f MB | %s | < %g s | %s "
                         "| %s | %s |" % (
                             r["mode"], fmt(r.get("sent_mib_per_s")), r["peak_rss_mb"],
                             " (flood stopped early)" if r.get("aborted_over_mb") else "",
                             RSS_STOP_MAX_MB, "met" if r["rss_met"] else "**not met**",
                             r["peak_tree_rss_mb"],
                             "%.3f s" % r["stop_s"] if r["stop_s"] is not None
                             else "none: killed after %.1f s, %s" % (r["killed_after_s"],
                                                                      r["killed_because"]),
                             STOP_MAX_S, "met" if r["stop_met"] else "**not met**",
                             fmt(r.get("exit_code")),
                             {True: "yes", False: "no"}.get(r.get("stray_processes"), "—")))
    echo = report.get("gui_echo")
    if echo:
        lines += ["", "## The window and the quiet CLI, echo on, the same flood", ""]
        lines.append("%d clients x %s messages of %s B each, as fast as they can, every echo "
                     "read back: into the window's own server (socketlab-guiflood, offscreen, "
                     "thread mode) and into `socketlab-cli server --quiet --echo` "
                     "(socketlab-load tcp --messages --drain). Ingest is the bytes sent over the "
                     "time from the first send until the server closed the last client." % (
                         echo["clients"], fmt(echo["messages_per_client"]),
                         fmt(echo["message_size"])))
        lines.append("")
        if echo.get("targets"):
            lines += ["| figure | value | target | |", "|---|---:|---|---|"]
            for label, value, target, met in echo["targets"]:
                lines.append("| %s | %s | %s | %s |" % (label, value, target,
                                                       "met" if met else "**not met**"))
        if echo.get("error"):
            lines.append("Not measured: %s" % echo["error"])
    return lines


def failures(report):
    """Measurements that did not complete (targets missed are reported, not failures)."""
    count = 0
    for r in report.get("rss_stop") or []:
        count += 1 if r.get("error") else 0
    if report.get("gui_echo", {}).get("error"):
        count += 1
    return count

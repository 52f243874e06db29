"""Pieces the benchmark's drivers share (run.py, floods.py): servers started in their own
session and stopped with SIGTERM, the load generator, and what /proc and ss say about them.
Standard library only."""

import json
import os
import re
import select
import signal
import socket
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
HOST = "127.0.0.1"
# Every server's listen backlog: the window's (guiflood sets its toolbar's Backlog to it), the
# CLI's, the recipe's Python servers' and socat's, so every server queues alike; no load here
# has more than 8 connects in flight.
# iperf3 cannot be told: it listens with the system's maximum (SOMAXCONN).
BACKLOG = 16


class BenchError(Exception):
    pass


# ---------------------------------------------------------------------------------- servers

def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def port_listening(port):
    """True once some socket listens on 127.0.0.1:port (read from /proc, no probe connection)."""
    want = "0100007F:%04X" % port
    for table in ("/proc/net/tcp",):
        try:
            with open(table) as f:
                for line in f.readlines()[1:]:
                    fields = line.split()
                    if fields[1] == want and fields[3] == "0A":
                        return True
        except OSError:
            pass
    return False


class Server:
    """One server process: started in its own session, stopped with SIGTERM and reaped."""

    def __init__(self, name, argv, port=None, announces=False):
        self.name = name
        self.argv = argv
        self.port = port
        self.announces = announces  # prints a JSON line with its port once listening
        self.proc = None
        self.lines = []

    def start(self, timeout=10.0):
        self.proc = subprocess.Popen(self.argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + timeout
        if self.announces:
            line = self._readline(deadline)
            if line is None:
                self.stop()
                raise BenchError("%s did not start: %s" % (self.name, self.stderr_text()))
            event = json.loads(line)
            if "port" in event:
                self.port = int(event["port"])
            else:
                self.port = int(event["local"].rsplit(":", 1)[1])
            return self
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise BenchError("%s exited: %s" % (self.name, self.stderr_text()))
            if port_listening(self.port):
                return self
            time.sleep(0.02)
        self.stop()
        raise BenchError("%s never listened on port %d" % (self.name, self.port))

    def _readline(self, deadline):
        fd = self.proc.stdout.fileno()
        buf = b""
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                break
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            buf += chunk
            if b"\n" in buf:
                line, rest = buf.split(b"\n", 1)
                self.lines.append(line.decode())
                self._rest = rest
                return line.decode()
        return None

    def stop(self, timeout=10.0):
        """SIGTERM, wait, and return the server's summary (dict) when it prints one."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            out, err = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            out, err = self.proc.communicate()
        self._stderr = err.decode(errors="replace")
        # A forking server's stray children (none expected) go with their session.
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        text = getattr(self, "_rest", b"").decode(errors="replace") + out.decode(errors="replace")
        summary = None
        for line in text.splitlines():
            self.lines.append(line)
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if event.get("event") == "summary":
                summary = event
        self.proc = None
        return summary

    def cpu_seconds(self):
        """CPU time of the server so far, its reaped children included (from /proc)."""
        try:
            with open("/proc/%d/stat" % self.proc.pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except (OSError, AttributeError):
            return None
        # utime, stime, cutime, cstime are fields 14-17; fields[0] is field 3 (state).
        ticks = sum(int(x) for x in fields[11:15])
        return ticks / os.sysconf("SC_CLK_TCK")

    def stderr_text(self):
        if self.proc is not None and self.proc.poll() is not None:
            return self.proc.stderr.read().decode(errors="replace").strip()[:500]
        return getattr(self, "_stderr", "").strip()[:500]


def socketlab_server(cli, concurrency, buffer=1024, proto="tcp", echo=False, backlog=BACKLOG,
                     extra=()):
    argv = [cli, "server", "--quiet", "--json", "--port", "0", "--proto", proto,
            "--buffer", str(buffer), "--backlog", str(backlog)]
    if proto == "tcp":
        argv += ["--concurrency", concurrency]
    if echo:
        argv.append("--echo")
    argv += list(extra)
    return Server("socketlab %s" % concurrency, argv, announces=True)


def python_server(mode, buffer=1024):
    argv = [sys.executable, os.path.join(HERE, "recipe_server.py"), "--mode", mode,
            "--buffer", str(buffer), "--backlog", str(BACKLOG)]
    return Server("python %s" % mode, argv, announces=True)


def socat_server():
    port = free_port()
    argv = ["socat", "-b", "1024", "-u",
            "TCP-LISTEN:%d,bind=%s,fork,reuseaddr,backlog=%d" % (port, HOST, BACKLOG), "/dev/null"]
    return Server("socat fork", argv, port=port)


def iperf3_server():
    port = free_port()
    return Server("iperf3 -s", ["iperf3", "-s", "-1", "-B", HOST, "-p", str(port)], port=port)


# ------------------------------------------------------------------------------------ loads

def run_load(load, args, seconds):
    proc = subprocess.run([load] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=seconds + 60)
    try:
        result = json.loads(proc.stdout.decode().strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise BenchError("socketlab-load %s: %s" % (" ".join(args), proc.stderr.decode()[:300]))
    if proc.returncode != 0:
        raise BenchError("socketlab-load %s failed: %s" % (" ".join(args), result.get("error")))
    return result


def median(values):
    return statistics.median(values) if values else None


def fmt(value, digits=0):
    if value is None:
        return "—"
    return "{:,.{d}f}".format(value, d=digits)


def listen_backlog(port):
    """The backlog of the socket listening on 127.0.0.1:port as the kernel holds it (ss shows
    it as a listener's Send-Q), or None when ss is missing or nothing listens there."""
    try:
        out = subprocess.run(["ss", "-Hltn", "src", "%s:%d" % (HOST, port)], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, timeout=10).stdout.decode()
    except (OSError, subprocess.TimeoutExpired):
        return None
    for line in out.splitlines():
        fields = line.split()
        if len(fields) >= 3 and fields[0] == "LISTEN":
            return int(fields[2])
    return None


def status_kb(pid, field):
    """A field of /proc/<pid>/status in kB (VmRSS, VmHWM), or None."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


def children_of(pid):
    """Pids whose parent is pid, from /proc."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if len(fields) > 1 and int(fields[1]) == pid:
            found.append(int(entry))
    return found


def replace_results_section(title, section):
    """Puts section (starting with its title line) into bench/RESULTS.md, replacing an older
    one of that title, at the end."""
    path = os.path.join(HERE, "RESULTS.md")
    text = open(path).read() if os.path.exists(path) else ""
    text = re.sub(re.escape(title) + r".*?(?=\n## |\Z)", "", text, flags=re.S).rstrip("\n")
    with open(path, "w") as f:
        f.write(text + "\n\n" + section)

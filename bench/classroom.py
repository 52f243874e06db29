#!/usr/bin/env python3
"""A virtual class: N students connect to a SocketLab server from their own loopback
addresses (127.0.0.2, 127.0.0.3, ... each socket is bound before connect, so every student
has an address of its own, as on a real classroom network) and behave as students do.

    python3 bench/classroom.py --port 5000 [--students 40] [--flooders 4] [--seconds 20]

Behaviours (--plan, comma separated, repeated over the students; --flooders N turns N
students spread over the class into floods):
  line       one line, then stays connected
  chatty     a line every --chatty-interval seconds
  idle       connects and says nothing
  flood      --flood-bytes (1 MB) in 1 KiB chunks as fast as the server reads
  html       a line of markup ("<b>...</b>", "<img ...>") that must show as plain text
  bidi       a line with right-to-left text and bidi overrides
  reset      one line, then an abortive close (SO_LINGER 0: an RST)
  reconnect  one line, leaves, comes back from the same address and says another line

Every student reads back what the server echoes (and throws it away), so an echoing server
never blocks on it. Bounded: at most 250 students, --seconds at most 600, loopback only (the
target and every source address must be in 127.0.0.0/8). Prints one JSON object on standard
output at the end (per behaviour: students, lines and bytes sent; errors) and exits 0 when
every student connected and sent what its behaviour says, 1 otherwise, 2 for bad arguments.

Reusable from Python: `run_class(port, ...)` returns the same dictionary. Line texts are
stable ("student 7 says hello") so a test can look for them in a log.
"""

import argparse
import ipaddress
import json
import signal
import socket
import struct
import sys
import threading
import time

BEHAVIOURS = ("line", "chatty", "idle", "flood", "html", "bidi", "reset", "reconnect")
DEFAULT_PLAN = "line,chatty,idle,html,line,bidi,reset,reconnect"
MAX_STUDENTS = 250
MAX_SECONDS = 600
CHUNK = 1024


def line_for(number, behaviour):
    """The text a student sends first (tests look for it)."""
    if behaviour == "html":
        return "<b>student %d</b> <img src=x onerror=alert(1)> &amp; <i>html</i>\n" % number
    if behaviour == "bidi":
        return "student %d \u202eevil\u202c \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627\n" % number
    return "student %d says hello\n" % number


def source_address(first, index):
    address = ipaddress.IPv4Address(first) + index
    if not address.is_loopback:
        raise ValueError("student %d would use %s, outside 127.0.0.0/8" % (index + 1, address))
    return str(address)


class Student(threading.Thread):
    def __init__(self, number, behaviour, source, host, port, options, stop):
        super().__init__(daemon=True)
        self.number = number
        self.behaviour = behaviour
        self.source = source
        self.host = host
        self.port = port
        self.options = options
        self.stop = stop
        self.sock = None
        self.connected = False
        self.lines = 0
        self.bytes = 0
        self.echoed = 0
        self.error = None
        self.done = False

    def connect(self):
        deadline = time.monotonic() + 10
        while True:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                s.bind((self.source, 0))
                s.settimeout(5)
                s.connect((self.host, self.port))
                s.settimeout(None)
                break
            except OSError:
                s.close()
                if time.monotonic() > deadline or self.stop.is_set():
                    raise
                self.stop.wait(0.1)
        self.sock = s
        self.connected = True
        reader = threading.Thread(target=self.drain, args=(s,), daemon=True)
        reader.start()
        return s

    def drain(self, s):
        try:
            while True:
                data = s.recv(65536)
                if not data:
                    return
                self.echoed += len(data)
        except OSError:
            return

    def send(self, s, data):
        s.sendall(data)
        self.bytes += len(data)

    def say(self, s, text):
        self.send(s, text.encode("utf-8"))
        self.lines += 1

    def run(self):
        try:
            self.behave()
            self.done = True
        except OSError as e:
            self.error = "%s: %s" % (self.behaviour, e)
        finally:
            self.close(abort=False)

    def behave(self):
        s = self.connect()
        b = self.behaviour
        if b == "idle":
            pass
        elif b == "flood":
            chunk = (b"x" * (CHUNK - 1)) + b"\n"
            left = self.options["flood_bytes"]
            while left > 0 and not self.stop.is_set():
                piece = chunk[:min(CHUNK, left)]
                self.send(s, piece)
                left -= len(piece)
            self.lines += 1
        elif b == "chatty":
            count = 0
            while not self.stop.is_set():
                count += 1
                self.say(s, "student %d chat %d\n" % (self.number, count))
                self.stop.wait(self.options["chatty_interval"])
            return
        elif b == "reset":
            self.say(s, line_for(self.number, b))
            time.sleep(0.2)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close(abort=True)
            return
        elif b == "reconnect":
            self.say(s, line_for(self.number, b))
            self.stop.wait(0.5)
            self.close(abort=False)
            self.stop.wait(self.options["reconnect_after"])
            if self.stop.is_set():
                return
            s = self.connect()
            self.say(s, "student %d is back\n" % self.number)
        else:
            self.say(s, line_for(self.number, b))
        self.stop.wait()

    def close(self, abort):
        s, self.sock = self.sock, None
        if s is None:
            return
        try:
            if not abort:
                s.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        s.close()


def plan_for(students, plan, flooders):
    behaviours = [plan[i % len(plan)] for i in range(students)]
    if flooders > 0:
        # Spread over the class, so the floods have quiet neighbours on both sides.
        step = students / flooders
        for k in range(flooders):
            behaviours[int(k * step + step / 2) % students] = "flood"
    return behaviours


def run_class(port, host="127.0.0.1", students=40, first="127.0.0.2", flooders=4,
              flood_bytes=1 << 20, seconds=20.0, plan=DEFAULT_PLAN, chatty_interval=0.5,
              reconnect_after=1.0, stop=None):
    """Runs the class for `seconds` (or until `stop` is set) and returns the summary."""
    if not 1 <= students <= MAX_STUDENTS:
        raise ValueError("--students must be 1 to %d" % MAX_STUDENTS)
    if not 0 < seconds <= MAX_SECONDS:
        raise ValueError("--seconds must be above 0 and at most %d" % MAX_SECONDS)
    if not ipaddress.ip_address(host).is_loopback:
        raise ValueError("the server must be on loopback (127.0.0.0/8), not %s" % host)
    if not 0 <= flooders <= students:
        raise ValueError("--flooders must be 0 to --students")
    names = [p.strip() for p in plan.split(",") if p.strip()] if isinstance(plan, str) else list(plan)
    for name in names:
        if name not in BEHAVIOURS:
            raise ValueError("unknown behaviour %r (one of %s)" % (name, ", ".join(BEHAVIOURS)))
    if not names:
        raise ValueError("the plan names no behaviour")
    sources = [source_address(first, i) for i in range(students)]
    stop = stop or threading.Event()
    options = {"flood_bytes": max(0, int(flood_bytes)), "chatty_interval": max(0.05, chatty_interval),
               "reconnect_after": max(0.0, reconnect_after)}
    class_ = [Student(i + 1, b, sources[i], host, port, options, stop)
              for i, b in enumerate(plan_for(students, names, flooders))]
    started = time.monotonic()
    for student in class_:
        student.start()
        time.sleep(0.01)  # as a class does: not all in the same millisecond
    stop.wait(max(0.0, seconds - (time.monotonic() - started)))
    stop.set()
    for student in class_:
        student.join(timeout=5)
    summary = {"students": students, "seconds": round(time.monotonic() - started, 3),
               "connected": sum(1 for s in class_ if s.connected), "behaviours": {}, "errors": []}
    for s in class_:
        entry = summary["behaviours"].setdefault(s.behaviour, {"students": 0, "lines": 0, "bytes": 0})
        entry["students"] += 1
        entry["lines"] += s.lines
        entry["bytes"] += s.bytes
        if s.error:
            summary["errors"].append("student %d (%s): %s" % (s.number, s.source, s.error))
    summary["bytes"] = sum(s.bytes for s in class_)
    summary["ok"] = summary["connected"] == students and not summary["errors"]
    return summary


def main(argv=None):
    parser = argparse.ArgumentParser(description="A virtual class of students on loopback.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--first", default="127.0.0.2", help="the first student's address")
    parser.add_argument("--flooders", type=int, default=4)
    parser.add_argument("--flood-bytes", type=int, default=1 << 20)
    parser.add_argument("--seconds", type=float, default=20.0, help="how long the class stays")
    parser.add_argument("--plan", default=DEFAULT_PLAN)
    parser.add_argument("--chatty-interval", type=float, default=0.5)
    parser.add_argument("--reconnect-after", type=float, default=1.0)
    args = parser.parse_args(argv)
    if not 1 <= args.port <= 65535:
        parser.error("--port must be 1 to 65535")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        summary = run_class(args.port, args.host, args.students, args.first, args.flooders,
                            args.flood_bytes, args.seconds, args.plan, args.chatty_interval,
                            args.reconnect_after, stop)
    except ValueError as e:
        print("classroom.py: %s" % e, file=sys.stderr)
        return 2
    print(json.dumps(summary), flush=True)
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())

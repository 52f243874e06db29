#!/usr/bin/env python3
"""The CLI client and `sockets --watch` under the hostile cases of the second hardening round:
how long SIGTERM/SIGINT take with the client's standard output a pipe nobody reads while an
echo server floods it, what the server counts of a 16 MiB line once the client's input ends,
and the share of a core `sockets --watch 50` takes with thousands of sockets on the machine.
Standard library only; loopback only.

    bench/clientio.py build/app/socketlab-cli [--runs 3] [--sockets 16000]
"""

import argparse
import json
import os
import resource
import signal
import socket
import subprocess
import threading
import time

HOST = "127.0.0.1"


def start_server(cli, *extra):
    server = subprocess.Popen([cli, "server", "--echo", "--json", "--port", "0", *extra],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    line = json.loads(server.stdout.readline())
    return server, int(line["local"].rsplit(":", 1)[1])


def stop_server(server):
    server.send_signal(signal.SIGTERM)
    out, _ = server.communicate(timeout=30)
    summary = [json.loads(l) for l in out.splitlines() if b'"summary"' in l]
    return summary[-1] if summary else {}


def stop_time(cli, sig):
    """Seconds from the signal to the client's end; its stdout a pipe nobody reads."""
    server, port = start_server(cli, "--quiet")
    read_end, write_end = os.pipe()  # never read
    client = subprocess.Popen([cli, "client", "--port", str(port)], stdin=subprocess.PIPE,
                              stdout=write_end, stderr=subprocess.DEVNULL)
    os.close(write_end)
    line = b"y" * 1023 + b"\n"

    def feed():  # 2 MiB; the pipe fills with its echo long before (a stuck client stops reading)
        try:
            client.stdin.write(line * 2048)
            client.stdin.flush()
        except (BrokenPipeError, ValueError, OSError):
            pass

    threading.Thread(target=feed, daemon=True).start()
    time.sleep(1.0)
    start = time.monotonic()
    client.send_signal(sig)
    try:
        client.wait(timeout=10)
        took = time.monotonic() - start
    except subprocess.TimeoutExpired:
        took = None
        client.kill()
        client.wait()
    os.close(read_end)
    stop_server(server)
    return took


def echo_count(cli, size=16 * 1024 * 1024):
    """What `server --echo` counts of one size-byte line after the client's input ends."""
    server, port = start_server(cli)
    client = subprocess.Popen([cli, "client", "--port", str(port)], stdin=subprocess.PIPE,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, err = client.communicate(b"e" * size, timeout=60)
    # The server prints a data line per chunk: read them while it runs, then stop it.
    summary = stop_server(server)
    return summary.get("bytes"), client.returncode, b"RST" in err


def watch_cpu(cli, sockets, seconds=3.0):
    """Share of a core `sockets --watch 50` takes with `sockets` listeners on the machine."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    held = []
    for _ in range(sockets):
        s = socket.socket()
        s.bind((HOST, 0))
        s.listen(1)
        held.append(s)
    watch = subprocess.Popen([cli, "sockets", "--port", "1", "--watch", "50"], stdout=subprocess.DEVNULL)
    time.sleep(0.5)

    def cpu():
        fields = open(f"/proc/{watch.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    c0, t0 = cpu(), time.monotonic()
    time.sleep(seconds)
    c1, t1 = cpu(), time.monotonic()
    watch.terminate()
    watch.wait()
    for s in held:
        s.close()
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    return 100.0 * (c1 - c0) / (t1 - t0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cli")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sockets", type=int, default=16000)
    args = parser.parse_args()
    for name, sig in (("SIGTERM", signal.SIGTERM), ("SIGINT", signal.SIGINT)):
        times = [stop_time(args.cli, sig) for _ in range(args.runs)]
        shown = ", ".join("not within 10 s" if t is None else f"{t:.2f} s" for t in times)
        print(f"client, stdout a pipe nobody reads, {name}: {shown}", flush=True)
    for _ in range(args.runs):
        counted, code, said = echo_count(args.cli)
        print(f"16 MiB line to server --echo, input ends: server counted {counted} bytes "
              f"(exit {code}{', RST said' if said else ''})", flush=True)
    print(f"sockets --watch 50, {args.sockets} listening sockets: "
          f"{watch_cpu(args.cli, args.sockets):.1f}% of a core")


if __name__ == "__main__":
    main()

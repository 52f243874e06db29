#!/usr/bin/env python3
"""A ping-pong over TCP loopback in one Python process: a server thread echoes, the main
thread sends 64 bytes and waits for them back, N times. Prints one JSON line with the round
trips per second of the loop alone (startup excluded), for bench/trace.py.

    pingpong.py [--round-trips 20000] [--port 0]
"""

import argparse
import json
import socket
import sys
import threading
import time


def serve(listener):
    con, _ = listener.accept()
    while True:
        msg = con.recv(1024)
        if not msg:
            break
        con.sendall(msg)
    con.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--round-trips", type=int, default=20000)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(1)
    server = threading.Thread(target=serve, args=(listener,))
    server.start()
    client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    client.connect(listener.getsockname())
    payload = b"x" * 64
    start = time.monotonic()
    for _ in range(args.round_trips):
        client.sendall(payload)
        got = 0
        while got < len(payload):
            got += len(client.recv(1024))
    elapsed = time.monotonic() - start
    client.close()
    server.join()
    listener.close()
    sys.stdout.write(json.dumps({"round_trips": args.round_trips, "seconds": elapsed,
                                 "per_second": args.round_trips / elapsed}) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The SocketBasico recipe's servers in Python 3, as the benchmark's reference.

Written like the recipe (socket, bind, listen, accept, then a recv(1024) loop in a thread or a
forked child per connection; recvfrom loop for UDP), with two changes so it can be measured
fairly against `socketlab-cli server --quiet`: it does not print each message (it counts them,
as --quiet does) and on SIGTERM it prints one JSON summary line and exits.

    recipe_server.py --mode thread|fork|udp [--port 0] [--backlog 128] [--buffer 1024]

Prints {"event": "listening", "port": N} once listening, then {"event": "summary", ...}.
"""

import argparse
import json
import os
import select
import signal
import socket
import struct
import sys
import threading

HOST = "127.0.0.1"
TOTALS = struct.Struct("qq")  # messages, bytes: one atomic pipe write per finished child


class Stop(Exception):
    pass


def on_term(signum, frame):
    raise Stop()


def say(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def conectado(con, cliente, buffer, totals):
    # The recipe's per-connection loop: recv until the client closes, then close.
    messages = 0
    nbytes = 0
    while True:
        msg = con.recv(buffer)
        if not msg:
            break
        messages += 1
        nbytes += len(msg)
    totals.append((messages, nbytes))
    con.close()


def serve_thread(tcp, buffer):
    connections = 0
    totals = []  # list.append is atomic under the GIL
    try:
        while True:
            con, cliente = tcp.accept()
            connections += 1
            t = threading.Thread(target=conectado, args=(con, cliente, buffer, totals), daemon=True)
            t.start()
    except Stop:
        pass
    return connections, sum(m for m, _ in totals), sum(b for _, b in totals)


def serve_fork(tcp, buffer):
    # Children report their totals on a pipe; the parent reaps exactly its own children.
    pipe_r, pipe_w = os.pipe()
    os.set_blocking(pipe_r, False)
    connections = messages = nbytes = 0
    children = set()
    pending = b""

    def drain():
        nonlocal pending, messages, nbytes
        while True:
            try:
                data = os.read(pipe_r, 65536)
            except BlockingIOError:
                break
            if not data:
                break
            pending += data
        while len(pending) >= TOTALS.size:
            m, b = TOTALS.unpack_from(pending)
            pending = pending[TOTALS.size:]
            messages += m
            nbytes += b

    def reap(block=False):
        for pid in list(children):
            done, _ = os.waitpid(pid, 0 if block else os.WNOHANG)
            if done:
                children.discard(pid)

    try:
        while True:
            readable, _, _ = select.select([tcp, pipe_r], [], [])
            if pipe_r in readable:
                drain()
                reap()
            if tcp not in readable:
                continue
            con, cliente = tcp.accept()
            connections += 1
            pid = os.fork()
            if pid == 0:
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                tcp.close()
                os.close(pipe_r)
                m = b = 0
                while True:
                    msg = con.recv(buffer)
                    if not msg:
                        break
                    m += 1
                    b += len(msg)
                os.write(pipe_w, TOTALS.pack(m, b))
                con.close()
                os._exit(0)
            children.add(pid)
            con.close()
    except Stop:
        pass
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    for pid in children:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    reap(block=True)
    drain()
    return connections, messages, nbytes


def serve_udp(udp, buffer):
    messages = nbytes = 0
    senders = set()
    try:
        while True:
            msg, cliente = udp.recvfrom(buffer)
            messages += 1
            nbytes += len(msg)
            senders.add(cliente)
    except Stop:
        pass
    return len(senders), messages, nbytes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=["thread", "fork", "udp"], required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--backlog", type=int, default=128)
    parser.add_argument("--buffer", type=int, default=1024)
    args = parser.parse_args()

    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)
    if args.mode == "udp":
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    else:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((HOST, args.port))
    if args.mode != "udp":
        sock.listen(args.backlog)
    say({"event": "listening", "port": sock.getsockname()[1]})
    serve = {"thread": serve_thread, "fork": serve_fork, "udp": serve_udp}[args.mode]
    connections, messages, nbytes = serve(sock, args.buffer)
    sock.close()
    say({"event": "summary", "connections": connections, "messages": messages, "bytes": nbytes})


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The SocketBasico recipe's TCP client, ported to Python 3: sends each line of standard input
without its line break; a line holding only Ctrl+X (or the end of input) closes."""
import argparse
import socket
import sys

parser = argparse.ArgumentParser()
parser.add_argument('--host', default='127.0.0.1')
parser.add_argument('--port', type=int, default=5000)
args = parser.parse_args()

family = socket.AF_INET6 if ':' in args.host else socket.AF_INET
tcp = socket.socket(family, socket.SOCK_STREAM)
tcp.connect((args.host, args.port))
print('Para sair use CTRL+X', flush=True)
for line in sys.stdin.buffer:
    msg = line.rstrip(b'\r\n')
    if msg == b'\x18':
        break
    tcp.sendall(msg)
tcp.close()

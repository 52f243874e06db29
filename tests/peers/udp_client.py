#!/usr/bin/env python3
"""The SocketBasico recipe's UDP client, ported to Python 3: one datagram per line of
standard input, without the line break, until a line holding only Ctrl+X or end of input."""
import argparse
import socket
import sys

parser = argparse.ArgumentParser()
parser.add_argument('--host', default='127.0.0.1')
parser.add_argument('--port', type=int, default=5000)
args = parser.parse_args()

family = socket.AF_INET6 if ':' in args.host else socket.AF_INET
udp = socket.socket(family, socket.SOCK_DGRAM)
print('Para sair use CTRL+X', flush=True)
for line in sys.stdin.buffer:
    msg = line.rstrip(b'\r\n')
    if msg == b'\x18':
        break
    udp.sendto(msg, (args.host, args.port))
udp.close()

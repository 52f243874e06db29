#!/usr/bin/env python3
"""The SocketBasico recipe's UDP server, ported to Python 3: recvfrom(1024) and print the
sender's address with each datagram. Prints its port first; exits after --datagrams."""
import argparse
import socket

parser = argparse.ArgumentParser()
parser.add_argument('--host', default='127.0.0.1')
parser.add_argument('--port', type=int, default=5000)
parser.add_argument('--datagrams', type=int, default=0)
parser.add_argument('--echo', action='store_true')
args = parser.parse_args()

family = socket.AF_INET6 if ':' in args.host else socket.AF_INET
udp = socket.socket(family, socket.SOCK_DGRAM)
udp.bind((args.host, args.port))
print('Listening on port', udp.getsockname()[1], flush=True)
received = 0
while args.datagrams == 0 or received < args.datagrams:
    msg, cliente = udp.recvfrom(1024)
    cliente = cliente[:2]
    print(cliente, msg.decode('utf-8', 'backslashreplace'), flush=True)
    if args.echo:
        udp.sendto(msg, cliente)
    received += 1

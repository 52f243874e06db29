#!/usr/bin/env python3
"""The SocketBasico recipe's TCP server, ported to Python 3: reads 1024 bytes at a time and
prints the client's address with each message. Prints the port it listens on first (for
--port 0), and exits after --connections clients when that is not 0. --answer-at-eof: once the
client has half-closed (recv() returned 0), it still answers "N bytes received" before closing."""
import argparse
import socket

parser = argparse.ArgumentParser()
parser.add_argument('--host', default='127.0.0.1')
parser.add_argument('--port', type=int, default=5000)
parser.add_argument('--connections', type=int, default=0)
parser.add_argument('--echo', action='store_true')
parser.add_argument('--answer-at-eof', action='store_true')
args = parser.parse_args()

family = socket.AF_INET6 if ':' in args.host else socket.AF_INET
tcp = socket.socket(family, socket.SOCK_STREAM)
tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
tcp.bind((args.host, args.port))
tcp.listen(1)
print('Listening on port', tcp.getsockname()[1], flush=True)
served = 0
while args.connections == 0 or served < args.connections:
    con, cliente = tcp.accept()
    cliente = cliente[:2]
    print('Conectado por', cliente, flush=True)
    received = 0
    while True:
        msg = con.recv(1024)
        if not msg:
            break
        received += len(msg)
        print(cliente, msg.decode('utf-8', 'backslashreplace'), flush=True)
        if args.echo:
            con.sendall(msg)
    if args.answer_at_eof:
        con.sendall(('%d bytes received' % received).encode())
    print('Finalizando conexao do cliente', cliente, flush=True)
    con.close()
    served += 1

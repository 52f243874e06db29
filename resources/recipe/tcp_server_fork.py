# The recipe's concurrent TCP server (SocketBasico), in Python 3: a child process per
# client. The parent only accepts; like the recipe, it never calls waitpid(), so each child
# that ends stays a zombie until the server exits.
import os
import socket
import sys

HOST = ''     # every address of this machine
PORT = 5000   # the port the server listens on

# (2) socket, (3) bind, (4) listen
tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
orig = (HOST, PORT)
tcp.bind(orig)
tcp.listen(1)

while True:
    # (5) accept, then fork: the child serves this client
    con, cliente = tcp.accept()
    pid = os.fork()
    if pid == 0:
        # The child: it does not accept, so it closes its copy of the listening socket.
        tcp.close()
        print('Conectado por', cliente, flush=True)
        while True:
            # (6) recv: at most 1024 bytes; b'' when the client closed
            msg = con.recv(1024)
            if not msg:
                break
            print(cliente, msg.decode('utf-8', 'replace'), flush=True)
        print('Finalizando conexao do cliente', cliente, flush=True)
        # (7) close, and the child ends
        con.close()
        sys.exit(0)
    else:
        # The parent: the child has the connection; back to accept.
        con.close()

# The recipe's TCP server (SocketBasico), in Python 3: iterative, one client at a time;
# the others wait in the backlog until it leaves.
import socket

HOST = ''     # every address of this machine
PORT = 5000   # the port the server listens on

# (2) socket: a stream (TCP) socket
tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
orig = (HOST, PORT)
# (3) bind: the address and port clients connect to
tcp.bind(orig)
# (4) listen: the socket becomes passive, with a backlog of 1
tcp.listen(1)
while True:
    # (5) accept: wait for a client; con is the connection's own socket
    con, cliente = tcp.accept()
    print('Conectado por', cliente, flush=True)
    while True:
        # (6) recv: at most 1024 bytes; b'' when the client closed
        msg = con.recv(1024)
        if not msg:
            break
        print(cliente, msg.decode('utf-8', 'replace'), flush=True)
    print('Finalizando conexao do cliente', cliente, flush=True)
    # (7) close the connection, (8) back to accept
    con.close()

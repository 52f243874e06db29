# The recipe's concurrent TCP server (SocketBasico), in Python 3: a thread per client.
# The threads share the process (and its descriptors); the main thread only accepts.
import _thread
import socket

HOST = ''     # every address of this machine
PORT = 5000   # the port the server listens on


def conectado(con, cliente):
    print('Conectado por', cliente, flush=True)
    while True:
        # (6) recv: at most 1024 bytes; b'' when the client closed
        msg = con.recv(1024)
        if not msg:
            break
        print(cliente, msg.decode('utf-8', 'replace'), flush=True)
    print('Finalizando conexao do cliente', cliente, flush=True)
    # (7) close, and the thread ends
    con.close()
    _thread.exit()


# (2) socket, (3) bind, (4) listen
tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
orig = (HOST, PORT)
tcp.bind(orig)
tcp.listen(1)

while True:
    # (5) accept, then a new thread serves this client
    con, cliente = tcp.accept()
    _thread.start_new_thread(conectado, tuple([con, cliente]))

tcp.close()

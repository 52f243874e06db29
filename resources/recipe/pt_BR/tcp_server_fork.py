# O servidor TCP concorrente da receita (SocketBasico), em Python 3: um processo filho por
# cliente. O pai só aceita; como na receita, nunca chama waitpid(), então cada filho que
# termina fica zumbi até o servidor sair.
import os
import socket
import sys

HOST = ''     # todos os endereços desta máquina
PORT = 5000   # a porta em que o servidor escuta

# (2) socket, (3) bind, (4) listen
tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
orig = (HOST, PORT)
tcp.bind(orig)
tcp.listen(1)

while True:
    # (5) accept, depois fork: o filho atende este cliente
    con, cliente = tcp.accept()
    pid = os.fork()
    if pid == 0:
        # O filho: ele não aceita, então fecha sua cópia do socket que escuta.
        tcp.close()
        print('Conectado por', cliente, flush=True)
        while True:
            # (6) recv: até 1024 bytes; b'' quando o cliente fechou
            msg = con.recv(1024)
            if not msg:
                break
            print(cliente, msg.decode('utf-8', 'replace'), flush=True)
        print('Finalizando conexao do cliente', cliente, flush=True)
        # (7) close, e o filho termina
        con.close()
        sys.exit(0)
    else:
        # O pai: o filho ficou com a conexão; de volta ao accept.
        con.close()

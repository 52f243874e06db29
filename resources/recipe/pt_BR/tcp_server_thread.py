# O servidor TCP concorrente da receita (SocketBasico), em Python 3: uma thread por
# cliente. As threads compartilham o processo (e seus descritores); a principal só aceita.
import _thread
import socket

HOST = ''     # todos os endereços desta máquina
PORT = 5000   # a porta em que o servidor escuta


def conectado(con, cliente):
    print('Conectado por', cliente, flush=True)
    while True:
        # (6) recv: até 1024 bytes; b'' quando o cliente fechou
        msg = con.recv(1024)
        if not msg:
            break
        print(cliente, msg.decode('utf-8', 'replace'), flush=True)
    print('Finalizando conexao do cliente', cliente, flush=True)
    # (7) close, e a thread termina
    con.close()
    _thread.exit()


# (2) socket, (3) bind, (4) listen
tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
orig = (HOST, PORT)
tcp.bind(orig)
tcp.listen(1)

while True:
    # (5) accept, depois uma thread nova atende este cliente
    con, cliente = tcp.accept()
    _thread.start_new_thread(conectado, tuple([con, cliente]))

tcp.close()

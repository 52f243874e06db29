# O servidor TCP da receita (SocketBasico), em Python 3: iterativo, um cliente por vez;
# os outros esperam no backlog até ele sair.
import socket

HOST = ''     # todos os endereços desta máquina
PORT = 5000   # a porta em que o servidor escuta

# (2) socket: um socket de fluxo (TCP)
tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
orig = (HOST, PORT)
# (3) bind: o endereço e a porta a que os clientes se conectam
tcp.bind(orig)
# (4) listen: o socket fica passivo, com backlog 1
tcp.listen(1)
while True:
    # (5) accept: espera um cliente; con é o socket próprio da conexão
    con, cliente = tcp.accept()
    print('Conectado por', cliente, flush=True)
    while True:
        # (6) recv: até 1024 bytes; b'' quando o cliente fechou
        msg = con.recv(1024)
        if not msg:
            break
        print(cliente, msg.decode('utf-8', 'replace'), flush=True)
    print('Finalizando conexao do cliente', cliente, flush=True)
    # (7) close da conexão, (8) de volta ao accept
    con.close()

# O cliente TCP da receita (SocketBasico), em Python 3.
# Cada linha digitada vai para o servidor; uma linha com Ctrl+X termina.
import socket

HOST = '127.0.0.1'  # o endereço do servidor
PORT = 5000         # a porta do servidor

# (3) socket: um socket de fluxo (TCP), criado ativo
tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
dest = (HOST, PORT)
# (4) connect: o aperto de mão em três vias com o servidor
tcp.connect(dest)
print('Para sair use CTRL+X\n', flush=True)
try:
    msg = input()
except EOFError:  # o fim da entrada também termina
    msg = '\x18'
while msg != '\x18':
    # (5) send: os bytes da linha
    tcp.send(msg.encode())
    try:
        msg = input()
    except EOFError:
        msg = '\x18'
# (6) close: o FIN que encerra a conexão
tcp.close()

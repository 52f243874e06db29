# O cliente UDP da receita (SocketBasico), em Python 3.
# Cada linha digitada vai como um datagrama; uma linha com Ctrl+X termina.
import socket

HOST = '127.0.0.1'  # o endereço do servidor
PORT = 5000         # a porta do servidor

# (3) socket: um socket de datagramas (UDP); UDP não tem o passo connect
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
dest = (HOST, PORT)
print('Para sair use CTRL+X\n', flush=True)
try:
    msg = input()
except EOFError:  # o fim da entrada também termina
    msg = '\x18'
while msg != '\x18':
    # (5) sendto: um datagrama para o endereço do servidor
    udp.sendto(msg.encode(), dest)
    try:
        msg = input()
    except EOFError:
        msg = '\x18'
# (6) close
udp.close()

# O servidor UDP da receita (SocketBasico), em Python 3.
# Rode: python3 udp_server.py  -- e digite no udp_client.py.
import socket

HOST = ''     # todos os endereços desta máquina
PORT = 5000   # a porta em que o servidor espera

# (2) socket: um socket de datagramas (UDP)
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
orig = (HOST, PORT)
# (3) bind: o endereço e a porta para onde os clientes enviam
udp.bind(orig)
while True:
    # recvfrom: um datagrama (até 1024 bytes) e quem o enviou
    msg, cliente = udp.recvfrom(1024)
    print(cliente, msg.decode('utf-8', 'replace'), flush=True)
udp.close()

# The recipe's UDP client (SocketBasico), in Python 3.
# Each line typed is sent as one datagram; a line holding Ctrl+X ends it.
import socket

HOST = '127.0.0.1'  # the server's address
PORT = 5000         # the server's port

# (3) socket: a datagram (UDP) socket; UDP has no connect step
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
dest = (HOST, PORT)
print('Para sair use CTRL+X\n', flush=True)
try:
    msg = input()
except EOFError:  # end of input ends it too
    msg = '\x18'
while msg != '\x18':
    # (5) sendto: one datagram to the server's address
    udp.sendto(msg.encode(), dest)
    try:
        msg = input()
    except EOFError:
        msg = '\x18'
# (6) close
udp.close()

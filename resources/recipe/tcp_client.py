# The recipe's TCP client (SocketBasico), in Python 3.
# Each line typed is sent to the server; a line holding Ctrl+X ends it.
import socket

HOST = '127.0.0.1'  # the server's address
PORT = 5000         # the server's port

# (3) socket: a stream (TCP) socket, created active
tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
dest = (HOST, PORT)
# (4) connect: the three-way handshake with the server
tcp.connect(dest)
print('Para sair use CTRL+X\n', flush=True)
try:
    msg = input()
except EOFError:  # end of input ends it too
    msg = '\x18'
while msg != '\x18':
    # (5) send the line's bytes
    tcp.send(msg.encode())
    try:
        msg = input()
    except EOFError:
        msg = '\x18'
# (6) close: the FIN that ends the connection
tcp.close()

# The recipe's UDP server (SocketBasico), in Python 3.
# Run it: python3 udp_server.py  -- then type into udp_client.py.
import socket

HOST = ''     # every address of this machine
PORT = 5000   # the port the server waits on

# (2) socket: a datagram (UDP) socket
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
orig = (HOST, PORT)
# (3) bind: the address and port clients send to
udp.bind(orig)
while True:
    # recvfrom: one datagram (at most 1024 bytes) and who sent it
    msg, cliente = udp.recvfrom(1024)
    print(cliente, msg.decode('utf-8', 'replace'), flush=True)
udp.close()

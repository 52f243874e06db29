# The recipe's UDP client as first written, with the lab machine's address 192.168.1.10:
# inside the private network that address is answered.
import socket

udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
dest = ('192.168.1.10', 5000)
msg = input()
while msg != '\x18':
    udp.sendto(msg.encode(), dest)
    msg = input()
udp.close()

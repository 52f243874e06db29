# Mistake: one recvfrom(), then the server ends.
import socket

udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.bind(('', 5000))
msg, cliente = udp.recvfrom(1024)
print(cliente, msg.decode('utf-8', 'replace'), flush=True)
udp.close()

# Mistake: the Ctrl+X line is sent to the server before the client stops.
import socket

tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
tcp.connect(('127.0.0.1', 5000))
while True:
    msg = input()
    tcp.send(msg.encode())
    if msg == '\x18':
        break
tcp.close()

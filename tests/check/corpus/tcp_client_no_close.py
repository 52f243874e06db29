# Mistake: the client ends without closing its socket.
import os
import socket

tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
tcp.connect(('127.0.0.1', 5000))
msg = input()
while msg != '\x18':
    tcp.send(msg.encode())
    msg = input()
os._exit(0)  # no close(): the kernel closes it

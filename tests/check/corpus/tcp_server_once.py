# Mistake: no loop around accept(): one client, then the server ends.
import socket

tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
tcp.bind(('', 5000))
tcp.listen(1)
con, cliente = tcp.accept()
print('Conectado por', cliente, flush=True)
while True:
    msg = con.recv(1024)
    if not msg:
        break
    print(cliente, msg.decode('utf-8', 'replace'), flush=True)
con.close()

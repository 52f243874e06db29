# Mistake: the connection is never closed when the client leaves.
import socket

tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
tcp.bind(('', 5000))
tcp.listen(1)
abertas = []
while True:
    con, cliente = tcp.accept()
    abertas.append(con)  # kept, so Python never closes it either
    print('Conectado por', cliente, flush=True)
    try:
        while True:
            msg = con.recv(1024)
            if not msg:
                break
            print(cliente, msg.decode('utf-8', 'replace'), flush=True)
    except ConnectionResetError:
        pass

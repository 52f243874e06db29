# Mistake: called "threaded", but it serves each client in the main thread, one at a time.
import socket


def atende(con, cliente):
    print('Conectado por', cliente, flush=True)
    try:
        while True:
            msg = con.recv(1024)
            if not msg:
                break
            print(cliente, msg.decode('utf-8', 'replace'), flush=True)
    except ConnectionResetError:
        pass
    con.close()


tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
tcp.bind(('', 5000))
tcp.listen(1)
while True:
    con, cliente = tcp.accept()
    atende(con, cliente)

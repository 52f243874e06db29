# A correct thread server: one thread per connection, each ends when its client leaves.
import socket
import threading


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
    threading.Thread(target=atende, args=(con, cliente)).start()
    del con

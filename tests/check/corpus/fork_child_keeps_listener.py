# Mistake: the child never closes its copy of the listening socket.
import os
import signal
import socket

signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps the children
tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
tcp.bind(('', 5000))
tcp.listen(1)
while True:
    con, cliente = tcp.accept()
    pid = os.fork()
    if pid == 0:
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
        os._exit(0)
    con.close()

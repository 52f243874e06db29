# A correct fork server: the child closes the listener, the parent its copy of the
# connection, and the parent reaps the children that ended before each accept().
import os
import socket
import sys

tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
tcp.bind(('', 5000))
tcp.listen(1)
tcp.settimeout(0.2)  # wakes up to reap even when no client comes
while True:
    try:
        while os.waitpid(-1, os.WNOHANG)[0] > 0:
            pass
    except ChildProcessError:
        pass
    try:
        con, cliente = tcp.accept()
    except socket.timeout:
        continue
    con.settimeout(None)
    pid = os.fork()
    if pid == 0:
        tcp.close()
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

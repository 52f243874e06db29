# A correct iterative TCP server: the recipe's, and it survives a client's reset.
import socket

tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
tcp.bind(('', 5000))
tcp.listen(1)
while True:
    con, cliente = tcp.accept()
    print('Conectado por', cliente, flush=True)
    try:
        while True:
            msg = con.recv(1024)
            if not msg:
                break
            print(cliente, msg.decode('utf-8', 'replace'), flush=True)
    except ConnectionResetError:
        print('Conexao reiniciada por', cliente, flush=True)
    print('Finalizando conexao do cliente', cliente, flush=True)
    con.close()

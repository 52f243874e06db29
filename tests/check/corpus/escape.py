# Hostile: tries to reach a listener of the machine (its port in argv[1]) on 127.0.0.1.
import socket
import sys

port = int(sys.argv[1])
tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    tcp.connect(('127.0.0.1', port))
    print('REACHED', flush=True)
except OSError as error:
    print('unreachable:', error, flush=True)
tcp.close()

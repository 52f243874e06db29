#!/usr/bin/env python3
"""Binds and listens on 127.0.0.1:PORT, accepts one connection and exits: bench/trace.py times
how long a program takes to reach its first listen(), traced and untraced."""

import socket
import sys

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", int(sys.argv[1])))
s.listen(1)
con, _ = s.accept()
con.close()
s.close()

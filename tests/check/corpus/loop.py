# Hostile: never gets anywhere.
while True:
    pass

/* A client that connects to 127.0.0.1:argv[1], puts the socket on its standard output with
   dup2() and prints to it: its write(1) calls are sends. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short)atoi(argv[1]));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(s, (struct sockaddr *)&a, sizeof a) != 0)
        return 1;
    dup2(s, STDOUT_FILENO);
    close(s);
    const char line[] = "hello through stdout\n";
    write(STDOUT_FILENO, line, sizeof line - 1);
    return 0;
}

/* Sends argv[2] datagrams of 100 bytes to 127.0.0.1:argv[1] as fast as it can: a flood the
   event pipeline must sample while the counts stay exact. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int count = atoi(argv[2]);
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short)atoi(argv[1]));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    char payload[100];
    memset(payload, 'x', sizeof payload);
    for (int i = 0; i < count; ++i)
        sendto(s, payload, sizeof payload, 0, (struct sockaddr *)&a, sizeof a);
    close(s);
    return 0;
}

/* UDP with sendmsg() and recvmmsg(): binds 127.0.0.1:argv[1], sends itself two datagrams
   with sendmsg() from a second socket, reads both with one recvmmsg(). */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int port = atoi(argv[1]);
    int server = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(server, (struct sockaddr *)&a, sizeof a) != 0)
        return 1;
    int client = socket(AF_INET, SOCK_DGRAM, 0);
    const char *texts[2] = {"first", "second!"};
    for (int i = 0; i < 2; ++i) {
        struct iovec iov = {(void *)texts[i], strlen(texts[i])};
        struct msghdr m;
        memset(&m, 0, sizeof m);
        m.msg_name = &a;
        m.msg_namelen = sizeof a;
        m.msg_iov = &iov;
        m.msg_iovlen = 1;
        sendmsg(client, &m, 0);
    }
    char bufs[2][64];
    struct iovec iovs[2];
    struct mmsghdr msgs[2];
    memset(msgs, 0, sizeof msgs);
    for (int i = 0; i < 2; ++i) {
        iovs[i].iov_base = bufs[i];
        iovs[i].iov_len = sizeof bufs[i];
        msgs[i].msg_hdr.msg_iov = &iovs[i];
        msgs[i].msg_hdr.msg_iovlen = 1;
    }
    int n = recvmmsg(server, msgs, 2, MSG_WAITFORONE, NULL);
    if (n == 1)
        n += recvmmsg(server, msgs + 1, 1, 0, NULL);
    close(client);
    close(server);
    return n == 2 ? 0 : 1;
}

/* An event-loop server: one thread, poll() over the listener and every connection. Serves
   argv[2] clients, then exits. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int port = atoi(argv[1]);
    int clients = atoi(argv[2]);
    int s = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s, (struct sockaddr *)&a, sizeof a) != 0)
        return 1;
    listen(s, 16);
    struct pollfd fds[64];
    int count = 1, accepted = 0, closed = 0;
    fds[0].fd = s;
    fds[0].events = POLLIN;
    while (closed < clients) {
        if (poll(fds, (nfds_t)count, -1) <= 0)
            continue;
        for (int i = count - 1; i >= 0; --i) {
            if (!(fds[i].revents & (POLLIN | POLLHUP)))
                continue;
            if (i == 0) {
                if (accepted < clients && count < 64) {
                    fds[count].fd = accept(s, NULL, NULL);
                    fds[count].events = POLLIN;
                    ++count;
                    ++accepted;
                }
                continue;
            }
            char buf[1024];
            ssize_t n = recv(fds[i].fd, buf, sizeof buf, 0);
            if (n > 0) {
                send(fds[i].fd, buf, (size_t)n, 0);
            } else {
                close(fds[i].fd);
                fds[i] = fds[--count];
                ++closed;
            }
        }
    }
    close(s);
    return 0;
}

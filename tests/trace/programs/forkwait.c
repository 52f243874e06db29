/* A fork-per-connection server whose SIGCHLD handler reaps with waitpid(): accept() is
   interrupted (EINTR, no SA_RESTART) when a child ends. Serves argv[2] clients. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static void reap(int sig)
{
    (void)sig;
    while (waitpid(-1, NULL, WNOHANG) > 0) {
    }
}

int main(int argc, char **argv)
{
    int port = atoi(argv[1]);
    int clients = atoi(argv[2]);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = reap;
    sigaction(SIGCHLD, &sa, NULL);
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
    listen(s, 5);
    int served = 0;
    while (served < clients) {
        int c = accept(s, NULL, NULL);
        if (c < 0) {
            if (errno == EINTR)
                continue;
            return 1;
        }
        ++served;
        if (fork() == 0) {
            close(s);
            char buf[1024];
            ssize_t n;
            while ((n = recv(c, buf, sizeof buf, 0)) > 0)
                send(c, buf, (size_t)n, 0);
            close(c);
            _exit(0);
        }
        close(c);
    }
    /* Wait for the last child before leaving. */
    while (wait(NULL) > 0 || errno == EINTR) {
    }
    return 0;
}

/* A thread-per-connection server (pthreads); serves argv[2] clients, then exits. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void *serve(void *arg)
{
    int c = (int)(intptr_t)arg;
    char buf[1024];
    ssize_t n;
    while ((n = recv(c, buf, sizeof buf, 0)) > 0)
        send(c, buf, (size_t)n, 0);
    close(c);
    return NULL;
}

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
    listen(s, 64);
    pthread_t *threads = calloc((size_t)clients, sizeof *threads);
    for (int i = 0; i < clients; ++i) {
        int c = accept(s, NULL, NULL);
        pthread_create(&threads[i], NULL, serve, (void *)(intptr_t)c);
    }
    for (int i = 0; i < clients; ++i)
        pthread_join(threads[i], NULL);
    close(s);
    return 0;
}

/* A correct iterative TCP server in C. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int tcp = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(tcp, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in orig;
    memset(&orig, 0, sizeof orig);
    orig.sin_family = AF_INET;
    orig.sin_addr.s_addr = htonl(INADDR_ANY);
    orig.sin_port = htons(5000);
    if (bind(tcp, (struct sockaddr *)&orig, sizeof orig) != 0 || listen(tcp, 1) != 0) {
        perror("bind/listen");
        return 1;
    }
    for (;;) {
        struct sockaddr_in cliente;
        socklen_t len = sizeof cliente;
        int con = accept(tcp, (struct sockaddr *)&cliente, &len);
        if (con < 0)
            continue;
        printf("Conectado por %s:%d\n", inet_ntoa(cliente.sin_addr), ntohs(cliente.sin_port));
        fflush(stdout);
        char msg[1024];
        ssize_t n;
        while ((n = recv(con, msg, sizeof msg, 0)) > 0) {
            printf("%s:%d %.*s\n", inet_ntoa(cliente.sin_addr), ntohs(cliente.sin_port), (int)n, msg);
            fflush(stdout);
        }
        printf("Finalizando conexao do cliente %s:%d\n", inet_ntoa(cliente.sin_addr), ntohs(cliente.sin_port));
        fflush(stdout);
        close(con);
    }
}

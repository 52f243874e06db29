/* A second thread calls execve(): the process becomes argv[1] with the leader's pid. */
#include <pthread.h>
#include <unistd.h>

static char **g_argv;

static void *run(void *arg)
{
    (void)arg;
    execv(g_argv[1], g_argv + 1);
    return NULL;
}

int main(int argc, char **argv)
{
    (void)argc;
    g_argv = argv;
    pthread_t thread;
    pthread_create(&thread, NULL, run, NULL);
    pthread_join(thread, NULL);
    return 1;
}

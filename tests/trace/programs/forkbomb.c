/* Forks without bound (each child sleeps): the tracer's process cap must stop it. */
#include <unistd.h>

int main(void)
{
    for (int i = 0; i < 2000; ++i) {
        if (fork() == 0) {
            sleep(30);
            _exit(0);
        }
    }
    sleep(30);
    return 0;
}

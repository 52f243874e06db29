// Preloaded into socketlab-cli by tst_cli_client: plays a DNS server that never answers for
// one name (getaddrinfo() blocks 30 s, as glibc does against a silent server), and passes
// every other lookup on. Leaves /etc/resolv.conf alone.

#include <cstring>
#include <dlfcn.h>
#include <netdb.h>
#include <unistd.h>

extern "C" int getaddrinfo(const char *node, const char *service, const addrinfo *hints,
                           addrinfo **result)
{
    // With AI_NUMERICHOST getaddrinfo() never asks a name server, so that call goes on.
    const bool numericOnly = hints && (hints->ai_flags & AI_NUMERICHOST);
    if (node && !numericOnly && std::strcmp(node, "silent.example") == 0) {
        static const char note[] = "silentdns: lookup blocked\n";
        [[maybe_unused]] ssize_t written = ::write(STDERR_FILENO, note, sizeof note - 1);
        ::sleep(30);
        return EAI_AGAIN;
    }
    using Real = int (*)(const char *, const char *, const addrinfo *, addrinfo **);
    static const Real real = reinterpret_cast<Real>(::dlsym(RTLD_NEXT, "getaddrinfo"));
    return real(node, service, hints, result);
}

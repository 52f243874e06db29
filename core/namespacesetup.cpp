#include "core/namespacesetup.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace socketlab {

namespace {

// 0 or the errno; open, write and close only (async-signal-safe).
int writeFile(const char *path, const char *text)
{
    const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    const size_t length = std::strlen(text);
    const ssize_t n = ::write(fd, text, length);
    const int saved = n == ssize_t(length) ? 0 : (n < 0 ? errno : EIO);
    ::close(fd);
    return saved;
}

// A socket to ask the kernel about interfaces: any will do, ioctl() acts in its namespace.
int interfaceSocket(const char **failedCall)
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        *failedCall = "socket";
    return fd;
}

} // namespace

NamespaceSetup::IdMaps NamespaceSetup::idMapsFor(uid_t insideUid, gid_t insideGid)
{
    IdMaps maps;
    std::snprintf(maps.uidMap, sizeof maps.uidMap, "%u %u 1", unsigned(insideUid),
                  unsigned(::geteuid()));
    std::snprintf(maps.gidMap, sizeof maps.gidMap, "%u %u 1", unsigned(insideGid),
                  unsigned(::getegid()));
    return maps;
}

int NamespaceSetup::writeIdMaps(const IdMaps &maps, const char **failedCall)
{
    int errnum = writeFile("/proc/self/setgroups", "deny");
    if (errnum != 0) {
        *failedCall = "setgroups";
        return errnum;
    }
    errnum = writeFile("/proc/self/uid_map", maps.uidMap);
    if (errnum != 0) {
        *failedCall = "uid_map";
        return errnum;
    }
    errnum = writeFile("/proc/self/gid_map", maps.gidMap);
    if (errnum != 0)
        *failedCall = "gid_map";
    return errnum;
}

int NamespaceSetup::bringLoopbackUp(const char **failedCall)
{
    const int fd = interfaceSocket(failedCall);
    if (fd < 0)
        return errno;
    ifreq request {};
    std::strncpy(request.ifr_name, "lo", IFNAMSIZ - 1);
    int errnum = 0;
    if (::ioctl(fd, SIOCGIFFLAGS, &request) != 0) {
        errnum = errno;
        *failedCall = "ioctl(SIOCGIFFLAGS, lo)";
    } else {
        request.ifr_flags = short(request.ifr_flags | IFF_UP | IFF_RUNNING);
        if (::ioctl(fd, SIOCSIFFLAGS, &request) != 0) {
            errnum = errno;
            *failedCall = "ioctl(SIOCSIFFLAGS, lo up)";
        }
    }
    ::close(fd);
    return errnum;
}

int NamespaceSetup::addLoopbackAddress(const char *label, unsigned addressNetworkOrder,
                                       const char **failedCall)
{
    const int fd = interfaceSocket(failedCall);
    if (fd < 0)
        return errno;
    ifreq request {};
    std::strncpy(request.ifr_name, label, IFNAMSIZ - 1);
    auto *in = reinterpret_cast<sockaddr_in *>(&request.ifr_addr);
    in->sin_family = AF_INET;
    in->sin_addr.s_addr = addressNetworkOrder;
    int errnum = 0;
    if (::ioctl(fd, SIOCSIFADDR, &request) != 0) {
        errnum = errno;
        *failedCall = "ioctl(SIOCSIFADDR)";
    } else {
        // One address, not a subnet: only that address is answered inside.
        in->sin_addr.s_addr = htonl(0xffffffffu);
        if (::ioctl(fd, SIOCSIFNETMASK, &request) != 0) {
            errnum = errno;
            *failedCall = "ioctl(SIOCSIFNETMASK)";
        }
    }
    ::close(fd);
    return errnum;
}

} // namespace socketlab

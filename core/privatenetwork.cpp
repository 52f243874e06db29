#include "core/privatenetwork.h"

#include "core/errortext.h"

#include <QFile>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <grp.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

namespace socketlab {

namespace {

bool writeFile(const char *path, const QByteArray &text)
{
    const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const ssize_t n = ::write(fd, text.constData(), size_t(text.size()));
    const int saved = errno;
    ::close(fd);
    errno = saved;
    return n == text.size();
}

QString failure(const QString &call, int errnum)
{
    return PrivateNetwork::tr("A private network cannot be made here: %1 failed (%2). User "
                              "namespaces may be disabled (sysctl user.max_user_namespaces, "
                              "kernel.unprivileged_userns_clone, or AppArmor's "
                              "kernel.apparmor_restrict_unprivileged_userns). The program was "
                              "not run: SocketLab never runs it without one.")
        .arg(call, ErrorText::forErrno(errnum));
}

bool setInterfaceAddress(int fd, const char *name, const char *address, QString *error)
{
    ifreq request {};
    std::strncpy(request.ifr_name, name, IFNAMSIZ - 1);
    auto *in = reinterpret_cast<sockaddr_in *>(&request.ifr_addr);
    in->sin_family = AF_INET;
    if (::inet_pton(AF_INET, address, &in->sin_addr) != 1) {
        *error = failure(QStringLiteral("inet_pton(%1)").arg(QLatin1String(address)), EINVAL);
        return false;
    }
    if (::ioctl(fd, SIOCSIFADDR, &request) != 0) {
        *error
            = failure(QStringLiteral("ioctl(SIOCSIFADDR, %1)").arg(QLatin1String(address)), errno);
        return false;
    }
    // One address, not a subnet: only that address is answered inside.
    in->sin_addr.s_addr = htonl(0xffffffffu);
    if (::ioctl(fd, SIOCSIFNETMASK, &request) != 0) {
        *error = failure(QStringLiteral("ioctl(SIOCSIFNETMASK)"), errno);
        return false;
    }
    return true;
}

} // namespace

bool PrivateNetwork::isSingleThreaded()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("Threads:"))
            return line.mid(8).trimmed() == "1";
    }
    return false;
}

bool PrivateNetwork::enter(const QStringList &extraIpv4Addresses, QString *error)
{
    if (!isSingleThreaded()) {
        *error = failure(QStringLiteral("unshare(CLONE_NEWUSER)"), EINVAL) + QLatin1Char(' ')
            + tr("(The caller already runs threads.)");
        return false;
    }
    // Root inside a user namespace made by root could still write root's files: the program
    // gets nobody's rights instead, as any user would run it.
    if (::geteuid() == 0) {
        if (::setgroups(0, nullptr) != 0 || ::setresgid(kNobody, kNobody, kNobody) != 0
            || ::setresuid(kNobody, kNobody, kNobody) != 0) {
            // Root of a container's user namespace where nobody is not mapped, typically.
            *error = tr("Started as root, SocketLab runs the program as the user nobody, and it "
                        "cannot become nobody here: setresuid failed (%1). Run the check as an "
                        "ordinary user. The program was not run.")
                         .arg(ErrorText::forErrno(errno));
            return false;
        }
        // A process that changed its user is not dumpable, and then its /proc/self files
        // (the uid_map written below) belong to root.
        ::prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
    }
    const uid_t uid = ::geteuid();
    const gid_t gid = ::getegid();
    if (::unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0) {
        *error = failure(QStringLiteral("unshare(CLONE_NEWUSER | CLONE_NEWNET)"), errno);
        return false;
    }
    if (!writeFile("/proc/self/setgroups", "deny")
        || !writeFile("/proc/self/uid_map", QByteArray("0 ") + QByteArray::number(uid) + " 1")
        || !writeFile("/proc/self/gid_map", QByteArray("0 ") + QByteArray::number(gid) + " 1")) {
        *error = failure(QStringLiteral("uid_map"), errno);
        return false;
    }
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = failure(QStringLiteral("socket"), errno);
        return false;
    }
    bool ok = true;
    ifreq request {};
    std::strncpy(request.ifr_name, "lo", IFNAMSIZ - 1);
    if (::ioctl(fd, SIOCGIFFLAGS, &request) != 0) {
        *error = failure(QStringLiteral("ioctl(SIOCGIFFLAGS, lo)"), errno);
        ok = false;
    } else {
        request.ifr_flags = short(request.ifr_flags | IFF_UP | IFF_RUNNING);
        if (::ioctl(fd, SIOCSIFFLAGS, &request) != 0) {
            *error = failure(QStringLiteral("ioctl(SIOCSIFFLAGS, lo up)"), errno);
            ok = false;
        }
    }
    for (int i = 0; ok && i < extraIpv4Addresses.size(); ++i) {
        // An alias label per address ("lo:1"): the old interface a SIOCSIFADDR adds to.
        const QByteArray label = "lo:" + QByteArray::number(i + 1);
        ok = setInterfaceAddress(fd, label.constData(),
                                 extraIpv4Addresses.at(i).toLatin1().constData(), error);
    }
    ::close(fd);
    return ok;
}

bool PrivateNetwork::mountPrivateFolder(const QString &folder, qint64 maxBytes, QString *error)
{
    if (::unshare(CLONE_NEWNS) != 0) {
        *error = failure(QStringLiteral("unshare(CLONE_NEWNS)"), errno);
        return false;
    }
    // Private: the tmpfs stays in this namespace and never shows in the machine's.
    if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
        *error = failure(QStringLiteral("mount(MS_PRIVATE)"), errno);
        return false;
    }
    const QByteArray options = "size=" + QByteArray::number(maxBytes) + ",mode=0700";
    if (::mount("socketlab-check", QFile::encodeName(folder).constData(), "tmpfs",
                MS_NOSUID | MS_NODEV, options.constData())
        != 0) {
        *error = failure(QStringLiteral("mount(tmpfs)"), errno);
        return false;
    }
    return true;
}

} // namespace socketlab

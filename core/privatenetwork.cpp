#include "core/privatenetwork.h"

#include "core/errortext.h"
#include "core/namespacesetup.h"

#include <QFile>

#include <arpa/inet.h>
#include <cerrno>
#include <grp.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace socketlab {

namespace {

QString failure(const QString &call, int errnum)
{
    return PrivateNetwork::tr("A private network cannot be made here: %1 failed (%2). User "
                              "namespaces may be disabled (sysctl user.max_user_namespaces, "
                              "kernel.unprivileged_userns_clone, or AppArmor's "
                              "kernel.apparmor_restrict_unprivileged_userns). The program was "
                              "not run: SocketLab never runs it without one.")
        .arg(call, ErrorText::forErrno(errnum));
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
    // Root inside: the program may do what root may do in its own namespaces, nothing more.
    const NamespaceSetup::IdMaps maps = NamespaceSetup::idMapsFor(0, 0);
    if (::unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0) {
        *error = failure(QStringLiteral("unshare(CLONE_NEWUSER | CLONE_NEWNET)"), errno);
        return false;
    }
    const char *failedCall = "";
    int errnum = NamespaceSetup::writeIdMaps(maps, &failedCall);
    if (errnum == 0)
        errnum = NamespaceSetup::bringLoopbackUp(&failedCall);
    for (int i = 0; errnum == 0 && i < extraIpv4Addresses.size(); ++i) {
        in_addr address {};
        const QByteArray text = extraIpv4Addresses.at(i).toLatin1();
        if (::inet_pton(AF_INET, text.constData(), &address) != 1) {
            *error = failure(QStringLiteral("inet_pton(%1)").arg(QLatin1String(text)), EINVAL);
            return false;
        }
        // An alias label per address ("lo:1"): the old interface a SIOCSIFADDR adds to.
        const QByteArray label = "lo:" + QByteArray::number(i + 1);
        errnum = NamespaceSetup::addLoopbackAddress(label.constData(), address.s_addr, &failedCall);
    }
    if (errnum != 0) {
        *error = failure(QLatin1String(failedCall), errnum);
        return false;
    }
    return true;
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

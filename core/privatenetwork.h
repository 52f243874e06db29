#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace socketlab {

// A private network for a program SocketLab does not trust (socketlab-cli check): the calling
// process moves into a new unprivileged user namespace and a new network namespace of its own.
// Inside there is only the loopback interface, up, plus the addresses asked for (the recipe's
// UDP client sends to 192.168.1.10: that address is added on lo so it is answered inside).
// Nothing reaches the machine's own services (its 127.0.0.1 is another loopback) or the
// network, and every port is free. Everything the process starts afterwards inherits it.
//
// enter() must be called while the process has a single thread (the kernel refuses
// unshare(CLONE_NEWUSER) otherwise): socketlab-cli check calls it before the tracer, its
// clients or its server start a thread; a threaded program forks a child first.
// Run as root, the process first becomes nobody, so that the program inside owns no file of
// the machine. There is no way back out: a process that entered stays in.
class PrivateNetwork
{
    Q_DECLARE_TR_FUNCTIONS(PrivateNetwork)

public:
    // The address the recipe's UDP client is written with.
    static constexpr const char *kRecipeAddress = "192.168.1.10";
    // The user a root caller becomes before it makes the namespaces.
    static constexpr unsigned kNobody = 65534;

    // false with a translated reason (naming the call and the system's error) when a private
    // network cannot be made here; the process is then unchanged or, when the namespaces
    // were made but not finished, must not run the program.
    static bool enter(const QStringList &extraIpv4Addresses, QString *error);
    // After enter(): a mount namespace of its own, with a tmpfs of at most maxBytes over
    // folder, so the program's files fill that tmpfs and never the machine's disk.
    static bool mountPrivateFolder(const QString &folder, qint64 maxBytes, QString *error);
    // Whether this process has a single thread (enter()'s precondition).
    static bool isSingleThreaded();
};

} // namespace socketlab

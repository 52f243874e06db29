#include "core/private/tracedfds.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

namespace socketlab {

TracedFds::Socket *TracedFds::find(int fd)
{
    auto it = m_sockets.find(fd);
    return it == m_sockets.end() ? nullptr : &it.value();
}

void TracedFds::duplicate(int fd, int newFd, bool closeOnExec)
{
    if (fd == newFd)
        return;
    auto it = m_sockets.constFind(fd);
    if (it == m_sockets.constEnd()) {
        m_sockets.remove(newFd); // dup2 onto a socket closes it
        return;
    }
    Socket copy = it.value();
    copy.closeOnExec = closeOnExec;
    m_sockets.insert(newFd, copy);
}

void TracedFds::setCloseOnExec(int fd, bool on)
{
    if (Socket *socket = find(fd))
        socket->closeOnExec = on;
}

QList<int> TracedFds::socketsIn(unsigned first, unsigned last) const
{
    QList<int> fds;
    for (auto it = m_sockets.constBegin(); it != m_sockets.constEnd(); ++it) {
        if (unsigned(it.key()) >= first && unsigned(it.key()) <= last)
            fds.append(it.key());
    }
    std::sort(fds.begin(), fds.end());
    return fds;
}

void TracedFds::exec()
{
    for (auto it = m_sockets.begin(); it != m_sockets.end();) {
        if (it.value().closeOnExec)
            it = m_sockets.erase(it);
        else
            ++it;
    }
}

void TracedFds::scan(pid_t pid)
{
    // What survived exec is known by number; anything the table missed is added as a socket
    // of unknown kind so its reads and writes still count.
    const QString dir = QStringLiteral("/proc/%1/fd").arg(pid);
    const QStringList names
        = QDir(dir).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot);
    QHash<int, Socket> found;
    for (const QString &name : names) {
        bool ok = false;
        const int fd = name.toInt(&ok);
        if (!ok)
            continue;
        const QString target = QFile::symLinkTarget(dir + QLatin1Char('/') + name);
        if (!target.contains(QLatin1String("socket:[")))
            continue;
        auto known = m_sockets.constFind(fd);
        if (known != m_sockets.constEnd())
            found.insert(fd, known.value());
    }
    m_sockets = found;
}

} // namespace socketlab

#pragma once

// Helpers shared by the core and CLI suites: plain POSIX peers (so the server under test
// never talks only to itself), an event recorder, and process/descriptor checks.

#include "core/endpoint.h"
#include "core/fd.h"
#include "core/server.h"
#include "core/socketevent.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTest>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace testsupport {

using socketlab::EventKind;
using socketlab::Fd;
using socketlab::SocketEvent;
using socketlab::SocketEvents;

constexpr int kWaitMs = 10000;

// A sockaddr for a numeric loopback address and port: "127.0.0.1" or "::1".
inline sockaddr_storage addressOf(const char *host, quint16 port, socklen_t *length)
{
    sockaddr_storage storage {};
    if (std::strchr(host, ':')) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        ::inet_pton(AF_INET6, host, &in6->sin6_addr);
        *length = sizeof *in6;
    } else {
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        ::inet_pton(AF_INET, host, &in->sin_addr);
        *length = sizeof *in;
    }
    return storage;
}

// A blocking TCP connection, or an invalid Fd.
inline Fd tcpConnect(quint16 port, const char *host = "127.0.0.1")
{
    socklen_t length = 0;
    const sockaddr_storage address = addressOf(host, port, &length);
    Fd fd(::socket(address.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd.isValid())
        return {};
    if (::connect(fd.get(), reinterpret_cast<const sockaddr *>(&address), length) != 0)
        return {};
    return fd;
}

inline Fd udpSocket(const char *host = "127.0.0.1")
{
    socklen_t length = 0;
    const sockaddr_storage any = addressOf(host, 0, &length);
    Fd fd(::socket(any.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    if (fd.isValid())
        ::bind(fd.get(), reinterpret_cast<const sockaddr *>(&any), length);
    return fd;
}

inline bool sendTo(int fd, const QByteArray &data, quint16 port, const char *host = "127.0.0.1")
{
    socklen_t length = 0;
    const sockaddr_storage address = addressOf(host, port, &length);
    return ::sendto(fd, data.constData(), size_t(data.size()), MSG_NOSIGNAL,
                    reinterpret_cast<const sockaddr *>(&address), length)
        == data.size();
}

inline bool sendAll(int fd, const QByteArray &data)
{
    qsizetype sent = 0;
    while (sent < data.size()) {
        const ssize_t n
            = ::send(fd, data.constData() + sent, size_t(data.size() - sent), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        sent += n;
    }
    return true;
}

// Reads until `size` bytes arrived, the peer closed, or timeoutMs passed.
inline QByteArray receive(int fd, qsizetype size, int timeoutMs = kWaitMs)
{
    QByteArray got;
    QDeadlineTimer deadline(timeoutMs);
    while (got.size() < size && !deadline.hasExpired()) {
        pollfd p {fd, POLLIN, 0};
        if (::poll(&p, 1, int(deadline.remainingTime())) <= 0)
            break;
        char buffer[65536];
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0)
            break;
        got.append(buffer, n);
    }
    return got;
}

// True when the peer closed (recv() returned 0 or failed) within timeoutMs.
inline bool peerClosed(int fd, int timeoutMs = kWaitMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        pollfd p {fd, POLLIN, 0};
        if (::poll(&p, 1, int(deadline.remainingTime())) <= 0)
            return false;
        char buffer[65536];
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
            return true;
    }
    return false;
}

// Closes with an RST instead of a FIN (SO_LINGER with a zero timeout).
inline void abortiveClose(Fd &fd)
{
    const linger hard {1, 0};
    ::setsockopt(fd.get(), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    fd.reset();
}

inline QString localOf(int fd)
{
    return socketlab::Endpoint::localOf(fd).toString();
}

// "5 -> socket:[123]" for each descriptor open in this process.
inline QStringList openDescriptors()
{
    QStringList list;
    const QDir dir(QStringLiteral("/proc/self/fd"));
    for (const QFileInfo &info :
         dir.entryInfoList(QDir::NoDotAndDotDot | QDir::System | QDir::Files | QDir::Dirs))
        list << info.fileName() + QLatin1String(" -> ") + info.symLinkTarget();
    return list;
}

inline int openDescriptorCount()
{
    return int(QDir(QStringLiteral("/proc/self/fd"))
                   .entryList(QDir::NoDotAndDotDot | QDir::System | QDir::Files | QDir::Dirs)
                   .size());
}

// True when pid is no longer a child of this process (reaped; a zombie would still be ours).
inline bool reaped(qint64 pid)
{
    int status = 0;
    const pid_t got = ::waitpid(pid_t(pid), &status, WNOHANG);
    return got < 0 && errno == ECHILD;
}

// The PPid line of /proc/<pid>/status, or -1 when there is no such process.
inline qint64 parentOf(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("PPid:"))
            return line.mid(5).trimmed().toLongLong();
    }
    return -1;
}

// Records every event a Server (or Client) delivers, in order.
class EventLog : public QObject
{
public:
    template<typename Source> explicit EventLog(Source *source)
    {
        QObject::connect(source, &Source::eventsArrived, this,
                         [this](const SocketEvents &batch) { m_events += batch; });
    }

    const QList<SocketEvent> &all() const { return m_events; }
    QList<SocketEvent> of(EventKind kind) const
    {
        QList<SocketEvent> found;
        for (const SocketEvent &e : m_events) {
            if (e.kind == kind)
                found << e;
        }
        return found;
    }
    int count(EventKind kind) const { return int(of(kind).size()); }
    template<typename Predicate> int count(Predicate predicate) const
    {
        return int(std::count_if(m_events.begin(), m_events.end(), predicate));
    }
    // Messages the events account for: one per data event, plus those a lagging reader got
    // merged into coalesced events.
    qint64 dataBytes() const
    {
        qint64 bytes = 0;
        for (const SocketEvent &e : m_events) {
            if (e.kind == EventKind::Data
                || (e.kind == EventKind::Coalesced && e.mergedKind == EventKind::Data))
                bytes += e.bytes;
        }
        return bytes;
    }
    qint64 dataMessages() const
    {
        qint64 messages = 0;
        for (const SocketEvent &e : m_events) {
            if (e.kind == EventKind::Data)
                messages += 1;
            else if (e.kind == EventKind::Coalesced && e.mergedKind == EventKind::Data)
                messages += e.messages;
        }
        return messages;
    }
    // Index of the first event matching, or -1.
    template<typename Predicate> int indexOf(Predicate predicate) const
    {
        for (int i = 0; i < m_events.size(); ++i) {
            if (predicate(m_events.at(i)))
                return i;
        }
        return -1;
    }
    // Every data byte from one peer, in order.
    QByteArray dataFrom(const QString &peer) const
    {
        QByteArray bytes;
        for (const SocketEvent &e : m_events) {
            if (e.kind == EventKind::Data && e.peer == peer)
                bytes += e.payload;
        }
        return bytes;
    }
    qint64 bytesFrom(const QString &peer) const
    {
        qint64 bytes = 0;
        for (const SocketEvent &e : m_events) {
            const bool merged = e.kind == EventKind::Coalesced && e.mergedKind == EventKind::Data;
            if ((e.kind == EventKind::Data || merged) && e.peer == peer)
                bytes += e.bytes;
        }
        return bytes;
    }
    bool waitForCount(EventKind kind, int atLeast, int timeoutMs = kWaitMs)
    {
        return QTest::qWaitFor([&] { return count(kind) >= atLeast; }, timeoutMs);
    }
    bool waitForData(const QString &peer, const QByteArray &bytes, int timeoutMs = kWaitMs)
    {
        return QTest::qWaitFor([&] { return dataFrom(peer) == bytes; }, timeoutMs);
    }
    void clear() { m_events.clear(); }

private:
    QList<SocketEvent> m_events;
};

} // namespace testsupport

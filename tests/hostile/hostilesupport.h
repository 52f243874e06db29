#pragma once

// Helpers for the hostile-classroom suites: many non-blocking peers at once, the descriptor
// limit they need, and what /proc says about the server under test (its zombie children,
// its memory). Every wait is bounded and keeps the event loop turning, so the server's
// standard output is read while the test waits (a full pipe would stall the server).

#include "tests/cli/clitestsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>

#include <fcntl.h>
#include <sys/resource.h>

#include <vector>

namespace hostile {

using clitest::Process;
using testsupport::Fd;
using testsupport::kWaitMs;

// Raises this process's soft descriptor limit to its hard limit (a QProcess child inherits
// it). Returns the soft limit now in force.
inline rlim_t raiseDescriptorLimit()
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
        ::getrlimit(RLIMIT_NOFILE, &limit);
    }
    return limit.rlim_cur;
}

// Starts a non-blocking connect to host:port; the Fd is invalid when socket() failed or the
// connect failed at once. A receiveBuffer > 0 sets SO_RCVBUF first (a slow reader's window).
inline Fd startConnect(quint16 port, const char *host = "127.0.0.1", int receiveBuffer = 0)
{
    socklen_t length = 0;
    const sockaddr_storage address = testsupport::addressOf(host, port, &length);
    Fd fd(::socket(address.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!fd.isValid())
        return {};
    if (receiveBuffer > 0)
        ::setsockopt(fd.get(), SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
    const int rc = ::connect(fd.get(), reinterpret_cast<const sockaddr *>(&address), length);
    if (rc != 0 && errno != EINPROGRESS)
        return {};
    return fd;
}

// True once the non-blocking connect of fd completed without error.
inline bool connectDone(int fd)
{
    pollfd p {fd, POLLOUT, 0};
    if (::poll(&p, 1, 0) <= 0)
        return false;
    int error = 0;
    socklen_t length = sizeof error;
    return ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 && error == 0;
}

// Number of lines of out holding "event":"<name>" (the CLI writes compact JSON); cheaper than
// parsing every line again on every poll of a wait.
inline int countEvents(const QByteArray &out, const char *name)
{
    return int(out.count(QByteArray("\"event\":\"") + name + '"'));
}

inline bool waitForEventCount(Process &server, const char *name, int count, int timeoutMs = kWaitMs)
{
    return QTest::qWaitFor([&] { return countEvents(server.out(), name) >= count; }, timeoutMs);
}

// Children of pid that are zombies (state Z), as /proc says.
inline QList<qint64> zombieChildren(qint64 pid)
{
    QList<qint64> zombies;
    const QStringList entries
        = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 child = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(child));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) S ppid ...": comm may hold spaces and parentheses, so split after the last
        // ')'.
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == pid && fields.at(0) == "Z")
            zombies << child;
    }
    return zombies;
}

// A field of /proc/<pid>/status in kB (VmRSS, VmHWM), or -1.
inline qint64 statusKb(qint64 pid, const char *field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Sends SIGTERM and returns the milliseconds until the process ended, or -1 when it did
// not within timeoutMs.
inline qint64 terminate(Process &server, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    server.signal(SIGTERM);
    if (!server.waitForExit(timeoutMs))
        return -1;
    return clock.elapsed();
}

// The last summary event of the server's output (empty when there is none).
inline QJsonObject summaryOf(const Process &server)
{
    const QList<QJsonObject> summaries = server.events(QStringLiteral("summary"));
    return summaries.isEmpty() ? QJsonObject() : summaries.last();
}

inline qint64 number(const QJsonObject &event, const char *key)
{
    return event.value(QLatin1String(key)).toInteger();
}

// Sends what it can of data without blocking; returns the bytes taken.
inline qsizetype sendSome(int fd, const QByteArray &data)
{
    const ssize_t n
        = ::send(fd, data.constData(), size_t(data.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
    return n > 0 ? n : 0;
}

// Sends all of data on a non-blocking socket, turning the event loop while the socket is full.
inline bool sendAllTurning(int fd, const QByteArray &data, int timeoutMs = kWaitMs)
{
    qsizetype sent = 0;
    return QTest::qWaitFor(
        [&] {
            while (sent < data.size()) {
                const ssize_t n = ::send(fd, data.constData() + sent, size_t(data.size() - sent),
                                         MSG_NOSIGNAL | MSG_DONTWAIT);
                if (n <= 0)
                    return false;
                sent += n;
            }
            return true;
        },
        timeoutMs);
}

// Reads from a non-blocking socket until `size` bytes came, turning the event loop meanwhile.
inline QByteArray receiveTurning(int fd, qsizetype size, int timeoutMs = kWaitMs)
{
    QByteArray got;
    (void)QTest::qWaitFor(
        [&] {
            char buffer[65536];
            for (;;) {
                const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
                if (n <= 0)
                    break;
                got.append(buffer, n);
            }
            return got.size() >= size;
        },
        timeoutMs);
    return got;
}

} // namespace hostile

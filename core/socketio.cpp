#include "core/socketio.h"

#include "core/blockingcall.h"

#include <cerrno>
#include <chrono>
#include <poll.h>
#include <sys/socket.h>

namespace socketlab {

WaitResult SocketIo::waitFor(int fd, short events, int stopFd, int timeoutMs, SysCall blockedIn)
{
    const BlockingCall blocked(blockedIn);
    pollfd fds[2] = {{stopFd, POLLIN, 0}, {fd, events, 0}};
    for (;;) {
        const int ready = ::poll(fds, 2, timeoutMs);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0)
            return WaitResult::Failed;
        if (ready == 0)
            return WaitResult::TimedOut;
        if (fds[0].revents & POLLIN)
            return WaitResult::Stopped;
        return WaitResult::Ready;
    }
}

qint64 SocketIo::sendAll(int fd, const char *data, qint64 size, int stopFd, int *errnum)
{
    return sendAllReading(fd, data, size, stopFd, {}, errnum);
}

qint64 SocketIo::sendAllReading(int fd, const char *data, qint64 size, int stopFd,
                                const std::function<bool()> &onReadable, int *errnum)
{
    qint64 sent = 0;
    *errnum = 0;
    while (sent < size) {
        const ssize_t n = ::send(fd, data + sent, size_t(size - sent), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n >= 0) {
            sent += n;
            continue;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            *errnum = errno;
            break;
        }
        const short events = onReadable ? POLLOUT | POLLIN : POLLOUT;
        pollfd fds[2] = {{stopFd, POLLIN, 0}, {fd, events, 0}};
        const int ready = [&fds] {
            const BlockingCall blocked(SysCall::Send);
            return ::poll(fds, 2, -1);
        }();
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0) {
            *errnum = errno;
            break;
        }
        if (fds[0].revents & POLLIN) {
            *errnum = ECANCELED;
            break;
        }
        // Read first: what arrived is what the peer waits to be rid of before it reads again.
        if (onReadable && (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) && !onReadable()) {
            *errnum = ECANCELED;
            break;
        }
    }
    return sent;
}

WaitResult SocketIo::readUntilQuiet(int fd, int stopFd, int quietMs, int maxMs,
                                    const std::function<bool()> &onReadable, bool *stillSending)
{
    using Clock = std::chrono::steady_clock;
    const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(maxMs);
    *stillSending = false;
    for (;;) {
        const auto left
            = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
            *stillSending = true;
            return WaitResult::TimedOut;
        }
        const WaitResult wait
            = waitFor(fd, POLLIN, stopFd, int(qMin<qint64>(quietMs, left.count())), SysCall::Recv);
        if (wait != WaitResult::Ready)
            return wait; // quiet for quietMs, stopped, or poll() failed
        if (!onReadable())
            return WaitResult::Ready;
    }
}

QString SocketIo::socketArgs(int family, int type, int protocol)
{
    const QString familyName
        = family == AF_INET6 ? QStringLiteral("AF_INET6") : QStringLiteral("AF_INET");
    const QString typeName
        = type == SOCK_DGRAM ? QStringLiteral("SOCK_DGRAM") : QStringLiteral("SOCK_STREAM");
    return QStringLiteral("%1, %2, %3").arg(familyName, typeName).arg(protocol);
}

} // namespace socketlab

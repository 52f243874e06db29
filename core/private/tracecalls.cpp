#include "core/private/tracecalls.h"

#include "core/callclock.h"
#include "core/endpoint.h"
#include "core/private/tracememory.h"

#include <QStringList>

#include <fcntl.h>
#include <linux/sched.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace socketlab {

namespace {

// Payload kept per call: the views show the first 4096 bytes (kMaxEventPayload).
constexpr qint64 kPayload = kMaxEventPayload;

QString fdText(quint64 fd)
{
    return QStringLiteral("fd %1").arg(int(fd));
}

QString familyName(int family)
{
    switch (family) {
    case AF_INET:
        return QStringLiteral("AF_INET");
    case AF_INET6:
        return QStringLiteral("AF_INET6");
    case AF_UNIX:
        return QStringLiteral("AF_UNIX");
    default:
        return QString::number(family);
    }
}

QString typeName(int type)
{
    QString name;
    switch (type & 0xf) {
    case SOCK_STREAM:
        name = QStringLiteral("SOCK_STREAM");
        break;
    case SOCK_DGRAM:
        name = QStringLiteral("SOCK_DGRAM");
        break;
    case SOCK_RAW:
        name = QStringLiteral("SOCK_RAW");
        break;
    default:
        name = QString::number(type & 0xf);
        break;
    }
    if (type & SOCK_CLOEXEC)
        name += QStringLiteral("|SOCK_CLOEXEC");
    if (type & SOCK_NONBLOCK)
        name += QStringLiteral("|SOCK_NONBLOCK");
    return name;
}

QString optionName(quint64 level, quint64 name)
{
    if (level == SOL_SOCKET) {
        switch (name) {
        case SO_REUSEADDR:
            return QStringLiteral("SOL_SOCKET, SO_REUSEADDR");
        case SO_REUSEPORT:
            return QStringLiteral("SOL_SOCKET, SO_REUSEPORT");
        case SO_KEEPALIVE:
            return QStringLiteral("SOL_SOCKET, SO_KEEPALIVE");
        case SO_RCVBUF:
            return QStringLiteral("SOL_SOCKET, SO_RCVBUF");
        case SO_SNDBUF:
            return QStringLiteral("SOL_SOCKET, SO_SNDBUF");
        case SO_LINGER:
            return QStringLiteral("SOL_SOCKET, SO_LINGER");
        case SO_BROADCAST:
            return QStringLiteral("SOL_SOCKET, SO_BROADCAST");
        case SO_ERROR:
            return QStringLiteral("SOL_SOCKET, SO_ERROR");
        case SO_TYPE:
            return QStringLiteral("SOL_SOCKET, SO_TYPE");
        case SO_RCVTIMEO:
            return QStringLiteral("SOL_SOCKET, SO_RCVTIMEO");
        case SO_SNDTIMEO:
            return QStringLiteral("SOL_SOCKET, SO_SNDTIMEO");
        default:
            return QStringLiteral("SOL_SOCKET, %1").arg(name);
        }
    }
    if (level == IPPROTO_TCP && name == TCP_NODELAY)
        return QStringLiteral("IPPROTO_TCP, TCP_NODELAY");
    return QStringLiteral("%1, %2").arg(level).arg(name);
}

QString shutdownName(quint64 how)
{
    switch (how) {
    case SHUT_RD:
        return QStringLiteral("SHUT_RD");
    case SHUT_WR:
        return QStringLiteral("SHUT_WR");
    case SHUT_RDWR:
        return QStringLiteral("SHUT_RDWR");
    default:
        return QString::number(how);
    }
}

QString waitOptions(quint64 options)
{
    QStringList names;
    if (options & WNOHANG)
        names << QStringLiteral("WNOHANG");
    if (options & WUNTRACED)
        names << QStringLiteral("WUNTRACED");
    if (options & WCONTINUED)
        names << QStringLiteral("WCONTINUED");
    return names.isEmpty() ? QStringLiteral("0") : names.join(QLatin1Char('|'));
}

bool isDataCall(long nr)
{
    switch (nr) {
    case __NR_read:
    case __NR_write:
    case __NR_readv:
    case __NR_writev:
    case __NR_sendto:
    case __NR_recvfrom:
    case __NR_sendmsg:
    case __NR_recvmsg:
    case __NR_sendmmsg:
    case __NR_recvmmsg:
        return true;
    default:
        return false;
    }
}

bool isProcessCall(long nr)
{
    switch (nr) {
    case __NR_clone:
#ifdef __NR_clone3
    case __NR_clone3:
#endif
#ifdef __NR_fork
    case __NR_fork:
#endif
#ifdef __NR_vfork
    case __NR_vfork:
#endif
    case __NR_wait4:
    case __NR_waitid:
    case __NR_execve:
    case __NR_execveat:
    case __NR_exit_group:
        return true;
    default:
        return false;
    }
}

bool isWaitForEvents(long nr)
{
    switch (nr) {
#ifdef __NR_poll
    case __NR_poll:
#endif
#ifdef __NR_select
    case __NR_select:
#endif
#ifdef __NR_epoll_wait
    case __NR_epoll_wait:
#endif
#ifdef __NR_epoll_pwait2
    case __NR_epoll_pwait2:
#endif
    case __NR_ppoll:
    case __NR_pselect6:
    case __NR_epoll_pwait:
        return true;
    default:
        return false;
    }
}

// The descriptors a poll()/select() watches, when they are few enough to name.
QList<int> watchedFds(const TracedThread &thread)
{
    QList<int> fds;
    const TraceMemory memory(thread.tid);
    const long nr = thread.nr;
    bool isPoll = nr == __NR_ppoll;
#ifdef __NR_poll
    isPoll = isPoll || nr == __NR_poll;
#endif
    if (isPoll) {
        const qint64 count = qMin<qint64>(qint64(thread.args[1]), 64);
        const QByteArray bytes = memory.read(thread.args[0], count * qint64(sizeof(pollfd)));
        const auto *entries = reinterpret_cast<const pollfd *>(bytes.constData());
        for (int i = 0; i < int(bytes.size() / int(sizeof(pollfd))); ++i)
            fds << entries[i].fd;
        return fds;
    }
    bool isSelect = nr == __NR_pselect6;
#ifdef __NR_select
    isSelect = isSelect || nr == __NR_select;
#endif
    if (isSelect) {
        const int count = int(qMin<quint64>(thread.args[0], FD_SETSIZE));
        for (int set = 1; set <= 3; ++set) {
            const QByteArray bits = memory.read(thread.args[set], (count + 7) / 8);
            for (int fd = 0; fd < bits.size() * 8 && fd < count; ++fd) {
                if ((uchar(bits.at(fd / 8)) >> (fd % 8)) & 1 && !fds.contains(fd))
                    fds << fd;
            }
        }
    }
    return fds;
}

QString callName(long nr)
{
    switch (nr) {
    case __NR_accept4:
        return QStringLiteral("accept4");
    case __NR_read:
        return QStringLiteral("read");
    case __NR_write:
        return QStringLiteral("write");
    case __NR_readv:
        return QStringLiteral("readv");
    case __NR_writev:
        return QStringLiteral("writev");
    case __NR_sendto:
        return QStringLiteral("sendto");
    case __NR_recvfrom:
        return QStringLiteral("recvfrom");
    case __NR_sendmsg:
        return QStringLiteral("sendmsg");
    case __NR_recvmsg:
        return QStringLiteral("recvmsg");
    case __NR_sendmmsg:
        return QStringLiteral("sendmmsg");
    case __NR_recvmmsg:
        return QStringLiteral("recvmmsg");
    case __NR_clone:
        return QStringLiteral("clone");
#ifdef __NR_clone3
    case __NR_clone3:
        return QStringLiteral("clone3");
#endif
#ifdef __NR_fork
    case __NR_fork:
        return QStringLiteral("fork");
#endif
#ifdef __NR_vfork
    case __NR_vfork:
        return QStringLiteral("vfork");
#endif
    case __NR_wait4:
        return QStringLiteral("wait4");
    case __NR_waitid:
        return QStringLiteral("waitid");
    case __NR_ppoll:
        return QStringLiteral("ppoll");
    case __NR_pselect6:
        return QStringLiteral("pselect6");
    case __NR_epoll_pwait:
        return QStringLiteral("epoll_pwait");
#ifdef __NR_epoll_pwait2
    case __NR_epoll_pwait2:
        return QStringLiteral("epoll_pwait2");
#endif
#ifdef __NR_poll
    case __NR_poll:
        return QStringLiteral("poll");
#endif
#ifdef __NR_select
    case __NR_select:
        return QStringLiteral("select");
#endif
#ifdef __NR_epoll_wait
    case __NR_epoll_wait:
        return QStringLiteral("epoll_wait");
#endif
    case __NR_close_range:
        return QStringLiteral("close_range");
    default:
        return QString::number(nr);
    }
}

// The peer of a traced process's socket, asked of a copy of it (pidfd_getfd: the tracer may
// take one), for an accept() that did not ask for the address.
QString remotePeer(pid_t pid, int fd)
{
#if defined(SYS_pidfd_open) && defined(SYS_pidfd_getfd)
    const int pidfd = int(::syscall(SYS_pidfd_open, pid, 0));
    if (pidfd < 0)
        return QString();
    const int copy = int(::syscall(SYS_pidfd_getfd, pidfd, fd, 0));
    ::close(pidfd);
    if (copy < 0)
        return QString();
    const QString peer = Endpoint::peerOf(copy).toString();
    ::close(copy);
    return peer;
#else
    Q_UNUSED(pid);
    Q_UNUSED(fd);
    return QString();
#endif
}

// "accept4(fd 3)": the call really made, when its recipe name differs.
QString really(long nr, const QString &args)
{
    return QStringLiteral("%1(%2)").arg(callName(nr), args);
}

} // namespace

bool TraceCalls::wanted(const TracedThread &thread)
{
    const long nr = thread.nr;
    if (isProcessCall(nr) || nr == __NR_socket)
        return true;
    const TracedFds &fds = *thread.process->fds;
    const int fd = int(thread.args[0]);
    switch (nr) {
    case __NR_dup3:
#ifdef __NR_dup2
    case __NR_dup2:
#endif
        return fds.isSocket(fd) || fds.isSocket(int(thread.args[1]));
    case __NR_close_range:
        return !fds.isEmpty();
    default:
        break;
    }
    if (isWaitForEvents(nr)) {
        // epoll's set is not in its arguments: any wait of a process holding sockets.
        bool isEpoll = nr == __NR_epoll_pwait;
#ifdef __NR_epoll_wait
        isEpoll = isEpoll || nr == __NR_epoll_wait;
#endif
#ifdef __NR_epoll_pwait2
        isEpoll = isEpoll || nr == __NR_epoll_pwait2;
#endif
        if (isEpoll)
            return !fds.isEmpty();
        for (int watched : watchedFds(thread)) {
            if (fds.isSocket(watched))
                return true;
        }
        return false;
    }
    return fds.isSocket(fd);
}

bool TraceCalls::pausesForStep(const TracedThread &thread)
{
    const long nr = thread.nr;
    if (isProcessCall(nr))
        return false;
    return nr != __NR_dup && nr != __NR_dup3 && nr != __NR_fcntl
#ifdef __NR_dup2
        && nr != __NR_dup2
#endif
        ;
}

SocketEvent TraceCalls::make(const TracedThread &thread, EventKind kind, pid_t rootPid)
{
    // Not SocketEvent(kind, role): it would ask the kernel for SocketLab's own pid and tid at
    // every call of the program.
    SocketEvent event;
    event.kind = kind;
    event.role = thread.process->role();
    event.setEndUs(nowUs());
    event.traced = true;
    event.pid = thread.process->pid;
    event.tid = thread.tid;
    if (thread.tid != thread.process->pid)
        event.handler = HandlerKind::Thread;
    else if (thread.process->pid != rootPid)
        event.handler = HandlerKind::Process;
    else
        event.handler = HandlerKind::Main;
    return event;
}

SocketEvent TraceCalls::preview(const TracedThread &thread) const
{
    TracedThread copy = thread;
    // A throwaway copy of the table: the preview must change nothing.
    copy.process = std::make_shared<TracedProcess>(*thread.process);
    copy.process->fds = std::make_shared<TracedFds>(*thread.process->fds);
    TraceCalls scratch = *this;
    SocketEvent event;
    if (!scratch.finish(copy, 0, 0, &event))
        event = make(thread, EventKind::Call, m_rootPid);
    event.result = 0;
    event.bytes = 0;
    event.payload.clear();
    event.setEndUs(thread.beginUs);
    return event;
}

void TraceCalls::decideRole(TracedProcess &process, SysCall call, const TracedFds::Socket *socket)
{
    if (process.roleKnown())
        return;
    switch (call) {
    // Not bind: a client may bind its own address (127.0.0.x) before it connects.
    case SysCall::Listen:
    case SysCall::Accept:
        process.server = true;
        break;
    case SysCall::Recvfrom:
        if (socket && socket->bound)
            process.server = true;
        else
            process.client = true;
        break;
    case SysCall::Connect:
    case SysCall::Send:
    case SysCall::Sendto:
        process.client = true;
        break;
    default:
        break;
    }
}

void TraceCalls::decideRoleOnEntry(TracedThread &thread)
{
    TracedProcess &process = *thread.process;
    if (process.roleKnown())
        return;
    const TracedFds::Socket *socket = process.fds->find(int(thread.args[0]));
    if (!socket)
        return;
    switch (thread.nr) {
    case __NR_listen:
    case __NR_accept:
    case __NR_accept4:
        process.server = true;
        break;
    case __NR_connect:
    case __NR_sendto:
    case __NR_sendmsg:
    case __NR_sendmmsg:
    case __NR_write:
    case __NR_writev:
        process.client = true;
        break;
    case __NR_recvfrom:
    case __NR_recvmsg:
    case __NR_recvmmsg:
    case __NR_read:
    case __NR_readv:
        // bind + recvfrom: a UDP server waits for its first datagram. Any other receive
        // first is a client's (an answer to something it sent over an inherited socket).
        if (socket->type == SOCK_DGRAM && socket->bound && socket->peer.isEmpty())
            process.server = true;
        else
            process.client = true;
        break;
    default:
        break;
    }
}

pid_t TraceCalls::reapedBy(const TracedThread &thread, qint64 result)
{
    if (result <= 0 && thread.nr == __NR_wait4)
        return 0;
    const TraceMemory memory(thread.tid);
    if (thread.nr == __NR_wait4) {
        int status = 0;
        if (memory.readValue(thread.args[1], &status, sizeof(status)) && !WIFEXITED(status)
            && !WIFSIGNALED(status)) {
            return 0; // a stop or a continue was reported, nobody was reaped
        }
        return pid_t(result);
    }
    if (thread.nr == __NR_waitid && result == 0 && !(thread.args[3] & WNOWAIT)) {
        siginfo_t info {};
        if (!memory.readValue(thread.args[2], &info, sizeof(info)))
            return 0;
        if (info.si_code == CLD_EXITED || info.si_code == CLD_KILLED || info.si_code == CLD_DUMPED)
            return info.si_pid;
    }
    return 0;
}

bool TraceCalls::finish(TracedThread &thread, qint64 result, int errnum, SocketEvent *event)
{
    TracedProcess &process = *thread.process;
    const long nr = thread.nr;
    const quint64 *a = thread.args;
    SocketEvent e = make(thread, EventKind::Call, m_rootPid);
    e.beginUs = thread.beginUs;
    e.result = errnum != 0 ? -1 : result;
    e.errnum = errnum;
    bool shown = true;
    switch (nr) {
    case __NR_clone:
#ifdef __NR_clone3
    case __NR_clone3:
#endif
#ifdef __NR_fork
    case __NR_fork:
#endif
#ifdef __NR_vfork
    case __NR_vfork:
#endif
    {
        const bool isThread = thread.cloneFlags & CLONE_THREAD;
        e.call = isThread ? SysCall::Thread : SysCall::Fork;
        e.args = nr == __NR_fork
            ? QString()
            : really(nr, isThread ? QStringLiteral("CLONE_THREAD…") : QStringLiteral("…"));
        break;
    }
    case __NR_wait4:
        e.call = SysCall::Waitpid;
        e.args = really(nr, QStringLiteral("%1, %2").arg(qint64(int(a[0]))).arg(waitOptions(a[2])));
        break;
    case __NR_waitid:
        e.call = SysCall::Waitpid;
        e.args = really(nr, QStringLiteral("%1, %2").arg(qint64(int(a[1]))).arg(waitOptions(a[3])));
        break;
    case __NR_exit_group:
        e.call = SysCall::Exit;
        e.args = QString::number(int(a[0]));
        e.result = 0;
        break;
    case __NR_dup:
        if (errnum == 0)
            process.fds->duplicate(int(a[0]), int(result), false);
        shown = false;
        break;
    case __NR_dup3:
#ifdef __NR_dup2
    case __NR_dup2:
#endif
        if (errnum == 0)
            process.fds->duplicate(int(a[0]), int(a[1]), nr == __NR_dup3 && (a[2] & O_CLOEXEC));
        shown = false;
        break;
    case __NR_fcntl:
        if (errnum == 0) {
            if (a[1] == F_DUPFD || a[1] == F_DUPFD_CLOEXEC)
                process.fds->duplicate(int(a[0]), int(result), a[1] == F_DUPFD_CLOEXEC);
            else if (a[1] == F_SETFD)
                process.fds->setCloseOnExec(int(a[0]), a[2] & FD_CLOEXEC);
        }
        shown = false;
        break;
    case __NR_close_range: {
        const QList<int> fds = process.fds->socketsIn(unsigned(a[0]), unsigned(a[1]));
        for (int fd : fds) {
            if (a[2] & 4 /* CLOSE_RANGE_CLOEXEC */)
                process.fds->setCloseOnExec(fd, true);
            else if (errnum == 0)
                process.fds->remove(fd);
        }
        e.call = SysCall::Close;
        e.args = really(nr, QStringLiteral("%1, %2").arg(a[0]).arg(a[1]));
        shown = !fds.isEmpty() && !(a[2] & 4);
        break;
    }
    default:
        if (isWaitForEvents(nr)) {
            bool isSelect = nr == __NR_pselect6;
#ifdef __NR_select
            isSelect = isSelect || nr == __NR_select;
#endif
            e.call = isSelect ? SysCall::Select : SysCall::Poll;
            QStringList names;
            for (int fd : watchedFds(thread))
                names << fdText(quint64(fd));
            e.args = really(
                nr, names.isEmpty() ? QStringLiteral("…") : names.join(QStringLiteral(", ")));
            break;
        }
        shown = finishSocketCall(thread, result, &e);
        break;
    }
    if (shown)
        *event = e;
    return shown;
}

bool TraceCalls::finishSocketCall(TracedThread &thread, qint64 result, SocketEvent *event)
{
    TracedProcess &process = *thread.process;
    TracedFds &fds = *process.fds;
    const long nr = thread.nr;
    const quint64 *a = thread.args;
    const TraceMemory memory(thread.tid);
    const bool ok = event->errnum == 0;
    const int fd = int(a[0]);
    TracedFds::Socket *socket = fds.find(fd);
    if (isDataCall(nr))
        return finishData(thread, result, event);
    if (nr == __NR_close) {
        if (!thread.closingSocket)
            return false;
        // Gone from the table at the call's entry, even when close() failed (EINTR): never
        // retried.
        thread.closingSocket = false;
        event->call = SysCall::Close;
        event->args = fdText(a[0]);
        event->peer = thread.closing.peer;
        event->connectionId = thread.closing.connectionId;
        decideRole(process, SysCall::Close, nullptr);
        return true;
    }
    if (!socket && nr != __NR_socket)
        return false; // another thread closed it meanwhile
    switch (nr) {
    case __NR_socket: {
        const int family = int(a[0]);
        if (family != AF_INET && family != AF_INET6)
            return false; // the resolver's netlink and nscd sockets are not the lesson
        event->call = SysCall::Socket;
        event->args
            = QStringLiteral("%1, %2, %3").arg(familyName(family), typeName(int(a[1]))).arg(a[2]);
        if (ok) {
            TracedFds::Socket made;
            made.family = family;
            made.type = int(a[1]) & 0xf;
            made.closeOnExec = a[1] & SOCK_CLOEXEC;
            made.connectionId = m_nextConnection++;
            fds.add(int(result), made);
        }
        break;
    }
    case __NR_bind: {
        const QString address = memory.readAddress(a[1], qint64(a[2]));
        event->call = SysCall::Bind;
        event->args = QStringLiteral("%1, %2").arg(fdText(a[0]), address);
        event->local = address;
        if (ok) {
            socket->bound = true;
            socket->local = address;
        }
        break;
    }
    case __NR_listen:
        event->call = SysCall::Listen;
        event->args = QStringLiteral("%1, %2").arg(fdText(a[0])).arg(int(a[1]));
        event->local = socket->local; // the kernel's view watches this port (LabSession)
        if (ok)
            socket->listening = true;
        break;
    case __NR_accept:
    case __NR_accept4: {
        event->call = SysCall::Accept;
        event->args = nr == __NR_accept4
            ? really(nr,
                     a[3] & SOCK_CLOEXEC ? QStringLiteral("%1, SOCK_CLOEXEC").arg(fdText(a[0]))
                                         : fdText(a[0]))
            : fdText(a[0]);
        event->local = socket->local;
        if (ok) {
            event->peer = memory.readAddressWithLength(a[1], a[2]);
            if (event->peer.isEmpty())
                event->peer = remotePeer(process.pid, int(result));
            TracedFds::Socket accepted;
            accepted.family = socket->family;
            accepted.type = socket->type;
            accepted.closeOnExec = nr == __NR_accept4 && (a[3] & SOCK_CLOEXEC);
            accepted.connectionId = m_nextConnection++;
            accepted.local = socket->local;
            accepted.peer = event->peer;
            fds.add(int(result), accepted);
            event->connectionId = accepted.connectionId;
        }
        break;
    }
    case __NR_connect: {
        const QString address = memory.readAddress(a[1], qint64(a[2]));
        event->call = SysCall::Connect;
        event->args = QStringLiteral("%1, %2").arg(fdText(a[0]), address);
        event->peer = address;
        if (ok || event->errnum == EINPROGRESS)
            socket->peer = address;
        break;
    }
    case __NR_shutdown:
        event->call = SysCall::Shutdown;
        event->args = QStringLiteral("%1, %2").arg(fdText(a[0]), shutdownName(a[1]));
        break;
    case __NR_setsockopt:
    case __NR_getsockopt: {
        event->call = nr == __NR_setsockopt ? SysCall::Setsockopt : SysCall::Getsockopt;
        int value = 0;
        quint64 valueAddress = a[3];
        bool known = false;
        if (nr == __NR_setsockopt) {
            known = a[4] == sizeof(int) && memory.readValue(valueAddress, &value, sizeof(value));
        } else if (ok) {
            known = memory.readValue(valueAddress, &value, sizeof(value));
        }
        event->args = QStringLiteral("%1, %2").arg(fdText(a[0]), optionName(a[1], a[2]));
        if (known)
            event->args += QStringLiteral(", %1").arg(value);
        break;
    }
    case __NR_getsockname:
    case __NR_getpeername: {
        const QString address = ok ? memory.readAddressWithLength(a[1], a[2]) : QString();
        // Not among the recipe's calls: shown as what they are, with the address they found.
        event->call = nr == __NR_getsockname ? SysCall::Getsockname : SysCall::Getpeername;
        event->args = address.isEmpty() ? fdText(a[0])
                                        : QStringLiteral("%1, %2").arg(fdText(a[0]), address);
        if (nr == __NR_getsockname)
            event->local = address;
        else
            event->peer = address;
        break;
    }
    default:
        return false;
    }
    if (socket && event->connectionId == 0)
        event->connectionId = socket->connectionId;
    decideRole(process, event->call, socket);
    event->role = process.role();
    return true;
}

bool TraceCalls::finishData(TracedThread &thread, qint64 result, SocketEvent *event)
{
    TracedProcess &process = *thread.process;
    const long nr = thread.nr;
    const quint64 *a = thread.args;
    const TraceMemory memory(thread.tid);
    TracedFds::Socket *socket = process.fds->find(int(a[0]));
    if (!socket)
        return false;
    const bool ok = event->errnum == 0;
    const bool sending = nr == __NR_write || nr == __NR_writev || nr == __NR_sendto
        || nr == __NR_sendmsg || nr == __NR_sendmmsg;
    QString address;
    QString argText;
    QByteArray payload;
    qint64 bytes = ok ? result : 0;
    const qint64 shown = qMin(bytes, kPayload);
    switch (nr) {
    case __NR_read:
    case __NR_write:
        argText = really(nr, QStringLiteral("%1, %2").arg(fdText(a[0])).arg(a[2]));
        if (shown > 0)
            payload = memory.read(a[1], shown);
        break;
    case __NR_readv:
    case __NR_writev:
        argText = really(nr, QStringLiteral("%1, %2 buffers").arg(fdText(a[0])).arg(a[2]));
        if (shown > 0)
            payload = memory.readIovecs(a[1], qint64(a[2]), shown);
        break;
    case __NR_sendto:
        address = memory.readAddress(a[4], qint64(a[5]));
        argText = QStringLiteral("%1, %2").arg(fdText(a[0])).arg(a[2]);
        if (!address.isEmpty())
            argText += QStringLiteral(", ") + address;
        else
            argText = really(nr, argText);
        if (shown > 0)
            payload = memory.read(a[1], shown);
        break;
    case __NR_recvfrom:
        if (ok)
            address = memory.readAddressWithLength(a[4], a[5]);
        argText = QStringLiteral("%1, %2").arg(fdText(a[0])).arg(a[2]);
        if (a[4] == 0)
            argText = really(nr, argText);
        if (shown > 0)
            payload = memory.read(a[1], shown);
        break;
    case __NR_sendmsg:
    case __NR_recvmsg: {
        msghdr header {};
        if (memory.readValue(a[1], &header, sizeof(header))) {
            if (header.msg_name && (sending || ok))
                address = memory.readAddress(reinterpret_cast<quint64>(header.msg_name),
                                             header.msg_namelen);
            if (shown > 0)
                payload = memory.readIovecs(reinterpret_cast<quint64>(header.msg_iov),
                                            qint64(header.msg_iovlen), shown);
        }
        argText = really(nr,
                         address.isEmpty() ? fdText(a[0])
                                           : QStringLiteral("%1, %2").arg(fdText(a[0]), address));
        break;
    }
    case __NR_sendmmsg:
    case __NR_recvmmsg: {
        // One event for the batch: its bytes add up every message's.
        const qint64 count = ok ? qMin<qint64>(result, 1024) : 0;
        bytes = 0;
        for (qint64 i = 0; i < count; ++i) {
            mmsghdr message {};
            if (!memory.readValue(a[1] + quint64(i) * sizeof(mmsghdr), &message, sizeof(message)))
                break;
            bytes += message.msg_len;
            if (i == 0) {
                if (message.msg_hdr.msg_name)
                    address
                        = memory.readAddress(reinterpret_cast<quint64>(message.msg_hdr.msg_name),
                                             message.msg_hdr.msg_namelen);
                payload = memory.readIovecs(reinterpret_cast<quint64>(message.msg_hdr.msg_iov),
                                            qint64(message.msg_hdr.msg_iovlen),
                                            qMin<qint64>(message.msg_len, kPayload));
            }
        }
        argText = really(
            nr, QStringLiteral("%1, %2 of %3 messages").arg(fdText(a[0])).arg(count).arg(a[2]));
        if (ok)
            result = bytes;
        break;
    }
    default:
        return false;
    }
    const bool withAddress = !address.isEmpty() && socket->type == SOCK_DGRAM;
    if (sending)
        event->call = withAddress ? SysCall::Sendto : SysCall::Send;
    else
        event->call = withAddress ? SysCall::Recvfrom : SysCall::Recv;
    event->args = argText;
    event->result = ok ? result : -1;
    event->bytes = ok ? bytes : 0;
    event->payload = payload;
    event->local = socket->local;
    event->peer = withAddress ? address : socket->peer;
    event->connectionId = socket->connectionId;
    decideRole(process, event->call, socket);
    event->role = process.role();
    return true;
}

} // namespace socketlab

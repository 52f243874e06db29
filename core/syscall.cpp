#include "core/syscall.h"

#include "core/socketevent.h"

namespace socketlab {

QString sysCallName(SysCall call)
{
    switch (call) {
    case SysCall::None:
        break;
    case SysCall::Getaddrinfo:
        return QStringLiteral("getaddrinfo");
    case SysCall::Getprotobyname:
        return QStringLiteral("getprotobyname");
    case SysCall::Socket:
        return QStringLiteral("socket");
    case SysCall::Setsockopt:
        return QStringLiteral("setsockopt");
    case SysCall::Getsockopt:
        return QStringLiteral("getsockopt");
    case SysCall::Bind:
        return QStringLiteral("bind");
    case SysCall::Listen:
        return QStringLiteral("listen");
    case SysCall::Accept:
        return QStringLiteral("accept");
    case SysCall::Connect:
        return QStringLiteral("connect");
    case SysCall::Send:
        return QStringLiteral("send");
    case SysCall::Sendto:
        return QStringLiteral("sendto");
    case SysCall::Recv:
        return QStringLiteral("recv");
    case SysCall::Recvfrom:
        return QStringLiteral("recvfrom");
    case SysCall::Close:
        return QStringLiteral("close");
    case SysCall::Shutdown:
        return QStringLiteral("shutdown");
    case SysCall::Fork:
        return QStringLiteral("fork");
    case SysCall::Waitpid:
        return QStringLiteral("waitpid");
    case SysCall::Kill:
        return QStringLiteral("kill");
    case SysCall::Pipe2:
        return QStringLiteral("pipe2");
    case SysCall::Read:
        return QStringLiteral("read");
    case SysCall::PthreadCreate:
        return QStringLiteral("pthread_create");
    case SysCall::Eventfd:
        return QStringLiteral("eventfd");
    case SysCall::Poll:
        return QStringLiteral("poll");
    case SysCall::Select:
        return QStringLiteral("select");
    case SysCall::Thread:
        return QStringLiteral("thread");
    case SysCall::Exit:
        return QStringLiteral("exit");
    case SysCall::Getsockname:
        return QStringLiteral("getsockname");
    case SysCall::Getpeername:
        return QStringLiteral("getpeername");
    }
    return QString();
}

namespace {

// Client: (1) resolve the host, (2) the protocol, (3) socket, (4) connect,
// (5) send/receive while there is data, (6) close.
int clientStep(SysCall call)
{
    switch (call) {
    case SysCall::Getaddrinfo:
        return 1;
    case SysCall::Getprotobyname:
        return 2;
    case SysCall::Socket:
    case SysCall::Setsockopt: // an option of the socket just made
    case SysCall::Getsockopt:
        return 3;
    case SysCall::Connect:
        return 4;
    case SysCall::Send:
    case SysCall::Sendto:
    case SysCall::Recv:
    case SysCall::Recvfrom:
        return 5;
    case SysCall::Close:
    case SysCall::Shutdown:
        return 6;
    default:
        return 0;
    }
}

// Server: (1) the protocol, (2) socket, (3) bind, (4) listen, (5) accept (and hand it to a
// child: fork), (6) send/receive while there is data, (7) close it, (8) back to 5.
// getaddrinfo only finds the address to bind: no step of its own.
int serverStep(SysCall call)
{
    switch (call) {
    case SysCall::Getprotobyname:
        return 1;
    case SysCall::Socket:
    case SysCall::Setsockopt:
    case SysCall::Getsockopt:
        return 2;
    case SysCall::Bind:
        return 3;
    case SysCall::Listen:
        return 4;
    case SysCall::Accept:
    case SysCall::Fork:
    case SysCall::Thread: // the thread-per-connection server hands the connection over
        return 5;
    case SysCall::Send:
    case SysCall::Sendto:
    case SysCall::Recv:
    case SysCall::Recvfrom:
        return 6;
    case SysCall::Close:
    case SysCall::Shutdown:
        return 7;
    default:
        return 0;
    }
}

} // namespace

int recipeStep(SysCall call, Role role)
{
    return role == Role::Client ? clientStep(call) : serverStep(call);
}

bool takesEffectOnEntry(SysCall call)
{
    switch (call) {
    case SysCall::Send:
    case SysCall::Sendto:
    case SysCall::Connect:
    case SysCall::Close:
    case SysCall::Shutdown:
    case SysCall::Fork:
    case SysCall::Thread:
        return true;
    default:
        return false;
    }
}

bool countsBytes(SysCall call)
{
    return call == SysCall::Recv || call == SysCall::Recvfrom || call == SysCall::Send
        || call == SysCall::Sendto;
}

} // namespace socketlab

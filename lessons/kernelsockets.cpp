#include "lessons/kernelsockets.h"

#include "lessons/lessonruntime.h"

namespace socketlab {

namespace {
bool isServerSide(const LessonRuntime &rt, const SocketSnapshot &s)
{
    return !s.isListener() && rt.watchedPorts().contains(s.localPort);
}

// The client whose address is this socket's local (client side) or peer (server side), or 0.
int clientOf(const LessonRuntime &rt, const SocketSnapshot &s, bool serverSide)
{
    const QString &address = serverSide ? s.peer : s.local;
    for (int n : rt.knownClients()) {
        if (rt.clientAddress(n) == address)
            return n;
    }
    // A client still connecting (SYN_SENT) has no address in the events yet: if only one
    // client is in that case, this socket is its.
    if (serverSide || s.state != SocketState::SynSent)
        return 0;
    int unknown = 0;
    for (int n : rt.clientNumbers()) {
        if (rt.clientAddress(n).isEmpty())
            unknown = unknown == 0 ? n : -1;
    }
    return qMax(0, unknown);
}
} // namespace

SocketSnapshot KernelSockets::listener(const QList<SocketSnapshot> &sockets, quint16 port)
{
    for (const SocketSnapshot &s : sockets) {
        if (s.isListener() && s.localPort == port)
            return s;
    }
    return {};
}

SocketSnapshot KernelSockets::clientSide(const LessonRuntime &rt,
                                         const QList<SocketSnapshot> &sockets, int n)
{
    const QString address = rt.clientAddress(n);
    for (const SocketSnapshot &s : sockets) {
        if (!address.isEmpty() && s.local == address && !isServerSide(rt, s))
            return s;
    }
    return {};
}

SocketSnapshot KernelSockets::serverSide(const LessonRuntime &rt,
                                         const QList<SocketSnapshot> &sockets, int n)
{
    const QString address = rt.clientAddress(n);
    for (const SocketSnapshot &s : sockets) {
        if (!address.isEmpty() && s.peer == address && isServerSide(rt, s))
            return s;
    }
    return {};
}

bool KernelSockets::halfClosed(const LessonRuntime &rt, int n)
{
    return clientSide(rt, rt.kernelSockets(), n).state == SocketState::FinWait2
        && serverSide(rt, rt.kernelSockets(), n).state == SocketState::CloseWait;
}

QList<SocketSnapshot> KernelSockets::inState(const QList<SocketSnapshot> &sockets,
                                             SocketState state)
{
    QList<SocketSnapshot> found;
    for (const SocketSnapshot &s : sockets) {
        if (s.state == state)
            found << s;
    }
    return found;
}

QString KernelSockets::clientName(int n)
{
    return QString(QChar(char('A' + n - 1)));
}

QString KernelSockets::describe(const LessonRuntime &rt, const SocketSnapshot &s)
{
    if (s.isListener())
        return tr("listening socket :%1").arg(s.localPort);
    const bool serverSide = isServerSide(rt, s);
    const int n = clientOf(rt, s, serverSide);
    if (serverSide) {
        return n > 0 ? tr("server side (%1)").arg(clientName(n))
                     : tr("server side (:%1)").arg(s.peerPort);
    }
    return n > 0 ? tr("client %1").arg(clientName(n)) : tr("a client (:%1)").arg(s.localPort);
}

QString KernelSockets::acceptedText(const LessonRuntime &rt, const SocketSnapshot &s)
{
    if (s.isListener())
        return tr("queue %1 of %2").arg(s.recvQ).arg(s.sendQ);
    if (!isServerSide(rt, s) || s.state == SocketState::TimeWait)
        return QString();
    return s.accepted() ? tr("accepted") : tr("waiting in the backlog");
}

QString KernelSockets::timerText(const SocketSnapshot &s)
{
    if (s.timerMs <= 0)
        return QString();
    const qint64 seconds = (s.timerMs + 999) / 1000;
    // Other timers (retransmit, window probes) change too fast to read aloud.
    if (s.state == SocketState::TimeWait || s.state == SocketState::FinWait2)
        return tr("gone in %1 s").arg(seconds);
    if (s.state == SocketState::SynSent)
        return tr("SYN again in %1 s").arg(seconds);
    return QString();
}

QVector<QueuePoint> KernelSockets::queueHistory(const LessonRuntime &rt, int n)
{
    QVector<QueuePoint> points;
    const QString address = rt.clientAddress(n);
    if (address.isEmpty())
        return points;
    for (const KernelSample &sample : rt.kernelHistory()) {
        QueuePoint point;
        point.ms = sample.ms;
        for (const SocketSnapshot &s : sample.sockets) {
            if (s.protocol != Protocol::Tcp || s.isListener())
                continue;
            if (s.peer == address && isServerSide(rt, s))
                point.recvQ = s.recvQ;
            else if (s.local == address && !isServerSide(rt, s))
                point.sendQ = s.sendQ;
        }
        points << point;
    }
    return points;
}

} // namespace socketlab

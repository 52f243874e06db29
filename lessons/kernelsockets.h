#pragma once

#include "core/socketstatereader.h"

#include <QCoreApplication>
#include <QList>
#include <QVector>

namespace socketlab {

class LessonRuntime;

// One moment of the flow-control plot: client n's connection, both ends.
struct QueuePoint
{
    qint64 ms = 0; // since the lesson's run began
    qint64 recvQ = 0; // the server side's receive queue
    qint64 sendQ = 0; // the client's send queue
};

// Finds the lesson's sockets in a kernel sample (LessonRuntime::kernelSockets()) and names
// them for the class. Clients are found by the local address their events showed.
class KernelSockets
{
    Q_DECLARE_TR_FUNCTIONS(KernelSockets)

public:
    static SocketSnapshot listener(const QList<SocketSnapshot> &sockets, quint16 port);
    // Client n's own socket, and the server's side of its connection; state Unknown if absent.
    static SocketSnapshot clientSide(const LessonRuntime &rt, const QList<SocketSnapshot> &sockets,
                                     int n);
    static SocketSnapshot serverSide(const LessonRuntime &rt, const QList<SocketSnapshot> &sockets,
                                     int n);
    // Client n closed but the server did not: its side in FIN_WAIT2, the server's in CLOSE_WAIT.
    static bool halfClosed(const LessonRuntime &rt, int n);
    static QList<SocketSnapshot> inState(const QList<SocketSnapshot> &sockets, SocketState state);
    // Who owns a socket, translated and short: "listening socket :5000", "server side (A)",
    // "client B".
    static QString describe(const LessonRuntime &rt, const SocketSnapshot &socket);
    // "waiting in the backlog" / "accepted" / empty (not a server-side connection).
    static QString acceptedText(const LessonRuntime &rt, const SocketSnapshot &socket);
    // TIME_WAIT's remaining seconds, a retransmit timer, or empty.
    static QString timerText(const SocketSnapshot &socket);
    static QString clientName(int n);
    // Client n's queues in every sample the runtime kept.
    static QVector<QueuePoint> queueHistory(const LessonRuntime &rt, int n);
};

} // namespace socketlab

#pragma once

#include "core/checkexercise.h"
#include "core/socketevent.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace socketlab {

// What a ProgramCheck saw while it drove a program: the rubric (CheckRubric) decides from
// this alone, so it is tested without running anything.
struct CheckRun
{
    // What SocketLab's clients send a server, without the line break: the probes and the
    // rubric look for these in the trace and the program's output.
    static QByteArray clientLine(int client)
    {
        static const char *const kLines[]
            = {"Hello from client one", "Hello from client two", "Hello from client three"};
        return QByteArray(kLines[qBound(0, client, 2)]);
    }
    // The UDP exercise's third datagram, from the first client again.
    static QByteArray secondDatagram()
    {
        return QByteArrayLiteral("Second datagram from client one");
    }

    Exercise exercise = Exercise::TcpServer;
    quint16 port = 5000;
    qint64 programPid = 0;
    // Every event of the program (traced calls and process events), in the tracer's order.
    SocketEvents events;
    // Events from this index on came after the checker stopped the program (its killing);
    // "at the end" means before it.
    int stopIndex = 0;
    // Its standard output and error, as they came (capped).
    QByteArray output;

    // Servers: SocketLab's clients, by their local address as the program sees them
    // ("127.0.0.1:40312"), in the order they connected; empty when one never connected.
    QStringList clients;
    QList<QByteArray> sentByClient; // what each of them sent
    bool listened = false; // the program bound (and listened on) the port
    // The second client's data was read while the first was still connected.
    bool secondReadWhileFirstConnected = false;
    // Clients: SocketLab's server's view: the bytes that arrived, and the lines typed.
    QByteArray serverReceived;
    QList<QByteArray> typedLines;
    // Clients: when the Ctrl+X line was typed (index in events), and whether the program
    // then ended on its own.
    int ctrlXAt = -1;
    bool endedAfterCtrlX = false;

    // Limits: the wall-clock limit ran out; the tracer's process cap was reached; a file
    // reached the size limit or the folder filled (the files' names and sizes).
    bool timedOut = false;
    int timeoutSeconds = 20;
    bool processCapReached = false;
    QStringList fullFiles;
    qint64 fileLimitBytes = 0;
    // Still running when the checker stopped it (servers always are).
    bool stillRunning = false;
    int exitStatus = 0;
};

} // namespace socketlab

#pragma once

#include "core/eventreporter.h"
#include "core/fd.h"

#include <QByteArray>
#include <QString>

namespace socketlab {

struct ServerContext;

// Serves one accepted TCP connection until the client leaves or the server stops: the
// recipe's steps 6 and 7 (recv while there is data, then close). Runs in the server thread
// (iterative mode) or in a thread of its own (thread mode).
class ConnectionSession
{
public:
    ConnectionSession(ServerContext &context, Fd connection, const QString &peer,
                      const QString &local, const EventReporter &reporter);

    // When accept() returned this connection: the connected event counts from then.
    void setAcceptedUs(qint64 us) { m_acceptedUs = us; }
    void run();
    // When no handler could be started: closes the connection (traced) without serving it.
    void closeUnserved();

private:
    enum class Received { More, Drained, Over };

    bool receiveAvailable(QByteArray &buffer);
    Received receiveOnce(QByteArray &buffer);
    void echo(const char *data, qint64 size);
    void echoWholeLines(const char *data, qint64 size);
    void closeConnection();

    ServerContext &m_context;
    Fd m_connection;
    QString m_peer;
    QString m_local;
    EventReporter m_reporter;
    bool m_failed = false;
    QByteArray m_line; // echoWholeLines: the partial line received so far
    qint64 m_closedUs = 0; // when close() took effect, for the disconnected event
    qint64 m_acceptedUs = 0; // when accept() returned, for the connected event
};

} // namespace socketlab

#pragma once

#include "core/eventqueue.h"
#include "core/serverconfig.h"
#include "core/servercounters.h"

#include <QObject>
#include <QString>

#include <memory>

class QThread;

namespace socketlab {

class LabNetwork;
struct ServerContext;

// A SocketLab server as the GUI, the CLI and the tests use it. start() makes the listening
// socket at once (so "port in use" is known before it returns); a worker thread then runs the
// accept or recvfrom loop. Events arrive in batches through eventsArrived.
class Server : public QObject
{
    Q_OBJECT

public:
    explicit Server(QObject *parent = nullptr);
    // Posts into queue (a LabSession's, which delivers the events) instead of its own; then
    // eventsArrived is not emitted. The queue must outlive this server.
    explicit Server(EventQueue *queue, QObject *parent = nullptr);
    ~Server() override;

    bool start(const ServerConfig &config);
    // Where the next start() makes its socket: the lab's private network, or SocketLab's own
    // network when null (the accepted connections and forked children follow the socket).
    void setNetwork(std::shared_ptr<LabNetwork> network) { m_network = std::move(network); }
    // Ends every handler thread and child process, then reports the summary; returns promptly.
    void stop();

    // ServerConfig::pauseReading: the handlers start reading (and keep reading) from now on.
    void resumeReading();

    bool isRunning() const;
    ServerConfig config() const { return m_config; }
    // The address actually bound (the real port when 0 was asked for).
    QString localAddress() const { return m_localAddress; }
    quint16 localPort() const { return m_localPort; }
    // Why start() failed, in the chosen language: the call and the system's reason.
    QString errorString() const { return m_errorString; }
    ServerTotals totals() const;
    // The server process's own ServerConfig::sharedCounter (forked children count in copies).
    qint64 sharedCounter() const;
    // Linux thread id of the accept (TCP) or recvfrom (UDP) loop; 0 until it runs or when stopped.
    qint64 workerThreadId() const;
    EventQueue *eventQueue() { return m_queue; }

signals:
    void eventsArrived(const socketlab::SocketEvents &events);
    void started();
    void stopped();

private:
    bool fail(SysCall call, const QString &args, int errnum, qint64 result = -1);

    std::unique_ptr<EventQueue> m_ownQueue;
    EventQueue *m_queue;
    ServerConfig m_config;
    std::shared_ptr<LabNetwork> m_network;
    std::unique_ptr<ServerContext> m_context;
    std::unique_ptr<QThread> m_worker;
    QString m_localAddress;
    quint16 m_localPort = 0;
    QString m_errorString;
    ServerTotals m_lastTotals;
    qint64 m_lastSharedCounter = 0;
};

} // namespace socketlab

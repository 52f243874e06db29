#pragma once

#include "core/clientoptions.h"
#include "core/eventqueue.h"
#include "core/protocol.h"

#include <QObject>
#include <QString>

#include <memory>

namespace socketlab {

class ClientWorker;
class LabNetwork;

// A SocketLab client as the GUI, the CLI and the tests use it: the socket lives in a worker
// thread; sends are queued in order; events arrive in batches through eventsArrived.
class Client : public QObject
{
    Q_OBJECT

public:
    enum class State { Unconnected, Connecting, Connected };
    Q_ENUM(State)

    explicit Client(QObject *parent = nullptr);
    // Posts into queue (a LabSession's, which delivers the events) instead of its own; then
    // eventsArrived is not emitted. The queue must outlive this client.
    explicit Client(EventQueue *queue, QObject *parent = nullptr);
    ~Client() override;

    // Tags this client's events (a GUI pane's number, for its colour).
    void setId(quint64 id) { m_id = id; }
    quint64 id() const { return m_id; }

    // Applies at the next connectToHost() (see ClientOptions).
    void setOptions(const ClientOptions &options) { m_options = options; }
    ClientOptions options() const { return m_options; }
    // Where the next connectToHost() makes its socket: the lab's private network, or
    // SocketLab's own network when null.
    void setNetwork(std::shared_ptr<LabNetwork> network) { m_network = std::move(network); }

    void connectToHost(Protocol protocol, const QString &host, quint16 port);
    void send(const QByteArray &data);
    // Closes once everything sent before has gone. A TCP close() with bytes still unread
    // sends an RST: an error event (call close, result the unread bytes, errno 0) says so.
    void disconnectFromHost();
    // The same, but first reads what the server still sends until it has been quiet for a
    // moment (at most a couple of seconds): the end of the CLI's input, so an echo still on
    // its way is read rather than lost to an RST.
    void disconnectWhenQuiet();
    // TCP: once everything sent before has gone, shutdown(SHUT_WR) (a FIN: "I am done
    // sending"), keep receiving until the server closes (recv() returns 0), then close();
    // the state stays Connected until then. UDP has no half-close: it just closes.
    void halfClose();
    // TCP: once everything sent before has gone, SO_LINGER {1, 0} then close(): the kernel
    // sends an RST instead of a FIN and the server's recv() fails with ECONNRESET.
    // UDP: just closes.
    void resetConnection();
    // Closes now; waits for the worker thread (promptly: it never blocks a stop).
    void abort();

    State state() const { return m_state; }
    Protocol protocol() const { return m_protocol; }
    // The port of the last connectToHost() (known before its connect() is made: a capture
    // follows it in time for the SYN).
    quint16 remotePort() const { return m_remotePort; }
    QString localAddress() const;
    QString peerAddress() const;
    EventQueue *eventQueue() { return m_queue; }

signals:
    void eventsArrived(const socketlab::SocketEvents &events);
    void stateChanged(socketlab::Client::State state);
    // Once per send(), when its data went to the socket (or failed to).
    void sendFinished();

private:
    void setState(State state);
    void workerFinished();

    std::unique_ptr<EventQueue> m_ownQueue;
    EventQueue *m_queue;
    std::unique_ptr<ClientWorker> m_worker;
    State m_state = State::Unconnected;
    Protocol m_protocol = Protocol::Tcp;
    quint16 m_remotePort = 0;
    ClientOptions m_options;
    std::shared_ptr<LabNetwork> m_network;
    quint64 m_id = 0;
};

} // namespace socketlab

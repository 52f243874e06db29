#pragma once

#include "core/client.h"
#include "core/eventqueue.h"
#include "core/server.h"
#include "core/sessioncapture.h"
#include "core/socketevent.h"
#include "core/socketstatesampler.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QSet>
#include <QString>

#include <map>
#include <memory>

namespace socketlab {

class LabNetwork;
class Tracer;

// One lab: a server and numbered clients whose events pass through one queue, so every view
// sees them in one order. Each event is stamped as it passes with its sequence number and the
// client it belongs to: a client's own events carry its number, and so does a server event
// whose peer is that client's local address.
// Any other peer is a student (clientId 0).
//
// While the server runs or a client is connected, a SocketStateSampler watches the kernel's
// view of the lab's sockets: their state changes join the stream as State events (a client's
// carry its number; one of no session client's is left out) and each sample reaches the views
// through socketsSampled. A traced program's listening ports are watched the same way.
class LabSession : public QObject
{
    Q_OBJECT

public:
    explicit LabSession(QObject *parent = nullptr);
    ~LabSession() override;

    Server *server() { return &m_server; }
    const Server *server() const { return &m_server; }
    // The client with this number (from 1), made on first use.
    Client *client(int id);
    // The client with this number, or null.
    Client *findClient(int id) const;
    // Closes that client at once; its last events still pass (and keep its number).
    void removeClient(int id);
    QList<int> clientIds() const;
    // Aborts every client and stops the server.
    void stopAll();

    EventQueue *eventQueue() { return &m_queue; }
    // Delivers whatever is pending now.
    void flush() { m_queue.flush(); }
    // The sequence number of the last event delivered (0: none yet).
    quint64 lastSequence() const { return m_sequence; }
    // The session client a server peer address belongs to, 0 for a student.
    int clientIdForPeer(const QString &peer) const;
    // The same for an address the kernel reports (SocketStateSampler), asking the live clients
    // too: their connect() may have returned before any of their events passed.
    int clientIdForSocket(const QString &peer) const;

    // A server's peer address is a client's local one: equal, or the client's reads
    // 0.0.0.0:port or [::]:port (an unconnected UDP socket before the kernel picks a source
    // address) and the ports match.
    static bool sameEndpoint(const QString &peer, const QString &local);

    // The lab's private network (a lesson where capture is not allowed otherwise, a session
    // "on this computer only"): the server's and the clients' next sockets, and the kernel
    // view's, are made there (null: SocketLab's own network), and so is the session's capture
    // (startCapture()) from then on.
    void setNetwork(std::shared_ptr<LabNetwork> network);
    std::shared_ptr<LabNetwork> network() const { return m_network; }

    SocketStateSampler *sampler() { return &m_sampler; }
    // TCP ports sampled beyond the session's own sockets, and until set empty even when no
    // server runs and no client is connected (a lesson watches the TIME_WAIT a stopped server
    // left); while there are some, a sample is delivered every tick.
    void setPortsToKeepWatching(const QList<quint16> &ports);
    QList<quint16> portsToKeepWatching() const { return m_keptPorts; }

    // A program run under a Tracer (the window's "Run a program…") joins the session as one
    // more participant: its events are numbered in the same order as the lab's own. Its
    // server's events take the colour of the session client they talk to, as the lab's
    // server's do; its own client's events are nobody's pane (clientId 0).
    void addProgram(Tracer *tracer);
    // The ports a traced program's servers listen on (from their listen() calls until the
    // program's summary): the sampler watches them as it does the lab's own server, and
    // their server side's state changes join the stream as the server's.
    QList<quint16> programPorts() const { return m_programPorts; }

    // The packets of the session's ports (docs/architecture.md): one capture posting into
    // this session's queue, so a packet is numbered, stamped with the session client at one
    // of its ends (its role says which side sent it: Client when that client did; its local
    // names the end that is the session's server, if one is) and ordered with the calls. It follows
    // what the sampler watches: the server's port, the ports the clients connect to (from the
    // moment connectToHost() is asked, before the SYN), a traced program's listening ports, the
    // ports kept watching and setCapturePorts(). False (with the reason, and notAllowed()) when
    // capture is not allowed here; the session goes on without packets.
    bool startCapture(QString *error);
    void stopCapture();
    // Ports captured beyond the session's own (a lesson's closed port, before its client
    // tries it).
    void setCapturePorts(const QList<quint16> &ports);
    // Options every capture starts with (the ports are the session's): the pcapng spool; the
    // network to capture in is the session's unless these name one.
    void setCaptureOptions(const PacketCapture::Options &options);
    SessionCapture *capture() { return &m_capture; }
    const SessionCapture *capture() const { return &m_capture; }

signals:
    void eventsArrived(const socketlab::SocketEvents &events);
    // The lab's sockets as the kernel sees them (while sampling), in this object's thread.
    void socketsSampled(const QList<socketlab::SocketSnapshot> &sockets);

private:
    void deliver(const SocketEvents &events);
    // Points the sampler at the server and the clients as they are now (stops it when idle).
    void updateSampling();
    void forwardSample(const QList<SocketSnapshot> &sockets, quint64 generation);
    void serverStarted();
    bool keepState(const SocketEvent &event) const;
    // A State event of the server side of a traced program's connection.
    bool isProgramServerSide(const SocketEvent &event) const;
    // Follows a traced program's listen() calls and its end (programPorts()).
    bool trackProgramPorts(const SocketEvent &event);
    // Whether this event is the lab changing what the kernel's table shows (a connect, an
    // accept, a close, a client leaving): the sampler samples at once.
    static bool changesSockets(const SocketEvent &event);
    void learnAddress(int id, const QString &local);
    // Points the capture at the session's ports as they are now.
    void updateCapture();
    // Stamps a packet with the session client at one of its ends and the side that sent it.
    void stampPacket(SocketEvent &event) const;
    // Follows which clients' connections the server accepted, to tell a reset of one that
    // waited in the backlog (the server stopped before accepting it) from any other reset.
    void trackBacklog(SocketEvent &event);

    // Declared first: the server and clients post into it until they are gone.
    EventQueue m_queue;
    SocketStateSampler m_sampler {&m_queue};
    // Its captures post into m_queue until they are gone; it outlives the server and the
    // clients, whose last state changes still point it at their ports.
    SessionCapture m_capture {&m_queue};
    QList<quint16> m_capturePorts;
    Server m_server;
    std::map<int, std::unique_ptr<Client>> m_clients;
    quint64 m_sequence = 0;
    // Local addresses the clients have had (a connection's last server events may pass after
    // the client moved on or was removed), the oldest forgotten past a bound.
    QHash<QString, int> m_byAddress;
    QHash<QString, int> m_byPort; // wildcard addresses: the port alone
    QQueue<QString> m_addressOrder;
    // Clients connected to this session's server: their local address, and whether the
    // server accepted that connection (a server "connected" event for it).
    QString m_serverListening; // the server's address between its listening and summary events
    QHash<int, QString> m_connectedToServer;
    QSet<QString> m_acceptedPeers;
    QList<quint16> m_keptPorts;
    std::shared_ptr<LabNetwork> m_network;
    QList<quint16> m_programPorts;
    // A traced server's connections by peer address: the process and thread that last used
    // each (the child or thread serving it), for its State events; bounded.
    QHash<QString, QPair<qint64, qint64>> m_programHandlers;
    QHash<quint16, qint64> m_programListeners; // port: the process that listens on it
    quint64 m_serverRun = 0; // counts the server's starts
    qint64 m_serverRunUs = 0; // when the running server started (nowUs())
};

} // namespace socketlab

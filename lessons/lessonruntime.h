#pragma once

#include "core/client.h"
#include "core/labsession.h"
#include "core/protocol.h"
#include "core/server.h"
#include "core/serverconfig.h"
#include "core/socketevent.h"
#include "core/socketstatereader.h"

#include <QElapsedTimer>
#include <QMap>
#include <QObject>

#include <functional>

namespace socketlab {

// The kernel's view of the lesson's ports at one moment.
struct KernelSample
{
    qint64 ms = 0; // since the run began
    QList<SocketSnapshot> sockets;
};

// What a running lesson owns: a lab session (one in-process server, scripted clients numbered
// from 1; their events, and the server's with them, carry that number as clientId) and every
// event in the session's order. What the steps record for the outcome lives in the lesson's
// own facts (LessonScript).
class LessonRuntime : public QObject
{
    Q_OBJECT

public:
    using Predicate = std::function<bool(const SocketEvent &)>;

    explicit LessonRuntime(QObject *parent = nullptr);
    ~LessonRuntime() override;

    // Stops everything and forgets every event.
    void reset();

    LabSession *session() { return &m_session; }
    // The lab's private network the lesson runs in when capture is not allowed otherwise here
    // (CapturePermission::way() is None) and one can be made; null: SocketLab's own network.
    // Anything that asks the kernel about the lesson's sockets asks there.
    const LabNetwork *network() const { return m_session.network().get(); }
    // The network's helper process (TcpStateTable reads its /proc/<pid>/net), 0 without one.
    qint64 networkHelper() const;
    // Why no private network could be made (empty when one was, or none was needed).
    QString networkError() const { return m_networkError; }
    Server *server() { return m_session.server(); }
    const Server *server() const { return m_session.server(); }
    // Starts the server on 127.0.0.1 with config; false if it did not start.
    bool startServer(const ServerConfig &config);
    void stopServer();
    quint16 serverPort() const { return m_session.server()->localPort(); }

    // The scripted client with this number, made on first use.
    Client *client(int number);
    void connectClient(int number, Protocol protocol, quint16 port);
    void abortClients();

    const SocketEvents &events() const { return m_events; }
    int count(const Predicate &predicate) const;
    int indexOf(const Predicate &predicate, int from = 0) const;
    // The local address of client number as its events showed it (empty until known).
    QString clientAddress(int number) const;
    // Server events whose peer is client number (as the session stamped them).
    Predicate fromClient(int number) const;
    // Server events on the connection that served client number, its calls included (a call
    // names no peer: only the connection id ties it to the client). Matches nothing until
    // the server has reported that connection.
    Predicate onConnectionOf(int number) const;
    // Data events at the server from client number, and their bytes.
    int dataFrom(int number) const;
    qint64 bytesFrom(int number) const;
    static Predicate serverEvent(EventKind kind);
    static Predicate clientEvent(int number, EventKind kind);
    static Predicate serverCall(SysCall call);

    // The lesson's switch (LessonScript::switchText); kept across reset().
    bool switchOn() const { return m_switchOn; }
    void setSwitchOn(bool on) { m_switchOn = on; }

    // Time since the current step began (the controller restarts it).
    void restartStepClock() { m_stepClock.restart(); }
    qint64 msInStep() const { return m_stepClock.elapsed(); }

    // The client numbers made and not removed (restartServer() removes every client).
    QList<int> clientNumbers() const { return m_session.clientIds(); }
    // The clients whose local address is known, removed ones too.
    QList<int> knownClients() const { return m_clientAddresses.keys(); }

    // The kernel's view (the session's sampler, ~10 Hz while a port is watched) of the run's
    // sockets and of the ports its servers listened on, kept watching after they stopped:
    // the newest sample, how many came since the run began, and the recent ones.
    const QList<SocketSnapshot> &kernelSockets() const { return m_kernel; }
    int kernelSampleCount() const { return m_kernelSamples; }
    const QVector<KernelSample> &kernelHistory() const { return m_kernelHistory; }
    const QList<quint16> &watchedPorts() const { return m_watchedPorts; }

    // Captures the session's packets into its stream (on) or stops (off). A run that
    // captures shows its packets only: what an earlier run's capture still held is left out.
    // Off, or not allowed here: wireNote() says why, in one line.
    void setWire(bool on);
    bool wireWanted() const { return m_wire; }
    bool capturesWire() const { return m_session.capture()->isWanted(); }
    // Empty while the wire is captured or not asked for; else why it is not shown.
    QString wireNote() const { return m_wireNote; }

    // A port nobody listens on right now (bound to port 0, then closed).
    static quint16 closedPort(Protocol protocol);

signals:
    void eventsArrived(const socketlab::SocketEvents &events);
    void cleared();
    void kernelSampled();

private:
    void append(const SocketEvents &events);
    void kernelArrived(const QList<SocketSnapshot> &sockets);

    LabSession m_session;
    QString m_networkError;
    SocketEvents m_events;
    QMap<int, QString> m_clientAddresses; // the run's clients' local addresses, by number
    QElapsedTimer m_stepClock;
    bool m_switchOn = true;
    bool m_droppingClientEvents = false;
    QList<quint16> m_watchedPorts;
    QList<SocketSnapshot> m_kernel;
    QVector<KernelSample> m_kernelHistory;
    int m_kernelSamples = 0;
    QElapsedTimer m_runClock;
    bool m_wire = false;
    QString m_wireNote;
    qint64 m_runBeganUs = 0; // packets captured before it are an earlier run's
};

} // namespace socketlab

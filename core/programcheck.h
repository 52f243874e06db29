#pragma once

#include "core/checkitem.h"
#include "core/checkrun.h"
#include "core/tracer.h"

#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>
#include <memory>

class QTimer;

namespace socketlab {

class Client;
class Server;

// What socketlab-cli check runs and how it bounds it.
struct ProgramCheckOptions
{
    Exercise exercise = Exercise::TcpServer;
    quint16 port = 5000;
    int timeoutSeconds = 20;
    QString program;
    QStringList arguments;
    // The program's own folder (empty: the caller's), scanned at the end for a file that
    // reached fileLimitBytes.
    QString workingDirectory;
    qint64 fileLimitBytes = 0;
    QVector<TraceOptions::Limit> limits;
};

// Runs a student's program under the Tracer and drives it as its exercise expects: for a
// server, SocketLab's clients connect (two at once for the concurrent ones), send lines (one
// of 1,500 bytes), leave by FIN and one by RST; for a client, SocketLab's server answers
// while lines, then a Ctrl+X line, are typed on the program's standard input. Each probe
// waits on what the trace shows (bounded), never on a fixed delay. At the end the program's
// whole process tree is stopped and finished() carries the rubric (CheckRubric).
//
// It makes no network of its own: socketlab-cli check enters a PrivateNetwork first.
class ProgramCheck : public QObject
{
    Q_OBJECT

public:
    explicit ProgramCheck(QObject *parent = nullptr);
    ~ProgramCheck() override;

    // false with errorString() (and the command line's exitCode()) when the program cannot
    // be run or SocketLab's server cannot start; nothing is left running then.
    bool start(const ProgramCheckOptions &options);
    QString errorString() const { return m_errorString; }
    int exitCode() const { return m_exitCode; }
    const CheckRun &run() const { return m_run; }

signals:
    void finished(const socketlab::CheckItems &items);

private:
    struct Probe
    {
        std::function<void()> action;
        std::function<bool()> done;
        int timeoutMs = 0;
        // When it times out: give up the rest (the program is not there to drive).
        bool essential = false;
    };

    void addServerProbes();
    void addTcpServerProbes(bool concurrent);
    void addUdpServerProbes();
    void addClientProbes();
    void startProbe();
    void poll();
    void scenarioDone();
    void programFinished(int exitStatus);
    void conclude();
    void record(const SocketEvents &events);
    void scanFolder();
    int remainingMs() const;

    Client *newClient(const QByteArray &text);
    bool boundAndListening() const;
    bool connectionsSettled() const;

    ProgramCheckOptions m_options;
    CheckRun m_run;
    std::unique_ptr<Tracer> m_tracer;
    std::unique_ptr<Server> m_server;
    std::vector<std::unique_ptr<Client>> m_clients;
    std::deque<Probe> m_probes;
    QTimer *m_pollTimer = nullptr;
    QTimer *m_deadline = nullptr;
    qint64 m_probeStartedMs = 0;
    qint64 m_startedMs = 0;
    bool m_probing = false;
    bool m_scenarioDone = false;
    bool m_programFinished = false;
    bool m_concluded = false;
    int m_startIndex = 0;
    QString m_errorString;
    int m_exitCode = 0;
};

} // namespace socketlab

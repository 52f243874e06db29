#pragma once

#include "core/checkitem.h"
#include "core/checkrun.h"
#include "core/liverubric.h"
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
// waits on what the trace shows (bounded), never on a fixed delay. Each item of the rubric is
// decided as soon as the probes it depends on have run (LiveRubric) and said by
// itemDecided(); at the end the program's whole process tree is stopped, the other items are
// decided on the whole run (CheckRubric) and said, and finished() carries them all.
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
    // Stops the probes and the program's whole process tree (SIGINT, SIGTERM): finished()
    // follows with the items decided so far, and nothing more is decided.
    void interrupt();
    bool wasInterrupted() const { return m_interrupted; }
    // Items decided early that the whole run would have decided otherwise (should be none).
    QStringList mismatches() const { return m_mismatches; }

signals:
    // Every event of the program as the tracer reports it (calls, process events).
    void eventsRecorded(const socketlab::SocketEvents &events);
    // Once per item, as it is decided.
    void itemDecided(const socketlab::CheckItem &item);
    // At the end: every item said by itemDecided(), in the rubric's order.
    void finished(const socketlab::CheckItems &items);

private:
    struct Probe
    {
        std::function<void()> action;
        std::function<bool()> done;
        int timeoutMs = 0;
        // When it times out: give up the rest (the program is not there to drive).
        bool essential = false;
        // What it shows when it does what it is for: the items that wait for it are decided.
        LiveRubric::Milestone milestone = LiveRubric::Milestone::None;
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
    // What the run has seen so far, as the rubric reads a whole run.
    CheckRun snapshot() const;
    void decide(LiveRubric::Milestone milestone);

    Client *newClient(const QByteArray &text);
    bool boundAndListening() const;
    bool connectionsSettled() const;

    ProgramCheckOptions m_options;
    CheckRun m_run;
    std::unique_ptr<Tracer> m_tracer;
    std::unique_ptr<Server> m_server;
    std::vector<std::unique_ptr<Client>> m_clients;
    std::deque<Probe> m_probes;
    std::unique_ptr<LiveRubric> m_live;
    QStringList m_mismatches;
    bool m_interrupted = false;
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

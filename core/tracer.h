#pragma once

#include "core/socketevent.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

class QSocketNotifier;
class QTimer;

namespace socketlab {

class EventQueue;
class TraceWorker;

// What to run under the tracer.
struct TraceOptions
{
    // Looked up in PATH when it holds no slash, as a shell does.
    QString program;
    QStringList arguments;
    // Empty: SocketLab's own working directory.
    QString workingDirectory;
    // false (the command line): the program shares SocketLab's standard input, output and
    // error, and its process group, so the terminal's Ctrl+C reaches it. true (the window):
    // its standard streams are pipes (writeInput(), outputArrived()) and it runs in a
    // process group of its own.
    bool pipeStdio = false;
    // setrlimit() in the program's first process before it runs (every process it makes
    // inherits them): socketlab-cli check bounds an untrusted program's CPU, memory,
    // processes and files. Each is {RLIMIT_..., soft and hard value}.
    struct Limit
    {
        int resource = 0;
        quint64 value = 0;
    };
    QVector<Limit> limits;
};

// Runs a program and traces the socket calls of every process and thread it makes, without
// root: one thread owns every ptrace call; the program runs under a seccomp filter that stops
// it only at the network and process system calls, so everything else runs at full speed.
// A participant of the event stream like Server and Client: its events arrive in batches
// through eventsArrived(), with the recipe's names for the calls (accept4 is accept, clone of
// a process is fork), the role of each process (server when it listens, or binds and receives
// datagrams) and the recipe's step; process life is EventKind::Process events.
//
// Step mode pauses each thread at the entry of its next socket call (each paused thread
// waits on its own, the others run on) until stepOnce() or continueAll(). Stop ends the
// program and every process it made, at once, and never leaves one stopped or behind.
class Tracer : public QObject
{
    Q_OBJECT

public:
    // Why start() failed; exitCode() gives the command line's exit status for it.
    enum class StartError { None, NotFound, NotExecutable, NotPermitted, Failed };
    // Most processes traced at once; past it the program is stopped and told why.
    static constexpr int kMaxProcesses = 256;

    explicit Tracer(QObject *parent = nullptr);
    ~Tracer() override; // stops the program

    // Starts the program; false with startError() and errorString() when it cannot be run
    // or traced (nothing is left running then). Events begin with a Process "started".
    bool start(const TraceOptions &options);
    bool isRunning() const;
    StartError startError() const { return m_startError; }
    // Translated: what went wrong and, when tracing is not permitted, the setting to change.
    QString errorString() const { return m_errorString; }
    // 127 not found, 126 cannot be run, 1 not permitted or failed; 0 for None.
    static int exitCode(StartError error);

    // SIGTERM to every traced process, SIGKILL to whatever is left after graceMs; stop()
    // kills at once. Both return at once; finished() follows when everything was reaped.
    void terminate(int graceMs = 2000);
    void stop();
    // Sends a signal to the program's first process (the command line's second Ctrl+C
    // uses stop()).
    void signalProgram(int signalNumber);

    // Step mode: pause each thread before its next socket call. Turning it off lets every
    // paused thread go on.
    void setStepMode(bool on);
    bool stepMode() const;
    // Lets the thread that paused first go on to its call (and pause again at the next);
    // continueAll() lets every paused thread go on.
    void stepOnce();
    void continueAll();

    // With pipeStdio: writes to the program's standard input; closeInput() ends it (EOF).
    void writeInput(const QByteArray &bytes);
    void closeInput();

    // The program's first process, 0 before start.
    qint64 programPid() const;
    // Exit status as a shell gives it (128+N when signal N killed it); -1 while running.
    int exitStatus() const;

    EventQueue *eventQueue() const { return m_queue.get(); }
    // Delivers what is queued now, in this object's thread.
    void flushEvents();

signals:
    void eventsArrived(const socketlab::SocketEvents &events);
    // With pipeStdio: the program wrote to its standard output (or error).
    void outputArrived(const QByteArray &bytes, bool standardError);
    // Step mode: a thread paused before a call; event is that call as it will be made
    // (kind Call, begin_us set, no result yet): "about to call accept() — step 5". Its step
    // is -1 while the process has not shown its role yet (a socket() or bind() before its
    // listen or connect); the stream's events always carry the role decided.
    void callPaused(const socketlab::SocketEvent &event);
    // Every traced process is gone; the Summary event was delivered before.
    void finished(int exitStatus);
    // Something the user must know that is no event (translated): the process cap reached.
    void warned(const QString &message);

private:
    friend class TraceWorker;
    void workerFinished(int exitStatus);
    void readOutput(int fd, bool standardError);
    void writePendingInput();

    void setError(StartError error, const QString &message);

    std::unique_ptr<EventQueue> m_queue;
    std::unique_ptr<TraceWorker> m_worker;
    StartError m_startError = StartError::None;
    QString m_errorString;
    // With pipeStdio, SocketLab's ends of the program's standard streams.
    int m_inputFd = -1;
    int m_outputFd = -1;
    int m_errorFd = -1;
    QByteArray m_pendingInput;
    bool m_inputClosing = false;
    QSocketNotifier *m_outputNotifier = nullptr;
    QSocketNotifier *m_errorNotifier = nullptr;
    QSocketNotifier *m_inputNotifier = nullptr;
    QTimer *m_killTimer = nullptr;
    bool m_stepModeWanted = false;
};

} // namespace socketlab

#pragma once

#include "core/private/tracecalls.h"
#include "core/private/tracedprocess.h"
#include "core/tracer.h"

#include <QMutex>

#include <QThread>
#include <atomic>
#include <deque>
#include <memory>
#include <set>
#include <unordered_map>
#include <vector>

namespace socketlab {

class EventQueue;

// The tracer's thread: forks the program, owns every ptrace call, and turns stops into
// events. The Tracer talks to it through the few thread-safe calls below.
class TraceWorker
{
public:
    struct Launch
    {
        QString path; // resolved
        QStringList arguments; // argv[0] first
        QString workingDirectory;
        bool pipeStdio = false;
        int stdinFd = -1, stdoutFd = -1, stderrFd = -1; // the child's ends, with pipeStdio
        QVector<TraceOptions::Limit> limits;
    };
    struct StartResult
    {
        Tracer::StartError error = Tracer::StartError::None;
        int errnum = 0;
        QString stage; // "ptrace", "seccomp", "exec"
        pid_t pid = 0;
    };

    TraceWorker(EventQueue *queue, Tracer *tracer);
    ~TraceWorker();

    // Forks and starts tracing; returns once the program runs (its exec was seen) or failed.
    StartResult start(const Launch &launch);
    bool isRunning() const { return m_running.load(); }
    int exitStatus() const { return m_exitStatus.load(); }
    pid_t rootPid() const { return m_rootPid; }

    void killAll(int signalNumber);
    void requestStop();
    void setStepMode(bool on);
    bool stepMode() const { return m_stepMode.load(); }
    void stepOnce();
    void continueAll();

private:
    enum class Command { StepOne, ContinueAll };

    void run(const Launch &launch);
    void loop();
    void handleStatus(pid_t tid, int status);
    void handleExit(pid_t tid, int status);
    void handleSeccompStop(TracedThread &thread);
    void handleSyscallStop(TracedThread &thread);
    void handleCloneEvent(TracedThread &thread, int event);
    void handleExecEvent(pid_t tid);
    void finishCall(TracedThread &thread, qint64 result, int errnum);
    void resolveInterrupted(TracedThread &thread, bool restarted);
    void resume(TracedThread &thread, int signalNumber = 0);
    void pause(TracedThread &thread);
    void runCommands();
    void emitEvent(TracedProcess &process, SocketEvent event);
    void emitProcess(const TracedThread &thread, ProcessChange change);
    void flushHeld(TracedProcess &process);
    void processGone(TracedProcess &process);
    void publishPids();
    void adoptOrphans();
    void finishRun();

    EventQueue *m_queue;
    Tracer *m_tracer;
    std::unique_ptr<QThread> m_thread;
    TraceCalls m_calls;
    pid_t m_rootPid = 0;
    std::unordered_map<pid_t, TracedThread> m_threads;
    std::unordered_map<pid_t, std::shared_ptr<TracedProcess>> m_processes;
    // New tracees whose first stop came before their parent's fork event: kept stopped
    // until the event says whose they are.
    std::set<pid_t> m_unclaimed;
    std::deque<pid_t> m_paused; // step mode, in the order they paused
    bool m_started = false;
    bool m_rootExited = false;
    bool m_stopping = false;
    bool m_limitReached = false;
    qint64 m_calls_made = 0;
    qint64 m_processCount = 0;
    qint64 m_threadCount = 0;
    qint64 m_zombiesLeft = 0;

    // Shared with the Tracer's thread.
    std::atomic<bool> m_running {false};
    std::atomic<bool> m_stepMode {false};
    std::atomic<bool> m_stopRequested {false};
    std::atomic<int> m_exitStatus {-1};
    QMutex m_mutex;
    std::vector<pid_t> m_livePids;
    std::deque<Command> m_commands;
    int m_wakeFd = -1;
    // start() waits on this pipe for the first exec (or the failure).
    int m_startPipe[2] = {-1, -1};
};

} // namespace socketlab

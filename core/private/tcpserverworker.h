#pragma once

#include "core/fd.h"

#include <QElapsedTimer>
#include <QString>
#include <QThread>

#include <memory>
#include <vector>

struct pollfd;

namespace socketlab {

class CallClock;
class ChildWatcher;
class HandlerThread;
class PollLoop;
struct ServerContext;

// The TCP server's own thread: accept() loop (recipe steps 5 and 8) and, by mode, serving the
// connection itself (iterative), handing it to a new thread, or to a forked child process.
class TcpServerWorker : public QThread
{
    Q_OBJECT

public:
    TcpServerWorker(ServerContext &context, Fd listener, const QString &local);
    ~TcpServerWorker() override;

protected:
    void run() override;

private:
    // Concurrency::Poll: this thread serves every connection, all waited for in one poll().
    void runPoll();
    void tracePoll(const CallClock &clock, const std::vector<pollfd> &fds, int ready, int pollErrno,
                   size_t firstConnection) const;
    // True when a connection was accepted (and handed to its handler).
    bool acceptOne();
    // acceptedUs: when accept() returned the connection (its connected event counts from then).
    void serveInThread(Fd connection, const QString &peer, const QString &local, quint64 id,
                       qint64 acceptedUs);
    void serveInChild(Fd connection, const QString &peer, const QString &local, quint64 id,
                      qint64 acceptedUs);
    void closeUnserved(Fd connection);
    void readChildren(const std::vector<bool> &readable);
    void joinFinishedThreads();
    void stopHandlers();
    int liveHandlers() const;
    void announceCap();
    bool reservePipe();
    // False the first time errnum is seen in a shortage, which it then records.
    bool sameShortage(int errnum);
    int acceptPauseMs() const;

    ServerContext &m_context;
    Fd m_listener;
    QString m_local;
    std::vector<std::unique_ptr<HandlerThread>> m_threads;
    std::vector<std::unique_ptr<ChildWatcher>> m_children;
    std::vector<std::unique_ptr<ChildWatcher>> m_unreaped;
    std::unique_ptr<PollLoop> m_pollLoop; // poll mode only  // ServerConfig::reapChildren off
    QElapsedTimer m_acceptPause; // valid while accept() rests after a failure
    // One shortage of descriptors is said once: the errno of the last failure of pipe2() or
    // accept() and how many connections were live then. Either call may fail first, and
    // one more connection may get through when something else lets go of a descriptor for
    // a moment (the state sampler's netlink socket); only a connection that ends frees one.
    int m_lastFailedErrno = 0;
    int m_liveAtFailure = 0;
    Fd m_spareReadEnd; // fork mode: the next child's record pipe, made before accept()
    Fd m_spareWriteEnd;
    bool m_capAnnounced = false;
    int m_childBatch = 1;
    std::vector<char> m_childBuffer; // allocated before fork(): children must not malloc
};

} // namespace socketlab

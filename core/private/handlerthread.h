#pragma once

#include "core/private/connectionsession.h"

#include <atomic>
#include <pthread.h>

namespace socketlab {

class WakeSignal;

// Thread mode: one thread per accepted connection, running its own ConnectionSession.
// A plain POSIX thread, not a QThread: a QThread makes an event dispatcher (an eventfd) for
// every thread it starts, so a server at its descriptor limit would abort in Qt instead of
// refusing one connection. This thread needs no descriptor beyond its connection.
class HandlerThread
{
public:
    HandlerThread(ServerContext &context, Fd connection, const QString &peer, const QString &local,
                  const EventReporter &reporter, WakeSignal &finished);
    // Joins the thread (stop it first: raise the server's stop flag).
    ~HandlerThread();
    HandlerThread(const HandlerThread &) = delete;
    HandlerThread &operator=(const HandlerThread &) = delete;

    // Returns 0, or pthread_create()'s error (EAGAIN at the thread limit); then the
    // connection has not been served and is still open.
    int start();
    // Closes a connection that start() could not serve, tracing the close().
    void closeUnserved();
    void setAcceptedUs(qint64 us) { m_session.setAcceptedUs(us); }
    bool isDone() const { return m_done.load(); }
    void join();

private:
    static void *entry(void *self);
    void run();

    ConnectionSession m_session;
    EventReporter m_reporter;
    WakeSignal &m_finished;
    pthread_t m_thread {};
    bool m_started = false;
    int m_nice = 0;
    std::atomic<bool> m_done {false};
};

} // namespace socketlab

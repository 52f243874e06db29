#pragma once

#include "connectionsession.h"

#include <QThread>

#include <atomic>

namespace socketlab {

class WakeSignal;

// Thread mode: one thread per accepted connection, running its own ConnectionSession.
class HandlerThread : public QThread
{
    Q_OBJECT

public:
    HandlerThread(ServerContext &context, Fd connection, const QString &peer,
                  const QString &local, const EventReporter &reporter, WakeSignal &finished);

    bool isDone() const { return m_done.load(); }

protected:
    void run() override;

private:
    ConnectionSession m_session;
    EventReporter m_reporter;
    WakeSignal &m_finished;
    std::atomic<bool> m_done{false};
};

} // namespace socketlab

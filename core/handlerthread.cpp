#include "handlerthread.h"

#include "wakesignal.h"

namespace socketlab {

HandlerThread::HandlerThread(ServerContext &context, Fd connection, const QString &peer,
                             const QString &local, const EventReporter &reporter,
                             WakeSignal &finished)
    : m_session(context, std::move(connection), peer, local, reporter), m_reporter(reporter),
      m_finished(finished)
{
    setObjectName(QStringLiteral("handler %1").arg(peer));
}

void HandlerThread::run()
{
    m_session.run();
    if (m_reporter.trafficEnabled())
        m_reporter.post(m_reporter.make(EventKind::HandlerExited));
    m_done.store(true);
    m_finished.raise();
}

} // namespace socketlab

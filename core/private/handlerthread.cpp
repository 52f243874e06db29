#include "core/private/handlerthread.h"

#include "core/private/servercontext.h"
#include "core/private/threadpriority.h"
#include "core/wakesignal.h"

namespace socketlab {

namespace {
// Hundreds of handlers: a small stack each (a session keeps its buffer on the heap), with
// room for the sanitizers' bigger frames.
constexpr size_t kStackBytes = 1024 * 1024;
} // namespace

HandlerThread::HandlerThread(ServerContext &context, Fd connection, const QString &peer,
                             const QString &local, const EventReporter &reporter,
                             WakeSignal &finished)
    : m_session(context, std::move(connection), peer, local, reporter),
      m_reporter(reporter),
      m_finished(finished),
      m_nice(context.config.handlerNice)
{
}

HandlerThread::~HandlerThread()
{
    join();
}

int HandlerThread::start()
{
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, kStackBytes);
    const int error = pthread_create(&m_thread, &attributes, &HandlerThread::entry, this);
    pthread_attr_destroy(&attributes);
    m_started = error == 0;
    return error;
}

void HandlerThread::closeUnserved()
{
    m_session.closeUnserved();
}

void HandlerThread::join()
{
    if (!m_started)
        return;
    pthread_join(m_thread, nullptr);
    m_started = false;
}

void *HandlerThread::entry(void *self)
{
    // The name a process view (and top -H) shows; at most 15 characters.
    pthread_setname_np(pthread_self(), "handler");
    auto *thread = static_cast<HandlerThread *>(self);
    makeCurrentThreadNicer(thread->m_nice);
    thread->run();
    return nullptr;
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

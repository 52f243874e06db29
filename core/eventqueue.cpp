#include "eventqueue.h"

#include <QMetaObject>
#include <QTimer>

namespace socketlab {

namespace {
constexpr int kCoalesceMs = 15;
}

EventQueue::EventQueue(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<SocketEvent>();
    qRegisterMetaType<SocketEvents>();
}

void EventQueue::post(SocketEvent event)
{
    bool schedule = false;
    {
        QMutexLocker locker(&m_mutex);
        m_pending.append(std::move(event));
        if (!m_flushScheduled) {
            m_flushScheduled = true;
            schedule = true;
        }
    }
    if (schedule)
        QMetaObject::invokeMethod(this, &EventQueue::scheduleFlush, Qt::QueuedConnection);
}

void EventQueue::scheduleFlush()
{
    QTimer::singleShot(kCoalesceMs, this, &EventQueue::flush);
}

void EventQueue::flush()
{
    SocketEvents batch;
    {
        QMutexLocker locker(&m_mutex);
        batch.swap(m_pending);
        m_flushScheduled = false;
    }
    if (!batch.isEmpty())
        emit eventsArrived(batch);
}

} // namespace socketlab

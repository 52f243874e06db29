#pragma once

#include "socketevent.h"

#include <QMutex>
#include <QObject>

namespace socketlab {

// Collects events posted from any thread and delivers them in batches in the thread this
// object lives in, a few milliseconds after the first one of a batch arrived, so a flood of
// datagrams becomes a few large deliveries instead of one queued signal per packet.
class EventQueue : public QObject
{
    Q_OBJECT

public:
    explicit EventQueue(QObject *parent = nullptr);

    void post(SocketEvent event);
    // Delivers whatever is pending now, in the calling thread (which must be this object's).
    void flush();

signals:
    void eventsArrived(const socketlab::SocketEvents &events);

private:
    void scheduleFlush();

    QMutex m_mutex;
    SocketEvents m_pending;
    bool m_flushScheduled = false;
};

} // namespace socketlab

#pragma once

#include "core/socketevent.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>

namespace socketlab {

// Collects events posted from any thread and delivers them in batches in the thread this
// object lives in, a few milliseconds after the first one of a batch arrived, so a flood of
// datagrams becomes a few large deliveries instead of one queued signal per packet.
//
// Bounded whatever the flood: while the reader lags (more than kMaxPendingEvents waiting, or
// kMaxPendingPayload bytes of payload), a connection's data, sent and received events are
// merged into one Coalesced event that counts them (messages, bytes) and its calls are
// counted as skipped. Producers never block: a student's flood must not slow the server
// because the projector's window or a terminal is slow. Events of a connection keep their
// order: a Coalesced event always comes before whatever that connection did next.
class EventQueue : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxPendingEvents = 4096;
    // Past this many, even connection and error events are only counted (connection churn).
    static constexpr int kHardMaxPendingEvents = 4 * kMaxPendingEvents;
    static constexpr qint64 kMaxPendingPayload = 1024 * 1024;
    // Connections merged one by one, at most; past it the rest share one Coalesced event.
    static constexpr int kMaxLaggingConnections = 1024;
    // Events handed to the reader at once, at most, when it catches up on its own pace.
    static constexpr int kMaxDelivery = 1024;

    explicit EventQueue(QObject *parent = nullptr);

    void post(SocketEvent event);
    // Delivers whatever is pending now, in the calling thread (which must be this object's),
    // even while paused.
    void flush();
    // A consumer that cannot keep up (a blocked standard output) pauses deliveries; posts
    // go on being merged, so memory stays bounded, until it resumes.
    void setPaused(bool paused);

signals:
    void eventsArrived(const socketlab::SocketEvents &events);

private:
    bool lagging() const;
    void merge(SocketEvent &&event);
    void appendMerged(quint64 connection);
    void appendAllMerged();
    void takeAll(SocketEvents &batch);
    void scheduleLocked();
    void scheduleFlush();
    void timedFlush();

    QMutex m_mutex;
    SocketEvents m_pending;
    qint64 m_pendingPayload = 0;
    // Per connection (role and id) and merged kind: the Coalesced events being built while
    // the reader lags, and the connections that have one.
    QHash<quint64, SocketEvent> m_merged;
    QSet<quint64> m_mergingConnections;
    bool m_flushScheduled = false;
    bool m_paused = false;
};

} // namespace socketlab

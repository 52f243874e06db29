#include "core/eventqueue.h"

#include <QMetaObject>
#include <QTimer>

namespace socketlab {

namespace {
constexpr int kCoalesceMs = 15;
// Shared by every connection merged after kMaxLaggingConnections were.
constexpr quint64 kOverflowKey = ~quint64(0) / 8;

// Packets count as traffic: a flood of them merges as a flood of messages does.
bool isTraffic(EventKind kind)
{
    return kind == EventKind::Data || kind == EventKind::Sent || kind == EventKind::Received
        || kind == EventKind::Packet;
}

// What a Coalesced event stands for: one kind of traffic, or (as Call) everything else.
int mergeClass(EventKind kind)
{
    switch (kind) {
    case EventKind::Data:
        return 0;
    case EventKind::Sent:
        return 1;
    case EventKind::Received:
        return 2;
    case EventKind::Packet:
        return 4;
    default:
        return 3;
    }
}
constexpr int kMergeClasses = 5;

// One key per connection and side (a server's connection 3 and client pane 3 differ).
quint64 connectionKey(const SocketEvent &event)
{
    return (event.connectionId << 1) | (event.role == Role::Client ? 1u : 0u);
}

quint64 mergeKey(quint64 connection, int mergeClass)
{
    return connection * kMergeClasses + quint64(mergeClass);
}
} // namespace

EventQueue::EventQueue(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<SocketEvent>();
    qRegisterMetaType<SocketEvents>();
}

bool EventQueue::lagging() const
{
    return m_pending.size() >= kMaxPendingEvents || m_pendingPayload >= kMaxPendingPayload;
}

void EventQueue::post(SocketEvent event)
{
    QMutexLocker locker(&m_mutex);
    const quint64 connection = connectionKey(event);
    const bool essential = event.kind == EventKind::Listening || event.kind == EventKind::Summary;
    const bool merging = m_mergingConnections.contains(connection);
    if (!essential && (isTraffic(event.kind) || event.kind == EventKind::Call)
        && (merging || lagging())) {
        merge(std::move(event));
    } else if (!essential && m_pending.size() >= kHardMaxPendingEvents) {
        merge(std::move(event));
    } else {
        // What this connection did before comes first; a summary comes after everything.
        if (event.kind == EventKind::Summary)
            appendAllMerged();
        if (merging)
            appendMerged(connection);
        else if (!essential)
            appendMerged(kOverflowKey); // it may hold this connection's past
        m_pendingPayload += event.payload.size();
        m_pending.append(std::move(event));
    }
    scheduleLocked();
}

void EventQueue::merge(SocketEvent &&event)
{
    quint64 connection = connectionKey(event);
    if (!m_mergingConnections.contains(connection)
        && m_mergingConnections.size() >= kMaxLaggingConnections) {
        connection = kOverflowKey;
    }
    const int kindClass = mergeClass(event.kind);
    const quint64 key = mergeKey(connection, kindClass);
    auto it = m_merged.find(key);
    if (it == m_merged.end()) {
        SocketEvent merged = event;
        merged.kind = EventKind::Coalesced;
        merged.mergedKind = isTraffic(event.kind) ? event.kind : EventKind::Call;
        // A first message keeps its words and call (one quiet student's line during another's
        // flood goes out whole, see appendMerged); the second one merged clears them.
        if (!isTraffic(event.kind)) {
            merged.payload.clear();
            merged.call = SysCall::None;
            merged.args.clear();
            merged.message.clear();
            merged.result = 0;
            merged.errnum = merged.step = 0;
        }
        merged.bytes = merged.messages = merged.skipped = 0;
        if (connection == kOverflowKey) {
            merged.peer.clear();
            merged.local.clear();
            merged.connectionId = 0;
        }
        it = m_merged.insert(key, std::move(merged));
        m_mergingConnections.insert(connection);
    }
    SocketEvent &merged = it.value();
    merged.time = event.time; // a Coalesced event ends where its last merged event did
    if (isTraffic(event.kind)) {
        if (merged.messages == 1) {
            merged.payload.clear();
            merged.call = SysCall::None;
            merged.args.clear();
            merged.message.clear();
            merged.result = 0;
            merged.errnum = merged.step = 0;
        }
        merged.messages += 1;
        merged.bytes += event.bytes;
    } else {
        merged.skipped += 1;
    }
}

void EventQueue::appendMerged(quint64 connection)
{
    if (!m_mergingConnections.remove(connection))
        return;
    // Calls carry no peer address: a connection's merged calls borrow its traffic's.
    QString peer;
    for (int kindClass = 0; kindClass < kMergeClasses && peer.isEmpty(); ++kindClass) {
        auto it = m_merged.constFind(mergeKey(connection, kindClass));
        if (it != m_merged.constEnd())
            peer = it.value().peer;
    }
    for (int kindClass = 0; kindClass < kMergeClasses; ++kindClass) {
        auto it = m_merged.find(mergeKey(connection, kindClass));
        if (it == m_merged.end())
            continue;
        if (it.value().peer.isEmpty() && connection != kOverflowKey)
            it.value().peer = peer;
        // One message merged is that message: it goes out as itself, words and all.
        SocketEvent &merged = it.value();
        if (connection != kOverflowKey && merged.messages == 1 && isTraffic(merged.mergedKind)) {
            merged.kind = merged.mergedKind;
            merged.messages = 0;
        }
        m_pending.append(std::move(it.value()));
        m_merged.erase(it);
    }
}

void EventQueue::appendAllMerged()
{
    const QList<quint64> connections = m_mergingConnections.values();
    for (quint64 connection : connections)
        appendMerged(connection);
}

void EventQueue::scheduleLocked()
{
    if (m_flushScheduled || m_paused)
        return;
    m_flushScheduled = true;
    QMetaObject::invokeMethod(this, &EventQueue::scheduleFlush, Qt::QueuedConnection);
}

void EventQueue::scheduleFlush()
{
    QTimer::singleShot(kCoalesceMs, this, &EventQueue::timedFlush);
}

void EventQueue::timedFlush()
{
    SocketEvents slice;
    {
        QMutexLocker locker(&m_mutex);
        m_flushScheduled = false;
        if (m_paused)
            return;
        if (m_pending.size() <= kMaxDelivery) {
            takeAll(slice);
        } else {
            // A long backlog goes out in slices, the event loop getting a turn between them, so
            // a window stays responsive while it catches up. The rest keeps merging meanwhile.
            slice.reserve(kMaxDelivery);
            for (qsizetype i = 0; i < kMaxDelivery; ++i) {
                m_pendingPayload -= m_pending.at(i).payload.size();
                slice.append(std::move(m_pending[i]));
            }
            m_pending.remove(0, kMaxDelivery);
            m_flushScheduled = true;
            QMetaObject::invokeMethod(this, &EventQueue::timedFlush, Qt::QueuedConnection);
        }
    }
    if (!slice.isEmpty())
        emit eventsArrived(slice);
}

void EventQueue::takeAll(SocketEvents &batch)
{
    // Each merged event follows everything of its connection that is pending.
    appendAllMerged();
    batch.swap(m_pending);
    m_pendingPayload = 0;
}

void EventQueue::flush()
{
    SocketEvents batch;
    {
        QMutexLocker locker(&m_mutex);
        takeAll(batch);
    }
    if (!batch.isEmpty())
        emit eventsArrived(batch);
}

void EventQueue::setPaused(bool paused)
{
    QMutexLocker locker(&m_mutex);
    m_paused = paused;
    if (!paused && (!m_pending.isEmpty() || !m_merged.isEmpty()))
        scheduleLocked();
}

} // namespace socketlab

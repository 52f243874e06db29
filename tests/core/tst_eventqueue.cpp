// The event queue under a flood no reader keeps up with: bounded, exact, in order.

#include "core/eventqueue.h"

#include <QSignalSpy>
#include <QTest>

using namespace socketlab;

namespace {

SocketEvent traffic(EventKind kind, quint64 connection, qint64 bytes, Role role = Role::Server)
{
    SocketEvent e(kind, role);
    e.connectionId = connection;
    e.bytes = bytes;
    e.payload = QByteArray(int(qMin<qint64>(bytes, kMaxEventPayload)), 'x');
    e.peer = QStringLiteral("127.0.0.1:%1").arg(40000 + connection);
    return e;
}

SocketEvents deliver(EventQueue &queue)
{
    SocketEvents all;
    QObject::connect(&queue, &EventQueue::eventsArrived, &queue,
                     [&all](const SocketEvents &batch) { all += batch; });
    queue.flush();
    return all;
}

} // namespace

class TestEventQueue : public QObject
{
    Q_OBJECT

private slots:
    void floodStaysBoundedAndExact();
    void connectionOrderIsKept();
    void summaryComesLast();
    void manyConnectionsShareOneOverflow();
    void pausedQueueDeliversNothingUntilResumed();
    void backlogArrivesInSlices();
};

// A million messages from 4 connections with no reader: what waits stays within the bounds,
// and the delivered data and coalesced events add up to exactly what was posted.
void TestEventQueue::floodStaysBoundedAndExact()
{
    EventQueue queue;
    constexpr int kMessages = 1000000;
    for (int i = 0; i < kMessages; ++i)
        queue.post(traffic(EventKind::Data, 1 + i % 4, 1024));
    const SocketEvents batch = deliver(queue);
    QVERIFY2(batch.size() <= EventQueue::kMaxPendingEvents + 4,
             qPrintable(QString::number(batch.size())));
    qint64 payload = 0;
    qint64 messages = 0;
    qint64 bytes = 0;
    for (const SocketEvent &e : batch) {
        payload += e.payload.size();
        if (e.kind == EventKind::Data) {
            messages += 1;
            bytes += e.bytes;
        } else {
            QCOMPARE(e.kind, EventKind::Coalesced);
            QCOMPARE(e.mergedKind, EventKind::Data);
            QVERIFY(e.payload.isEmpty());
            messages += e.messages;
            bytes += e.bytes;
        }
    }
    QVERIFY(payload <= EventQueue::kMaxPendingPayload + kMaxEventPayload);
    QCOMPARE(messages, qint64(kMessages));
    QCOMPARE(bytes, qint64(kMessages) * 1024);
}

// Once a connection's traffic is merged, what it does next (its disconnection) comes after
// the merged event, never before it; echoes and data are counted apart.
void TestEventQueue::connectionOrderIsKept()
{
    EventQueue queue;
    for (int i = 0; i < EventQueue::kMaxPendingEvents; ++i)
        queue.post(traffic(EventKind::Data, 1, 10));
    queue.post(traffic(EventKind::Data, 2, 10)); // over the bound: merged
    queue.post(traffic(EventKind::Sent, 2, 10));
    queue.post(traffic(EventKind::Data, 2, 10));
    SocketEvent gone(EventKind::Disconnected, Role::Server);
    gone.connectionId = 2;
    queue.post(gone);
    const SocketEvents batch = deliver(queue);
    int disconnected = -1;
    QList<int> merged;
    for (int i = 0; i < batch.size(); ++i) {
        if (batch.at(i).connectionId != 2)
            continue;
        if (batch.at(i).kind == EventKind::Disconnected)
            disconnected = i;
        else if (batch.at(i).kind == EventKind::Coalesced || batch.at(i).kind == EventKind::Sent)
            merged << i;
    }
    QCOMPARE(merged.size(), 2);
    QVERIFY(disconnected > merged.last());
    QCOMPARE(batch.at(merged.first()).mergedKind, EventKind::Data);
    QCOMPARE(batch.at(merged.first()).messages, 2);
    // One echo merged is that echo, words and all (a quiet student's line during a flood).
    QCOMPARE(batch.at(merged.last()).kind, EventKind::Sent);
    QCOMPARE(batch.at(merged.last()).bytes, 10);
}

void TestEventQueue::summaryComesLast()
{
    EventQueue queue;
    for (int i = 0; i < 3 * EventQueue::kMaxPendingEvents; ++i)
        queue.post(traffic(EventKind::Data, 1 + i % 3, 100));
    queue.post(SocketEvent(EventKind::Summary, Role::Server));
    const SocketEvents batch = deliver(queue);
    QCOMPARE(batch.last().kind, EventKind::Summary);
}

// Connection churn: thousands of connections each merged keep one event each only up to a
// bound; the rest share one "other connections" event, and nothing goes uncounted.
void TestEventQueue::manyConnectionsShareOneOverflow()
{
    EventQueue queue;
    for (int i = 0; i < EventQueue::kMaxPendingEvents; ++i)
        queue.post(traffic(EventKind::Data, 1, 1));
    constexpr int kConnections = 5000;
    for (int c = 0; c < kConnections; ++c)
        queue.post(traffic(EventKind::Data, 100 + c, 1));
    const SocketEvents batch = deliver(queue);
    QVERIFY(batch.size() <= EventQueue::kMaxPendingEvents + EventQueue::kMaxLaggingConnections + 1);
    qint64 messages = 0;
    for (const SocketEvent &e : batch)
        messages += e.kind == EventKind::Coalesced ? e.messages : 1;
    QCOMPARE(messages, qint64(EventQueue::kMaxPendingEvents + kConnections));
}

void TestEventQueue::pausedQueueDeliversNothingUntilResumed()
{
    EventQueue queue;
    QSignalSpy spy(&queue, &EventQueue::eventsArrived);
    queue.setPaused(true);
    queue.post(traffic(EventKind::Data, 1, 5));
    QTest::qWait(100);
    QCOMPARE(spy.count(), 0);
    queue.setPaused(false);
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.first().first().value<SocketEvents>().size(), 1);
}

// A reader that fell behind gets its backlog in slices, with the event loop running between
// them, and still every event, in order.
void TestEventQueue::backlogArrivesInSlices()
{
    EventQueue queue;
    QList<int> sizes;
    qint64 messages = 0;
    quint64 lastConnection = 0;
    bool ordered = true;
    QObject::connect(&queue, &EventQueue::eventsArrived, &queue, [&](const SocketEvents &batch) {
        sizes << int(batch.size());
        for (const SocketEvent &e : batch) {
            messages += e.kind == EventKind::Coalesced ? e.messages : 1;
            if (e.kind == EventKind::Data) {
                ordered = ordered && e.connectionId >= lastConnection;
                lastConnection = e.connectionId;
            }
        }
    });
    constexpr int kEvents = EventQueue::kMaxPendingEvents;
    for (int i = 0; i < kEvents; ++i)
        queue.post(traffic(EventKind::Data, 1 + quint64(i), 1));
    QTRY_COMPARE_WITH_TIMEOUT(messages, qint64(kEvents), 5000);
    QVERIFY(ordered);
    QVERIFY(sizes.size() >= kEvents / EventQueue::kMaxDelivery);
    for (int size : sizes)
        QVERIFY(size <= EventQueue::kMaxDelivery);
}

QTEST_GUILESS_MAIN(TestEventQueue)
#include "tst_eventqueue.moc"

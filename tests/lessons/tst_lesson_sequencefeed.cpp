#include "lessons/sequencemodel.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace socketlab;

namespace {
const QString kServer = QStringLiteral("127.0.0.1:5000");
const QString kNobody = QStringLiteral("127.0.0.1:5999");

QString clientAddress(int client)
{
    return QStringLiteral("127.0.0.1:%1").arg(40000 + client);
}

// One stream as its reader delivers it: in its own order, each event stamped with the clock
// of the call it came from (sometimes only the millisecond, as events made by hand are).
struct Stream
{
    SocketEvents events;
    qint64 clockUs = 1000000000;

    SocketEvent &add(Role role, EventKind kind, quint64 connection, QRandomGenerator &random)
    {
        SocketEvent e(kind, role);
        // Coarse steps: events of different streams often share a moment.
        clockUs += 1000 * random.bounded(3);
        e.beginUs = clockUs;
        clockUs += 1000 * random.bounded(2);
        if (random.bounded(8) == 0) {
            e.time = QDateTime::fromMSecsSinceEpoch(clockUs / 1000, QTimeZone::utc());
        } else {
            e.setEndUs(clockUs);
            if (kind == EventKind::Sent || kind == EventKind::Connected)
                e.causeUs = e.beginUs;
        }
        e.connectionId = connection;
        events << e;
        return events.last();
    }
};

// A lesson run: clients that connect, talk and leave (one tries a port nobody listens on),
// a server that accepts, echoes and reports; `rounds` messages per client.
QVector<SocketEvents> lessonRun(QRandomGenerator &random, int clients, int rounds)
{
    QVector<SocketEvents> streams;
    Stream server;
    server.add(Role::Server, EventKind::Listening, 0, random).local = kServer;
    for (int c = 1; c <= clients; ++c) {
        Stream client;
        client.clockUs = server.clockUs + 1000 * random.bounded(20);
        const bool refused = c == clients && clients > 2;
        const QString target = refused ? kNobody : kServer;
        SocketEvent &connected = client.add(Role::Client, EventKind::Connected, c, random);
        connected.local = clientAddress(c);
        connected.peer = target;
        if (refused) {
            SocketEvent &error = client.add(Role::Client, EventKind::Error, c, random);
            error.call = SysCall::Connect;
            error.args = kNobody;
            streams << client.events;
            continue;
        }
        server.clockUs = qMax(server.clockUs, client.clockUs);
        SocketEvent &accepted = server.add(Role::Server, EventKind::Connected, c, random);
        accepted.peer = clientAddress(c);
        accepted.clientId = c;
        for (int r = 0; r < rounds; ++r) {
            const QByteArray text = QByteArray("message ") + QByteArray::number(r);
            SocketEvent &sent = client.add(Role::Client, EventKind::Sent, c, random);
            sent.local = clientAddress(c);
            sent.peer = kServer;
            sent.payload = text;
            sent.bytes = text.size();
            server.clockUs = qMax(server.clockUs, client.clockUs - 2000);
            SocketEvent &data = server.add(Role::Server, EventKind::Data, c, random);
            data.peer = clientAddress(c);
            data.clientId = c;
            data.payload = text;
            data.bytes = text.size();
            SocketEvent &reply = server.add(Role::Server, EventKind::Sent, c, random);
            reply.peer = clientAddress(c);
            reply.clientId = c;
            reply.payload = text;
            reply.bytes = text.size();
            client.clockUs = qMax(client.clockUs, server.clockUs - 2000);
            SocketEvent &received = client.add(Role::Client, EventKind::Received, c, random);
            received.peer = kServer;
            received.payload = text;
            received.bytes = text.size();
        }
        client.add(Role::Client, EventKind::Disconnected, c, random).peer = kServer;
        SocketEvent &closed = server.add(Role::Server, EventKind::Disconnected, c, random);
        closed.peer = clientAddress(c);
        closed.clientId = c;
        streams << client.events;
    }
    server.add(Role::Server, EventKind::Summary, 0, random);
    streams.prepend(server.events);
    return streams;
}

// The streams as LabSession hands them on: a batch of one stream at a time, so a batch is
// often earlier than the events before it.
QVector<SocketEvents> batches(const QVector<SocketEvents> &streams, QRandomGenerator &random,
                              int largest)
{
    QVector<SocketEvents> out;
    QVector<int> next(streams.size(), 0);
    int left = 0;
    for (const SocketEvents &s : streams)
        left += int(s.size());
    while (left > 0) {
        const int s = random.bounded(int(streams.size()));
        const int count = qMin(int(streams[s].size()) - next[s], 1 + random.bounded(largest));
        if (count <= 0)
            continue;
        out << streams[s].mid(next[s], count);
        next[s] += count;
        left -= count;
    }
    return out;
}

QString describe(const SequenceModel &model)
{
    QStringList lines;
    for (const SequenceLane &lane : model.lanes())
        lines << QStringLiteral("lane %1 %2 %3").arg(lane.title, lane.subtitle).arg(lane.colour);
    for (const SequenceItem &item : model.items()) {
        lines << QStringLiteral("%1 %2>%3 %4-%5 %6")
                     .arg(int(item.kind))
                     .arg(item.fromLane)
                     .arg(item.toLane)
                     .arg(item.row)
                     .arg(item.endRow)
                     .arg(item.label);
    }
    lines << QStringLiteral("rows %1").arg(model.rowCount());
    return lines.join(QLatin1Char('\n'));
}
} // namespace

class TestLessonSequenceFeed : public QObject
{
    Q_OBJECT

private slots:
    void sameAsTheFullSort_data()
    {
        QTest::addColumn<int>("clients");
        QTest::addColumn<int>("rounds");
        QTest::addColumn<int>("largest");
        QTest::addColumn<int>("seeds");
        // The cap's row sorts everything again after each of its many batches: fewer seeds
        // keep it short under the sanitizers.
        QTest::newRow("one client, single events") << 1 << 5 << 1 << 20;
        QTest::newRow("three clients, a refused one") << 3 << 6 << 4 << 20;
        QTest::newRow("five clients past the cap") << 5 << 30 << 12 << 6;
    }

    // The diagram fed batch by batch is, after every batch, byte for byte the diagram made
    // from everything so far by sorting it whole (order, lanes, rows, labels, arrival rows).
    void sameAsTheFullSort()
    {
        QFETCH(int, clients);
        QFETCH(int, rounds);
        QFETCH(int, largest);
        QFETCH(int, seeds);
        for (quint32 seed = 1; seed <= quint32(seeds); ++seed) {
            QRandomGenerator random(seed);
            const QVector<SocketEvents> fed
                = batches(lessonRun(random, clients, rounds), random, largest);
            SequenceModel incremental;
            SequenceModel full;
            SocketEvents all;
            for (const SocketEvents &batch : fed) {
                // Sometimes a client's connect() waits while the batch arrives.
                if (random.bounded(4) == 0) {
                    const QList<quint64> pending {quint64(1 + random.bounded(clients))};
                    incremental.setPendingConnects(pending);
                    incremental.redrawPending();
                    full.setPendingConnects(pending);
                }
                all += batch;
                incremental.appendEvents(batch);
                full.setEvents(all);
                QCOMPARE(incremental.events().size(), all.size());
                QCOMPARE(incremental.order(), full.order());
                QCOMPARE(describe(incremental), describe(full));
            }
            if (clients == 5)
                QVERIFY(full.items().size() >= SequenceModel::kMaxItems); // the cap holds
        }
    }

    // Events per second the lesson window's model takes, sorting everything on each batch
    // (as it did) and fed incrementally. Printed only: the machine's speed is not asserted.
    void measure()
    {
        QRandomGenerator random(7);
        const QVector<SocketEvents> fed = batches(lessonRun(random, 8, 60), random, 16);
        qint64 events = 0;
        for (const SocketEvents &batch : fed)
            events += batch.size();

        QElapsedTimer timer;
        timer.start();
        SequenceModel full;
        SocketEvents all;
        for (const SocketEvents &batch : fed) {
            all += batch;
            full.setEvents(all);
        }
        const qint64 fullNs = qMax<qint64>(1, timer.nsecsElapsed());

        timer.restart();
        SequenceModel incremental;
        for (const SocketEvents &batch : fed)
            incremental.appendEvents(batch);
        const qint64 incrementalNs = qMax<qint64>(1, timer.nsecsElapsed());

        QCOMPARE(incremental.order(), full.order());
        QCOMPARE(describe(incremental), describe(full));
        qInfo("%lld events in %lld batches: full sort per batch %.0f events/s, incremental "
              "%.0f events/s",
              events, qint64(fed.size()), events * 1e9 / fullNs, events * 1e9 / incrementalNs);
    }
};

QTEST_MAIN(TestLessonSequenceFeed)
#include "tst_lesson_sequencefeed.moc"

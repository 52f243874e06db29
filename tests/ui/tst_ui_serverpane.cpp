#include "ui/models/eventlistmodel.h"
#include "ui/serverpane.h"

#include <QLabel>
#include <QTest>

using namespace socketlab;

// The server pane's counters line.
class TestServerPane : public QObject
{
    Q_OBJECT

private slots:
    // A UDP server says where the missing datagrams went: the kernel dropped them.
    void udpCountersShowTheKernelsDrops()
    {
        ServerPane pane;
        SocketEvent listening(EventKind::Listening, Role::Server);
        listening.protocol = Protocol::Udp;
        listening.local = QStringLiteral("127.0.0.1:5000");
        pane.appendEvents({listening});
        ServerTotals totals;
        totals.connections = 2;
        totals.messages = 435964;
        totals.bytes = 446427136;
        totals.dropped = 2564036;
        pane.setTotals(totals);
        auto *counters = pane.findChild<QLabel *>(QStringLiteral("serverCounters"));
        QVERIFY(counters);
        const QLocale locale;
        QVERIFY2(
            counters->text().contains(
                QStringLiteral("Dropped by the kernel: %1").arg(locale.toString(totals.dropped))),
            qPrintable(counters->text()));
        QVERIFY(counters->toolTip().contains(QStringLiteral("receive buffer")));
    }

    // TCP has no such count: the line is the connections' one.
    void tcpCountersHaveNoDrops()
    {
        ServerPane pane;
        SocketEvent listening(EventKind::Listening, Role::Server);
        listening.protocol = Protocol::Tcp;
        pane.appendEvents({listening});
        ServerTotals totals;
        totals.connections = 1;
        pane.setTotals(totals);
        auto *counters = pane.findChild<QLabel *>(QStringLiteral("serverCounters"));
        QVERIFY(counters->text().startsWith(QStringLiteral("Connections: 1")));
        QVERIFY(!counters->text().contains(QStringLiteral("Dropped")));
    }

    // A class's TCP states would bury the lab's own events: a student's go to the stream and
    // the connections table, not the log; the session's own clients' are logged.
    void studentsStatesStayOutOfTheLog()
    {
        ServerPane pane;
        SocketEvent listening(EventKind::Listening, Role::Server);
        listening.local = QStringLiteral("127.0.0.1:5000");
        listening.sequence = 1;
        SocketEvents events {listening};
        for (int i = 0; i < 36; ++i) {
            SocketEvent state(EventKind::State, Role::Server);
            state.local = listening.local;
            state.peer = QStringLiteral("127.0.0.%1:40000").arg(i + 2);
            state.socketState = int(SocketState::Established);
            state.stateChange = StateChange::Appeared;
            state.sequence = quint64(i + 2);
            events << state;
        }
        SocketEvent own(EventKind::State, Role::Server);
        own.local = listening.local;
        own.peer = QStringLiteral("127.0.0.1:40001");
        own.socketState = int(SocketState::Established);
        own.clientId = 1;
        own.sequence = 100;
        events << own;
        pane.appendEvents(events);
        QCOMPARE(pane.logModel()->rowCount(), 2); // listening and Client 1's state
    }
};

QTEST_MAIN(TestServerPane)
#include "tst_ui_serverpane.moc"

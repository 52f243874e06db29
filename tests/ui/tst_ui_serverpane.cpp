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
        QVERIFY2(counters->text().contains(QStringLiteral("Dropped by the kernel: %1")
                                               .arg(locale.toString(totals.dropped))),
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
};

QTEST_MAIN(TestServerPane)
#include "tst_ui_serverpane.moc"

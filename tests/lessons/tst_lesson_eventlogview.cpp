#include "ui/lessons/eventlogview.h"

#include <QTest>

using namespace socketlab;

namespace {
SocketEvent call(Role role, SysCall c, qint64 beginUs, qint64 endUs)
{
    SocketEvent e(EventKind::Call, role);
    e.call = c;
    e.beginUs = beginUs;
    e.setEndUs(endUs);
    e.connectionId = 1;
    e.result = 2;
    return e;
}
} // namespace

class TestLessonEventLogView : public QObject
{
    Q_OBJECT

private slots:
    // The server's batch arrives first; the client's send, entered before the server's recv
    // returned, still shows above it, and the later lines follow in order.
    void linesInCausalOrder()
    {
        EventLogView view;
        view.appendEvents({call(Role::Server, SysCall::Accept, 1000, 2000),
                           call(Role::Server, SysCall::Recv, 2100, 3500),
                           call(Role::Server, SysCall::Send, 3600, 3700)});
        view.appendEvents({call(Role::Client, SysCall::Connect, 500, 900),
                           call(Role::Client, SysCall::Send, 3000, 3100),
                           call(Role::Client, SysCall::Recv, 3200, 3800)});
        const QStringList lines = view.toPlainText().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 6);
        const QStringList calls = {"connect(", "accept(", "send(", "recv(", "send(", "recv("};
        for (int i = 0; i < lines.size(); ++i)
            QVERIFY2(lines[i].contains(calls[i]), qPrintable(lines[i]));
        QVERIFY2(lines[2].contains(QLatin1String("Client")), qPrintable(lines[2]));
        QVERIFY2(lines[3].contains(QLatin1String("Server")), qPrintable(lines[3]));
        // In order already: appended as it comes.
        view.appendEvents({call(Role::Client, SysCall::Close, 4000, 4100)});
        QVERIFY(
            view.toPlainText().split(QLatin1Char('\n')).last().contains(QLatin1String("close(")));
        QCOMPARE(view.toPlainText().split(QLatin1Char('\n')).size(), 7);
    }
};

QTEST_MAIN(TestLessonEventLogView)
#include "tst_lesson_eventlogview.moc"

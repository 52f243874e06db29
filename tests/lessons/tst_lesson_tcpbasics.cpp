#include "core/capturepermission.h"
#include "lessons/sequencemodel.h"
#include "tests/lessons/lessontestsupport.h"

using namespace socketlab;

class TestLessonTcpBasics : public QObject
{
    Q_OBJECT

private slots:
    void callSequences()
    {
        LessonController controller;
        QVERIFY(lessontest::runToEnd(controller, 2));
        const LessonRuntime &rt = *controller.runtime();
        // The server's calls in the recipe's order.
        int last = -1;
        for (const SysCall call : {SysCall::Socket, SysCall::Bind, SysCall::Listen, SysCall::Accept,
                                   SysCall::Recv, SysCall::Close}) {
            const int at = rt.indexOf(LessonRuntime::serverCall(call), last + 1);
            QVERIFY2(at > last, qPrintable(sysCallName(call)));
            last = at;
        }
        // The client's, among its own events.
        last = -1;
        for (const SysCall call : {SysCall::Getaddrinfo, SysCall::Getprotobyname, SysCall::Socket,
                                   SysCall::Connect, SysCall::Send, SysCall::Close}) {
            const int at = rt.indexOf(
                [call](const SocketEvent &e) {
                    return e.role == Role::Client && e.kind == EventKind::Call && e.call == call;
                },
                last + 1);
            QVERIFY2(at > last, qPrintable(sysCallName(call)));
            last = at;
        }
        QVERIFY2(controller.outcome().passed, qPrintable(controller.outcome().text));
    }

    void handshakeOnTheWire()
    {
        if (CapturePermission::way() == CapturePermission::Way::None)
            QSKIP("Capturing is not allowed here (no CAP_NET_RAW, no permitted dumpcap).");
        LessonController controller;
        QVERIFY(controller.lesson(lessontest::lessonIndex(2))->showsWire);
        QVERIFY(lessontest::runToStep(controller, 2, 4)); // connected, and the data sent
        const LessonRuntime &rt = *controller.runtime();
        QVERIFY(rt.capturesWire());
        QVERIFY(rt.wireNote().isEmpty());
        // The packets come a moment after the calls (the capture links each to its call).
        SequenceModel model;
        const auto packetLabels = [&model] {
            QStringList labels;
            for (const SequenceItem &item : model.items()) {
                if (item.kind == SequenceItem::Kind::Packet)
                    labels << item.label;
            }
            return labels;
        };
        QTRY_VERIFY_WITH_TIMEOUT((model.setEvents(rt.events()),
                                  packetLabels().contains(QStringLiteral("PSH ACK len=5"))),
                                 lessontest::kStepWaitMs);
        // connect()'s arrow, then SYN, SYN ACK, ACK between the client's lane and the
        // server's, then accept(): it sent nothing.
        const int client = model.clientLane(1);
        const int server = model.serverLane();
        int connectRow = -1;
        int acceptRow = -1;
        for (const SequenceItem &item : model.items()) {
            if (item.kind == SequenceItem::Kind::Connect && connectRow < 0)
                connectRow = item.row;
            if (item.kind == SequenceItem::Kind::Mark
                && item.label.startsWith(QLatin1String("accept()")) && acceptRow < 0)
                acceptRow = item.row;
        }
        QVERIFY(connectRow >= 0);
        QVERIFY(acceptRow > connectRow);
        QStringList handshake;
        for (const SequenceItem &item : model.items()) {
            if (item.kind != SequenceItem::Kind::Packet || item.row > acceptRow)
                continue;
            QVERIFY(item.row > connectRow);
            const bool fromClient = item.label != QLatin1String("SYN ACK");
            QCOMPARE(item.fromLane, fromClient ? client : server);
            QCOMPARE(item.toLane, fromClient ? server : client);
            handshake << item.label;
        }
        QCOMPARE(
            handshake,
            QStringList({QStringLiteral("SYN"), QStringLiteral("SYN ACK"), QStringLiteral("ACK")}));
        // Nothing on the wire was caused by accept().
        for (const SocketEvent &e : rt.events())
            QVERIFY(e.kind != EventKind::Packet || e.packet.cause != SysCall::Accept);
    }
};

QTEST_MAIN(TestLessonTcpBasics)
#include "tst_lesson_tcpbasics.moc"

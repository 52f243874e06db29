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
};

QTEST_MAIN(TestLessonTcpBasics)
#include "tst_lesson_tcpbasics.moc"

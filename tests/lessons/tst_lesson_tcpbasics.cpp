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
        for (const char *call : {"socket", "bind", "listen", "accept", "recv", "close"}) {
            const int at = rt.indexOf(LessonRuntime::serverCall(QString::fromLatin1(call)), last + 1);
            QVERIFY2(at > last, call);
            last = at;
        }
        // The client's, among its own events.
        last = -1;
        for (const char *call : {"getaddrinfo", "getprotobyname", "socket", "connect", "send", "close"}) {
            const int at = rt.indexOf([call](const SocketEvent &e) {
                return e.role == Role::Client && e.kind == EventKind::Call
                    && e.call == QLatin1String(call);
            }, last + 1);
            QVERIFY2(at > last, call);
            last = at;
        }
        QVERIFY2(controller.outcome().passed, qPrintable(controller.outcome().text));
    }
};

QTEST_MAIN(TestLessonTcpBasics)
#include "tst_lesson_tcpbasics.moc"

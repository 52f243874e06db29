#include "ui/lessons/refusedlesson.h"

#include "ui/lessons/lessonruntime.h"

#include <cerrno>

namespace socketlab {

namespace {
constexpr int kSilenceMs = 700;

bool clientFailed(const SocketEvent &e, SysCall call)
{
    return e.role == Role::Client && e.kind == EventKind::Error && e.call == call;
}
}

QString RefusedLesson::title() const
{
    return tr("Refused vs silent: nobody on the port");
}

CodeListing RefusedLesson::code() const
{
    CodeListing listing;
    listing.c = QStringList{
        QStringLiteral("/* TCP */"),
        QStringLiteral("s = socket(AF_INET, SOCK_STREAM, 0);"),
        QStringLiteral("if (connect(s, (void *)&closed, len) < 0)"),
        QStringLiteral("  perror(\"connect\"); /* ECONNREFUSED */"),
        QStringLiteral("/* UDP */"),
        QStringLiteral("u = socket(AF_INET, SOCK_DGRAM, 0);"),
        QStringLiteral("n = sendto(u, \"anyone?\", 7, 0,"),
        QStringLiteral("           (void *)&closed, len); /* 7 */"),
    };
    listing.python = QStringList{
        QStringLiteral("# TCP"),
        QStringLiteral("s = socket.socket(AF_INET, SOCK_STREAM)"),
        QStringLiteral("s.connect(('127.0.0.1', CLOSED))"),
        QStringLiteral("# -> ConnectionRefusedError"),
        QStringLiteral("# UDP"),
        QStringLiteral("u = socket.socket(AF_INET, SOCK_DGRAM)"),
        QStringLiteral("u.sendto(b'anyone?', ('127.0.0.1', CLOSED))"),
        QStringLiteral("# -> 7, and nothing else happens"),
    };
    return listing;
}

LessonSteps RefusedLesson::steps() const
{
    LessonSteps steps;
    LessonStep s;
    s.title = tr("TCP: connect to a closed port");
    s.explanation = tr("The client connects to a port where nothing listens. The system on the "
                       "other side answers the handshake with a reset, so connect() fails at "
                       "once with \"connection refused\".");
    s.observe = tr("Event log: connect() failed: Connection refused, within milliseconds.");
    s.target = ObserveTarget::Log;
    s.cLine = 2;
    s.pythonLine = 2;
    s.enter = [](LessonRuntime &rt) {
        const quint16 port = LessonRuntime::closedPort(Protocol::Tcp);
        rt.setFact(QStringLiteral("tcpPort"), port);
        rt.connectClient(1, Protocol::Tcp, port);
    };
    s.settled = [](LessonRuntime &rt) {
        const int i = rt.indexOf([](const SocketEvent &e) { return clientFailed(e, SysCall::Connect); });
        if (i >= 0) {
            rt.setFact(QStringLiteral("tcpErrno"), rt.events().at(i).errnum);
            rt.setFact(QStringLiteral("refusedAfterMs"), rt.msInStep());
        }
        return i >= 0;
    };
    steps << s;

    s = LessonStep();
    s.title = tr("UDP: send to a closed port");
    s.explanation = tr("A UDP server waits on one port; the client sends to another one (a "
                       "typo in the port number), where nothing listens. sendto() \"succeeds\": "
                       "it only hands the datagram to the system. Nothing arrives, and without "
                       "a connected socket the client is never told.");
    s.observe = tr("Event log: sendto() returned 7 bytes; the server logs nothing.");
    s.target = ObserveTarget::Log;
    s.cLine = 6;
    s.pythonLine = 6;
    s.enter = [](LessonRuntime &rt) {
        ServerConfig config;
        config.port = 0;
        config.protocol = Protocol::Udp;
        rt.startServer(config);
        const quint16 port = LessonRuntime::closedPort(Protocol::Udp);
        rt.setFact(QStringLiteral("udpPort"), port);
        rt.connectClient(2, Protocol::Udp, port);
        rt.client(2)->send(QByteArrayLiteral("anyone?"));
    };
    s.settled = [](LessonRuntime &rt) {
        return rt.count(LessonRuntime::clientEvent(2, EventKind::Sent)) > 0 && rt.msInStep() >= kSilenceMs;
    };
    steps << s;
    return steps;
}

LessonOutcome RefusedLesson::outcome(const LessonRuntime &rt) const
{
    const int tcpErrno = rt.fact(QStringLiteral("tcpErrno")).toInt();
    qint64 udpSent = -1;
    for (const SocketEvent &e : rt.events()) {
        if (e.role == Role::Client && e.kind == EventKind::Call && e.call == SysCall::Sendto)
            udpSent = e.result;
    }
    const int arrived = rt.count(LessonRuntime::serverEvent(EventKind::Data));
    LessonOutcome outcome;
    outcome.passed = tcpErrno == ECONNREFUSED && udpSent > 0 && arrived == 0;
    outcome.text = tr("TCP connect() refused after %1 ms. UDP sendto() returned %2; datagrams "
                      "the server received: %3.")
                       .arg(rt.fact(QStringLiteral("refusedAfterMs")).toLongLong())
                       .arg(udpSent)
                       .arg(arrived);
    return outcome;
}

} // namespace socketlab

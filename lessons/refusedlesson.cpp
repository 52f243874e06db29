#include "lessons/lessons.h"

#include "lessons/lessonruntime.h"
#include "lessons/lessonsteps.h"

#include <QCoreApplication>

#include <cerrno>

namespace socketlab {

using namespace lessonsteps;

// Names the translation context of the lesson's texts.
struct RefusedLesson
{
    static LessonScript build();
    Q_DECLARE_TR_FUNCTIONS(RefusedLesson)
};

namespace {
constexpr int kSilenceMs = 700;

bool clientFailed(const SocketEvent &e, SysCall call)
{
    return e.role == Role::Client && e.kind == EventKind::Error && e.call == call;
}

LessonOutcome outcomeOf(const LessonRuntime &rt, const RefusedFacts &facts)
{
    qint64 udpSent = -1;
    for (const SocketEvent &e : rt.events()) {
        if (e.role == Role::Client && e.kind == EventKind::Call && e.call == SysCall::Sendto)
            udpSent = e.result;
    }
    const int arrived = rt.count(LessonRuntime::serverEvent(EventKind::Data));
    LessonOutcome outcome;
    outcome.passed = facts.tcpErrno == ECONNREFUSED && udpSent > 0 && arrived == 0;
    outcome.text = RefusedLesson::tr(
                       "TCP connect() refused after %1 ms. UDP sendto() returned %2; datagrams "
                       "the server received: %3.")
                       .arg(facts.refusedAfterMs)
                       .arg(udpSent)
                       .arg(arrived);
    return outcome;
}
} // namespace

LessonScript RefusedLesson::build()
{
    LessonScript script;
    const auto facts = script.makeFacts<RefusedFacts>();
    script.title = tr("Refused vs silent: nobody on the port");
    script.listing.c = {
        ListingLine::commentLine(tr("TCP: connect to a closed port")),
        "s = socket(AF_INET, SOCK_STREAM, 0);",
        {"connect", "if (connect(s, (void *)&closed, len) < 0)"},
        ListingLine::commentLine(tr("fails: ECONNREFUSED")),
        "  perror(\"connect\");",
        ListingLine::commentLine(tr("UDP: send to a closed port")),
        "u = socket(AF_INET, SOCK_DGRAM, 0);",
        ListingLine::commentLine(tr("returns 7, and nothing else happens")),
        {"sendto", "n = sendto(u, \"anyone?\", 7, 0,"},
        "           (void *)&closed, len);",
    };
    script.listing.python = {
        ListingLine::commentLine(tr("TCP: connect to a closed port")),
        "s = socket.socket(AF_INET, SOCK_STREAM)",
        {"connect", "s.connect(('127.0.0.1', CLOSED))"},
        ListingLine::commentLine(tr("fails: ConnectionRefusedError")),
        ListingLine::commentLine(tr("UDP: send to a closed port")),
        "u = socket.socket(AF_INET, SOCK_DGRAM)",
        {"sendto", "u.sendto(b'anyone?', ('127.0.0.1', CLOSED))"},
        ListingLine::commentLine(tr("returns 7, and nothing else happens")),
    };
    script.steps = {
        {tr("TCP: connect to a closed port"),
         tr("The client connects to a port where nothing listens. The system on the "
            "other side answers the handshake with a reset, so connect() fails at "
            "once with \"connection refused\"."),
         tr("Event log: connect() failed: Connection refused, within milliseconds."),
         ObserveTarget::Log, "connect",
         [facts](LessonRuntime &rt) {
             facts->tcpPort = LessonRuntime::closedPort(Protocol::Tcp);
             rt.connectClient(1, Protocol::Tcp, facts->tcpPort);
         },
         [facts](LessonRuntime &rt) {
             const int i = rt.indexOf(
                 [](const SocketEvent &e) { return clientFailed(e, SysCall::Connect); });
             if (i >= 0) {
                 facts->tcpErrno = rt.events().at(i).errnum;
                 facts->refusedAfterMs = rt.msInStep();
             }
             return i >= 0;
         }},
        {tr("UDP: send to a closed port"),
         tr("A UDP server waits on one port; the client sends to another one (a "
            "typo in the port number), where nothing listens. sendto() \"succeeds\": "
            "it only hands the datagram to the system. Nothing arrives, and without "
            "a connected socket the client is never told."),
         tr("Event log: sendto() returned 7 bytes; the server logs nothing."), ObserveTarget::Log,
         "sendto",
         all({startServer(server(Protocol::Udp)),
              [facts](LessonRuntime &rt) {
                  facts->udpPort = LessonRuntime::closedPort(Protocol::Udp);
                  rt.connectClient(2, Protocol::Udp, facts->udpPort);
              },
              clientSends(2, QByteArrayLiteral("anyone?"))}),
         untilSentAndQuiet(2, kSilenceMs)},
    };
    script.showsWire = true;
    script.steps[0].wire = tr("The SYN goes out and RST ACK comes back at once from the "
                              "closed port: that reset is the \"connection refused\".");
    script.steps[1].wire = tr("The datagram (UDP len=7) goes out and the system answers "
                              "ICMP port unreachable; an unconnected UDP socket never "
                              "hears of it.");
    script.outcome = [facts](const LessonRuntime &rt) { return outcomeOf(rt, *facts); };
    return script;
}

LessonScript refusedLesson()
{
    return RefusedLesson::build();
}

} // namespace socketlab

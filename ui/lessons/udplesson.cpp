#include "ui/lessons/lessons.h"

#include "ui/lessons/lessonruntime.h"
#include "ui/lessons/lessonsteps.h"

#include <QCoreApplication>
#include <QSet>

namespace socketlab {

using namespace lessonsteps;

// Names the translation context of the lesson's texts.
struct UdpLesson
{
    static LessonScript build();
    Q_DECLARE_TR_FUNCTIONS(UdpLesson)
};

namespace {
LessonOutcome outcomeOf(const LessonRuntime &rt)
{
    QSet<QString> senders;
    for (const SocketEvent &e : rt.events()) {
        if (e.role == Role::Server && e.kind == EventKind::Data)
            senders.insert(e.peer);
    }
    const int accepted = rt.count(LessonRuntime::serverEvent(EventKind::Connected));
    LessonOutcome outcome;
    outcome.passed = senders.size() >= 2 && accepted == 0;
    outcome.text = UdpLesson::tr("%1 different senders, %2 connections accepted.")
                       .arg(senders.size())
                       .arg(accepted);
    return outcome;
}
}

LessonScript UdpLesson::build()
{
    LessonScript script;
    script.title = tr("UDP: datagrams without connections");
    script.listing.c = {
        ListingLine::commentLine(tr("server")),
        "s = socket(AF_INET, SOCK_DGRAM, 0);",
        {"bind", "bind(s, (void *)&addr, sizeof addr);"},
        "for (;;) {",
        {"recvfrom", "  n = recvfrom(s, buf, 1024, 0,"},
        "               (void *)&from, &len);",
        {"print", "  printf(\"%s %.*s\\n\", who(&from), n, buf);"},
        "}",
        ListingLine::commentLine(tr("client")),
        "c = socket(AF_INET, SOCK_DGRAM, 0);",
        {"sendto", "sendto(c, msg, len, 0,"},
        "       (void *)&srv, sizeof srv);",
    };
    script.listing.python = {
        ListingLine::commentLine(tr("server")),
        "udp = socket.socket(AF_INET, SOCK_DGRAM)",
        {"bind", "udp.bind(('127.0.0.1', PORT))"},
        "while True:",
        {"recvfrom", "    msg, cliente = udp.recvfrom(1024)"},
        {"print", "    print(cliente, msg)"},
        ListingLine::commentLine(tr("client")),
        "c = socket.socket(AF_INET, SOCK_DGRAM)",
        {"sendto", "c.sendto(msg, ('127.0.0.1', PORT))"},
    };
    script.steps = {
        {tr("A UDP server binds a port"),
         tr("The server makes a datagram socket and binds it to a local address and "
            "port. There is no listen() and no accept(): UDP has no connections."),
         tr("Event log: \"Waiting for datagrams on ...\"."), ObserveTarget::Log, "bind",
         startServer(server(Protocol::Udp)), untilListening()},
        {tr("The server waits in recvfrom()"),
         tr("One call serves every sender: recvfrom() returns the next datagram, "
            "whoever sent it, together with the sender's address."),
         tr("Processes: the server's receive thread is sleeping until a datagram comes."),
         ObserveTarget::Processes, "recvfrom", {}, {}},
        {tr("Client A sends a datagram"),
         tr("Client A makes its own datagram socket and sends at once: no connect(), "
            "no handshake. The system gives it an ephemeral port on its first send."),
         tr("Sequence diagram: one arrow from client A to the server, with no connect before it."),
         ObserveTarget::Diagram, "sendto",
         connectClient(1, Protocol::Udp, QByteArrayLiteral("hello from A")), untilDataFrom(1)},
        {tr("Client B sends a datagram"),
         tr("A second client sends to the same server socket. The server tells the "
            "two apart only by the address each datagram came from."),
         tr("Event log: the two lines show different client addresses (different ports)."),
         ObserveTarget::Log, "print",
         connectClient(2, Protocol::Udp, QByteArrayLiteral("hello from B")), untilDataFrom(2)},
        {tr("Client A sends again"),
         tr("Nothing was kept between A's two datagrams: the server simply receives "
            "another datagram from the same address."),
         tr("Event log: A's second line has the same address as its first."), ObserveTarget::Log,
         "recvfrom", clientSends(1, QByteArrayLiteral("A again")), untilDataFrom(1, 2)},
    };
    script.outcome = &outcomeOf;
    return script;
}

LessonScript udpLesson()
{
    return UdpLesson::build();
}

} // namespace socketlab

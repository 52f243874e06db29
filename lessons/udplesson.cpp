#include "lessons/lessons.h"

#include "lessons/lessonruntime.h"
#include "lessons/lessonsteps.h"

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
using Facts = std::shared_ptr<UdpFacts>;

// The last step: SO_RCVBUF 4096 (Linux doubles it) holds only a few 1 KiB datagrams, each
// charged with its buffer overhead too; client C sends far more than that.
constexpr int kFloodClient = 3;
constexpr int kReceiveBuffer = 4096;
constexpr int kFloodDatagrams = 100;
constexpr int kFloodSize = 1024;

// Step 5: longer than the recipe's 1024-byte buffer, so recvfrom() cuts it.
QByteArray longDatagram()
{
    return QByteArrayLiteral("A again, 2,000 bytes this time: ").leftJustified(2000, '.');
}

ServerConfig smallPausedServer()
{
    ServerConfig c = server(Protocol::Udp);
    c.receiveBuffer = kReceiveBuffer;
    c.pauseReading = true;
    return c;
}

LessonStep::Enter flood()
{
    return [](LessonRuntime &rt) {
        rt.connectClient(kFloodClient, Protocol::Udp, rt.serverPort());
        for (int i = 0; i < kFloodDatagrams; ++i)
            rt.client(kFloodClient)->send(QByteArray(kFloodSize, char('0' + i % 10)));
    };
}

// Once C's every sendto() returned, the server reads; done when each datagram is either
// received or counted by the kernel as dropped.
bool floodAccounted(LessonRuntime &rt, UdpFacts &facts)
{
    facts.sent = rt.count(LessonRuntime::clientEvent(kFloodClient, EventKind::Sent));
    if (facts.sent < kFloodDatagrams)
        return false;
    if (!facts.resumed) {
        rt.server()->resumeReading();
        facts.resumed = true;
    }
    const ServerTotals totals = rt.server()->totals();
    facts.received = totals.messages;
    facts.dropped = totals.dropped;
    // ... and the received ones are in the event log too (the totals lead the events).
    return facts.received + facts.dropped >= facts.sent
        && rt.dataFrom(kFloodClient) >= facts.received;
}

LessonOutcome outcomeOf(const LessonRuntime &rt, const UdpFacts &facts)
{
    QSet<QString> senders;
    for (const SocketEvent &e : rt.events()) {
        if (e.role == Role::Server && e.kind == EventKind::Data)
            senders.insert(e.peer);
    }
    const int accepted = rt.count(LessonRuntime::serverEvent(EventKind::Connected));
    LessonOutcome outcome;
    outcome.passed = senders.size() >= 2 && accepted == 0 && facts.sent == kFloodDatagrams
        && facts.dropped > 0 && facts.received + facts.dropped == facts.sent;
    outcome.text = UdpLesson::tr("%1 different senders, %2 connections accepted.")
                       .arg(senders.size())
                       .arg(accepted);
    if (facts.resumed) {
        outcome.text += QLatin1Char(' ')
            + UdpLesson::tr("Client C sent %1 datagrams, the server received %2; dropped by the "
                            "kernel: %3 (receive buffer full).")
                  .arg(facts.sent)
                  .arg(facts.received)
                  .arg(facts.dropped);
    }
    return outcome;
}
} // namespace

LessonScript UdpLesson::build()
{
    LessonScript script;
    const auto facts = script.makeFacts<UdpFacts>();
    script.title = tr("UDP: datagrams without connections");
    script.listing.c = {
        ListingLine::commentLine(tr("server")),
        "s = socket(AF_INET, SOCK_DGRAM, 0);",
        {"bind", "bind(s, (void *)&addr, sizeof addr);"},
        "for (;;) {",
        {"recvfrom", "  n = recvfrom(s, buf, 1024, 0,", tr("longer: the rest is lost")},
        "               (void *)&from, &len);",
        {"print", "  printf(\"%s %.*s\\n\", who(&from), n, buf);"},
        "}",
        ListingLine::commentLine(tr("client")),
        "c = socket(AF_INET, SOCK_DGRAM, 0);",
        {"sendto", "sendto(c, msg, len, 0,"},
        "       (void *)&srv, sizeof srv);",
        ListingLine::commentLine(tr("step 6: a small buffer")),
        "int size = 4096;",
        "setsockopt(s, SOL_SOCKET, SO_RCVBUF,",
        "           &size, sizeof size);",
        ListingLine::commentLine(tr("client C: 100 at once")),
        {"flood", "for (i = 0; i < 100; i++)"},
        {"  sendto(c, buf, 1024, 0,", tr("buffer full: dropped, no error")},
        "         (void *)&srv, sizeof srv);",
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
        ListingLine::commentLine(tr("step 6: a small buffer")),
        "udp.setsockopt(SOL_SOCKET, SO_RCVBUF, 4096)",
        ListingLine::commentLine(tr("client C: 100 at once")),
        ListingLine::commentLine(tr("buffer full: dropped, no error")),
        {"flood", "for i in range(100):"},
        "    c.sendto(b'x' * 1024, ('127.0.0.1', PORT))",
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
         ObserveTarget::Processes,
         "recvfrom",
         {},
         {}},
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
        {tr("Client A sends again: 2,000 bytes"),
         tr("Nothing was kept between A's two datagrams: the server simply receives "
            "another datagram from the same address. This one holds 2,000 bytes, but "
            "recvfrom(s, buf, 1024, ...) gives only the first 1,024: a datagram is read whole "
            "in one call, and what does not fit in the buffer is thrown away, with no error. "
            "SocketLab asks with the MSG_TRUNC flag, which returns the real size, so it can "
            "say what was lost."),
         tr("Event log: A's second line has the same address as its first, and says the "
            "datagram had 2,000 bytes but the buffer held only the first 1,024."),
         ObserveTarget::Log, "recvfrom", clientSends(1, longDatagram()), untilDataFrom(1, 2)},
        {tr("Client C sends faster than the server reads"),
         tr("The server starts again with a small receive buffer (4096 bytes; Linux doubles "
            "it) and does not read yet. Client C sends 100 datagrams of 1 KiB back to back. "
            "The kernel keeps what fits in the buffer and drops the rest: UDP never "
            "retransmits, and sendto() does not tell the sender. Then the server reads."),
         tr("Event log: the server receives only a few of C's 100 datagrams; the result line "
            "gives the kernel's drop count."),
         ObserveTarget::Log, "flood", all({restartServer(smallPausedServer()), flood()}),
         [facts](LessonRuntime &rt) { return floodAccounted(rt, *facts); }},
    };
    script.showsWire = true;
    script.steps[2].wire = tr("One datagram, one packet: UDP len=N, no handshake, no ACK.");
    script.steps[5].wire = tr("Every UDP arrow reached the server's system; the ones "
                              "recvfrom() never returned were dropped there, the receive "
                              "buffer being full.");
    script.outcome = [facts](const LessonRuntime &rt) { return outcomeOf(rt, *facts); };
    return script;
}

LessonScript udpLesson()
{
    return UdpLesson::build();
}

} // namespace socketlab

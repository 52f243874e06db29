#include "lessons/lessons.h"

#include "lessons/lessonruntime.h"
#include "lessons/lessonsteps.h"

#include <QCoreApplication>

namespace socketlab {

using namespace lessonsteps;

// Names the translation context of the lesson's texts.
struct BoundariesLesson
{
    static LessonScript build();
    Q_DECLARE_TR_FUNCTIONS(BoundariesLesson)
};

namespace {
const QList<QByteArray> &burst()
{
    static const QList<QByteArray> messages {"one", "two", "three"};
    return messages;
}

qint64 burstBytes()
{
    qint64 total = 0;
    for (const QByteArray &m : burst())
        total += m.size();
    return total;
}

LessonStep::Enter sendBurst(int client)
{
    return [client](LessonRuntime &rt) {
        for (const QByteArray &m : burst())
            rt.client(client)->send(m);
    };
}

LessonOutcome outcomeOf(const LessonRuntime &rt, const BoundariesFacts &facts)
{
    QList<QByteArray> datagrams;
    for (const SocketEvent &e : rt.events()) {
        if (e.role == Role::Server && e.kind == EventKind::Data && e.protocol == Protocol::Udp)
            datagrams << e.payload;
    }
    LessonOutcome outcome;
    outcome.passed = rt.bytesFrom(1) == burstBytes() && datagrams == burst();
    // Nagle may merge all three into one chunk: the singular is its own sentence, since the
    // English source has no plural forms of its own.
    const int chunks = int(facts.tcpChunks);
    outcome.text
        = (chunks == 1
               ? BoundariesLesson::tr(
                   "TCP: 3 sends arrived as one recv() chunk, %1 bytes in all. UDP: %2 datagrams.")
               : BoundariesLesson::tr(
                   "TCP: 3 sends arrived as %n recv() chunks, %1 bytes in all. UDP: %2 datagrams.",
                   nullptr, chunks))
              .arg(rt.bytesFrom(1))
              .arg(datagrams.size());
    return outcome;
}
} // namespace

LessonScript BoundariesLesson::build()
{
    LessonScript script;
    const auto facts = script.makeFacts<BoundariesFacts>();
    script.title = tr("Message boundaries: TCP stream, UDP datagrams");
    script.listing.c = {
        ListingLine::commentLine(tr("client: three sends in a row")),
        "send(s, \"one\", 3, 0);",
        "send(s, \"two\", 3, 0);",
        "send(s, \"three\", 5, 0);",
        ListingLine::commentLine(tr("TCP server")),
        {"recv", "while ((n = recv(c, buf, 1024, 0)) > 0)"},
        "  printf(\"%.*s\\n\", n, buf);",
        ListingLine::commentLine(tr("UDP server")),
        {"recvfrom", "n = recvfrom(s, buf, 1024, 0, &from, &len);"},
    };
    script.listing.python = {
        ListingLine::commentLine(tr("client: three sends in a row")),
        "c.send(b'one')",
        "c.send(b'two')",
        "c.send(b'three')",
        ListingLine::commentLine(tr("TCP server")),
        {"recv", "while msg := con.recv(1024):"},
        "    print(msg)",
        ListingLine::commentLine(tr("UDP server")),
        {"recvfrom", "msg, cliente = udp.recvfrom(1024)"},
    };
    script.steps = {
        {tr("A TCP server and a client"),
         tr("A TCP server (a thread per connection) and one connected client."),
         tr("Sequence diagram: connect and accept."), ObserveTarget::Diagram, "recv",
         all({startServer(server()), connectClient(1, Protocol::Tcp)}),
         untilServerEvent(EventKind::Connected)},
        {tr("A burst of three over TCP"),
         tr("The client calls send() three times in a row. TCP carries a stream of "
            "bytes, not messages: the server's recv() returns whatever has arrived, "
            "so the three may come merged into one chunk or split differently."),
         tr("Event log: count the server's recv() chunks; all %1 bytes arrive, in order.")
             .arg(burstBytes()),
         ObserveTarget::Log, "recv", sendBurst(1),
         [facts](LessonRuntime &rt) {
             const bool done = rt.bytesFrom(1) >= burstBytes();
             if (done)
                 facts->tcpChunks = rt.dataFrom(1);
             return done;
         }},
        {tr("The same burst over UDP"),
         tr("Now a UDP server and a UDP client. Each sendto() is one datagram, and "
            "each recvfrom() returns exactly one datagram: the boundaries are kept."),
         tr("Event log: exactly three lines, \"one\", \"two\", \"three\"."), ObserveTarget::Log,
         "recvfrom",
         all({restartServer(server(Protocol::Udp)), connectClient(2, Protocol::Udp), sendBurst(2)}),
         untilDataFrom(2, int(burst().size()))},
    };
    script.outcome = [facts](const LessonRuntime &rt) { return outcomeOf(rt, *facts); };
    return script;
}

LessonScript boundariesLesson()
{
    return BoundariesLesson::build();
}

} // namespace socketlab

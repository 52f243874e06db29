#include "ui/lessons/boundarieslesson.h"

#include "ui/lessons/lessonruntime.h"

namespace socketlab {

namespace {
const QList<QByteArray> &burst()
{
    static const QList<QByteArray> messages{"one", "two", "three"};
    return messages;
}

qint64 burstBytes()
{
    qint64 total = 0;
    for (const QByteArray &m : burst())
        total += m.size();
    return total;
}

void sendBurst(LessonRuntime &rt, int client)
{
    for (const QByteArray &m : burst())
        rt.client(client)->send(m);
}
}

QString BoundariesLesson::title() const
{
    return tr("Message boundaries: TCP stream, UDP datagrams");
}

CodeListing BoundariesLesson::code() const
{
    CodeListing listing;
    listing.c = QStringList{
        QStringLiteral("/* client: three sends in a row */"),
        QStringLiteral("send(s, \"one\", 3, 0);"),
        QStringLiteral("send(s, \"two\", 3, 0);"),
        QStringLiteral("send(s, \"three\", 5, 0);"),
        QStringLiteral("/* TCP server */"),
        QStringLiteral("while ((n = recv(c, buf, 1024, 0)) > 0)"),
        QStringLiteral("  printf(\"%.*s\\n\", n, buf);"),
        QStringLiteral("/* UDP server */"),
        QStringLiteral("n = recvfrom(s, buf, 1024, 0, &from, &len);"),
    };
    listing.python = QStringList{
        QStringLiteral("# client: three sends in a row"),
        QStringLiteral("c.send(b'one')"),
        QStringLiteral("c.send(b'two')"),
        QStringLiteral("c.send(b'three')"),
        QStringLiteral("# TCP server"),
        QStringLiteral("while msg := con.recv(1024):"),
        QStringLiteral("    print(msg)"),
        QStringLiteral("# UDP server"),
        QStringLiteral("msg, cliente = udp.recvfrom(1024)"),
    };
    return listing;
}

LessonSteps BoundariesLesson::steps() const
{
    LessonSteps steps;
    LessonStep s;
    s.title = tr("A TCP server and a client");
    s.explanation = tr("A TCP server (a thread per connection) and one connected client.");
    s.observe = tr("Sequence diagram: connect and accept.");
    s.target = ObserveTarget::Diagram;
    s.cLine = 5;
    s.pythonLine = 5;
    s.enter = [](LessonRuntime &rt) {
        ServerConfig config;
        config.port = 0;
        rt.startServer(config);
        rt.connectClient(1, Protocol::Tcp, rt.serverPort());
    };
    s.settled = [](LessonRuntime &rt) { return rt.count(LessonRuntime::serverEvent(EventKind::Connected)) > 0; };
    steps << s;

    s = LessonStep();
    s.title = tr("A burst of three over TCP");
    s.explanation = tr("The client calls send() three times in a row. TCP carries a stream of "
                       "bytes, not messages: the server's recv() returns whatever has arrived, "
                       "so the three may come merged into one chunk or split differently.");
    s.observe = tr("Event log: count the server's recv() chunks; all %1 bytes arrive, in order.")
                    .arg(burstBytes());
    s.target = ObserveTarget::Log;
    s.cLine = 5;
    s.pythonLine = 5;
    s.enter = [](LessonRuntime &rt) { sendBurst(rt, 1); };
    s.settled = [](LessonRuntime &rt) {
        const bool done = rt.bytesFrom(1) >= burstBytes();
        if (done)
            rt.setFact(QStringLiteral("tcpChunks"), rt.dataFrom(1));
        return done;
    };
    steps << s;

    s = LessonStep();
    s.title = tr("The same burst over UDP");
    s.explanation = tr("Now a UDP server and a UDP client. Each sendto() is one datagram, and "
                       "each recvfrom() returns exactly one datagram: the boundaries are kept.");
    s.observe = tr("Event log: exactly three lines, \"one\", \"two\", \"three\".");
    s.target = ObserveTarget::Log;
    s.cLine = 8;
    s.pythonLine = 8;
    s.enter = [](LessonRuntime &rt) {
        rt.abortClients();
        rt.stopServer();
        ServerConfig config;
        config.port = 0;
        config.protocol = Protocol::Udp;
        rt.startServer(config);
        rt.connectClient(2, Protocol::Udp, rt.serverPort());
        sendBurst(rt, 2);
    };
    s.settled = [](LessonRuntime &rt) { return rt.dataFrom(2) >= burst().size(); };
    steps << s;
    return steps;
}

LessonOutcome BoundariesLesson::outcome(const LessonRuntime &rt) const
{
    QList<QByteArray> datagrams;
    for (const SocketEvent &e : rt.events()) {
        if (e.role == Role::Server && e.kind == EventKind::Data && e.protocol == Protocol::Udp)
            datagrams << e.payload;
    }
    LessonOutcome outcome;
    outcome.passed = rt.bytesFrom(1) == burstBytes() && datagrams == burst();
    outcome.text = tr("TCP: 3 sends arrived as %1 recv() chunks, %2 bytes in all. UDP: %3 datagrams.")
                       .arg(rt.fact(QStringLiteral("tcpChunks")).toInt())
                       .arg(rt.bytesFrom(1))
                       .arg(datagrams.size());
    return outcome;
}

} // namespace socketlab

#include "ui/lessons/udplesson.h"

#include "ui/lessons/lessonruntime.h"

#include <QSet>

namespace socketlab {

QString UdpLesson::title() const
{
    return tr("UDP: datagrams without connections");
}

CodeListing UdpLesson::code() const
{
    CodeListing listing;
    listing.c = QStringList{
        QStringLiteral("/* server */"),
        QStringLiteral("s = socket(AF_INET, SOCK_DGRAM, 0);"),
        QStringLiteral("bind(s, (void *)&addr, sizeof addr);"),
        QStringLiteral("for (;;) {"),
        QStringLiteral("  n = recvfrom(s, buf, 1024, 0,"),
        QStringLiteral("               (void *)&from, &len);"),
        QStringLiteral("  printf(\"%s %.*s\\n\", who(&from), n, buf);"),
        QStringLiteral("}"),
        QStringLiteral("/* client */"),
        QStringLiteral("c = socket(AF_INET, SOCK_DGRAM, 0);"),
        QStringLiteral("sendto(c, msg, len, 0,"),
        QStringLiteral("       (void *)&srv, sizeof srv);"),
    };
    listing.python = QStringList{
        QStringLiteral("# server"),
        QStringLiteral("udp = socket.socket(AF_INET, SOCK_DGRAM)"),
        QStringLiteral("udp.bind(('127.0.0.1', PORT))"),
        QStringLiteral("while True:"),
        QStringLiteral("    msg, cliente = udp.recvfrom(1024)"),
        QStringLiteral("    print(cliente, msg)"),
        QStringLiteral("# client"),
        QStringLiteral("c = socket.socket(AF_INET, SOCK_DGRAM)"),
        QStringLiteral("c.sendto(msg, ('127.0.0.1', PORT))"),
    };
    return listing;
}

LessonSteps UdpLesson::steps() const
{
    LessonSteps steps;
    LessonStep s;
    s.title = tr("A UDP server binds a port");
    s.explanation = tr("The server makes a datagram socket and binds it to a local address and "
                       "port. There is no listen() and no accept(): UDP has no connections.");
    s.observe = tr("Event log: \"Waiting for datagrams on ...\".");
    s.target = ObserveTarget::Log;
    s.cLine = 2;
    s.pythonLine = 2;
    s.enter = [](LessonRuntime &rt) {
        ServerConfig config;
        config.protocol = Protocol::Udp;
        config.port = 0;
        rt.startServer(config);
    };
    s.settled = [](LessonRuntime &rt) { return rt.count(LessonRuntime::serverEvent(EventKind::Listening)) > 0; };
    steps << s;

    s = LessonStep();
    s.title = tr("The server waits in recvfrom()");
    s.explanation = tr("One call serves every sender: recvfrom() returns the next datagram, "
                       "whoever sent it, together with the sender's address.");
    s.observe = tr("Processes: the server's receive thread is sleeping until a datagram comes.");
    s.target = ObserveTarget::Processes;
    s.cLine = 4;
    s.pythonLine = 4;
    steps << s;

    s = LessonStep();
    s.title = tr("Client A sends a datagram");
    s.explanation = tr("Client A makes its own datagram socket and sends at once: no connect(), "
                       "no handshake. The system gives it an ephemeral port on its first send.");
    s.observe = tr("Sequence diagram: one arrow from client A to the server, with no connect before it.");
    s.target = ObserveTarget::Diagram;
    s.cLine = 10;
    s.pythonLine = 8;
    s.enter = [](LessonRuntime &rt) {
        rt.connectClient(1, Protocol::Udp, rt.serverPort());
        rt.client(1)->send(QByteArrayLiteral("hello from A"));
    };
    s.settled = [](LessonRuntime &rt) { return rt.dataFrom(1) >= 1; };
    steps << s;

    s = LessonStep();
    s.title = tr("Client B sends a datagram");
    s.explanation = tr("A second client sends to the same server socket. The server tells the "
                       "two apart only by the address each datagram came from.");
    s.observe = tr("Event log: the two lines show different client addresses (different ports).");
    s.target = ObserveTarget::Log;
    s.cLine = 6;
    s.pythonLine = 5;
    s.enter = [](LessonRuntime &rt) {
        rt.connectClient(2, Protocol::Udp, rt.serverPort());
        rt.client(2)->send(QByteArrayLiteral("hello from B"));
    };
    s.settled = [](LessonRuntime &rt) { return rt.dataFrom(2) >= 1; };
    steps << s;

    s = LessonStep();
    s.title = tr("Client A sends again");
    s.explanation = tr("Nothing was kept between A's two datagrams: the server simply receives "
                       "another datagram from the same address.");
    s.observe = tr("Event log: A's second line has the same address as its first.");
    s.target = ObserveTarget::Log;
    s.cLine = 4;
    s.pythonLine = 4;
    s.enter = [](LessonRuntime &rt) { rt.client(1)->send(QByteArrayLiteral("A again")); };
    s.settled = [](LessonRuntime &rt) { return rt.dataFrom(1) >= 2; };
    steps << s;
    return steps;
}

LessonOutcome UdpLesson::outcome(const LessonRuntime &rt) const
{
    QSet<QString> senders;
    for (const SocketEvent &e : rt.events()) {
        if (e.role == Role::Server && e.kind == EventKind::Data)
            senders.insert(e.peer);
    }
    const int accepted = rt.count(LessonRuntime::serverEvent(EventKind::Connected));
    LessonOutcome outcome;
    outcome.passed = senders.size() >= 2 && accepted == 0;
    outcome.text = tr("%1 different senders, %2 connections accepted.")
                       .arg(senders.size())
                       .arg(accepted);
    return outcome;
}

} // namespace socketlab

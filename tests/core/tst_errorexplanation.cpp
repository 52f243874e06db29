#include "core/errorexplanation.h"

#include "core/eventformatter.h"
#include "translations/languagemanager.h"

#include "testsupport.h"

#include <QTest>

#include <cerrno>
#include <netdb.h>

using namespace socketlab;

namespace {

SocketSnapshot socketAt(Protocol protocol, SocketState state, const QString &local,
                        const QString &peer = QString(), qint64 timerMs = 0)
{
    SocketSnapshot s;
    s.protocol = protocol;
    s.state = state;
    s.local = local;
    s.peer = peer;
    QString host;
    ErrorExplanation::splitAddress(local, &host, &s.localPort);
    if (!peer.isEmpty())
        ErrorExplanation::splitAddress(peer, &host, &s.peerPort);
    s.timerMs = timerMs;
    s.inode = 1;
    return s;
}

SocketEvent failedCall(SysCall call, int errnum, const QString &args,
                       Protocol protocol = Protocol::Tcp, Role role = Role::Client,
                       qint64 result = -1)
{
    SocketEvent e(EventKind::Error, role);
    e.call = call;
    e.errnum = errnum;
    e.args = args;
    e.protocol = protocol;
    e.result = result;
    return e;
}

using Sockets = QList<SocketSnapshot>;

// A TCP listener on 127.0.0.1, a free port; invalid when it could not be made.
Fd listeningOnLoopback()
{
    socklen_t length = 0;
    sockaddr_storage any = testsupport::addressOf("127.0.0.1", 0, &length);
    Fd listener(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (::bind(listener.get(), reinterpret_cast<sockaddr *>(&any), length) != 0
        || ::listen(listener.get(), 1) != 0)
        return Fd();
    return listener;
}

} // namespace

class TestErrorExplanation : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanupTestCase();
    void explainsEachCase_data();
    void explainsEachCase();
    void onlyErrorsAreExplained();
    void headlineForAFailedStart_data();
    void headlineForAFailedStart();
    void loopbackHint();
    void wildcardSourceNote();
    void splitAddress_data();
    void splitAddress();
    void tracedCallNamesItsAddressLast();
    void timeWaitFromTheKernel();
    void localhostOnIpv6WhileTheServerIsOnIpv4();
    void formatterAddsTheExplanation();

private:
    LanguageManager m_language;
};

void TestErrorExplanation::init()
{
    m_language.setLanguage(QStringLiteral("en"));
}

void TestErrorExplanation::cleanupTestCase()
{
    m_language.setLanguage(QStringLiteral("en"));
}

void TestErrorExplanation::explainsEachCase_data()
{
    QTest::addColumn<SocketEvent>("event");
    QTest::addColumn<Sockets>("sockets");
    QTest::addColumn<QString>("errnoName");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("portuguese");

    const QString server = QStringLiteral("127.0.0.1:5000");
    const Sockets none;
    const Sockets listenerOnIpv4 = {socketAt(Protocol::Tcp, SocketState::Listen, server)};
    QTest::newRow("refused, TCP") << failedCall(SysCall::Connect, ECONNREFUSED, server) << none
                                  << "ECONNREFUSED"
                                  << "answered the connection request (SYN) with a reset (RST)"
                                  << "a porta está fechada";
    QTest::newRow("refused, UDP sendto")
        << failedCall(SysCall::Sendto, ECONNREFUSED, server, Protocol::Udp) << none
        << "ECONNREFUSED"
        << "ICMP “port unreachable”"
        << "nada recebe datagramas em 127.0.0.1:5000";
    QTest::newRow("refused, UDP recvfrom (no address)")
        << failedCall(SysCall::Recvfrom, ECONNREFUSED, QStringLiteral("fd 5"), Protocol::Udp)
        << none << "ECONNREFUSED"
        << "ICMP “port unreachable”"
        << "nada recebe datagramas ali";
    QTest::newRow("localhost gave ::1, the server is on 127.0.0.1")
        << failedCall(SysCall::Connect, ECONNREFUSED, QStringLiteral("[::1]:5000"))
        << listenerOnIpv4 << "ECONNREFUSED"
        << "The server listens on 127.0.0.1 (IPv4) only, not on ::1 (IPv6): "
           "“localhost” names both"
        << "“localhost” nomeia os dois";
    QTest::newRow("a server on the port, at another address")
        << failedCall(SysCall::Connect, ECONNREFUSED, QStringLiteral("192.0.2.7:5000"))
        << listenerOnIpv4 << "ECONNREFUSED"
        << "but on 127.0.0.1, not on 192.0.2.7"
        << "mas em 127.0.0.1, não em 192.0.2.7";
    QTest::newRow("timed out")
        << failedCall(SysCall::Connect, ETIMEDOUT, QStringLiteral("192.0.2.10:5000")) << none
        << "ETIMEDOUT"
        << "nobody answered the connection request (SYN) sent to 192.0.2.10:5000"
        << "ninguém respondeu";
    QTest::newRow("host unreachable")
        << failedCall(SysCall::Connect, EHOSTUNREACH, QStringLiteral("192.0.2.10:5000")) << none
        << "EHOSTUNREACH"
        << "ICMP “host unreachable”"
        << "nenhum computador responde";
    QTest::newRow("network unreachable")
        << failedCall(SysCall::Connect, ENETUNREACH, QStringLiteral("198.51.100.1:5000")) << none
        << "ENETUNREACH"
        << "no route to 198.51.100.1:5000"
        << "não tem rota para 198.51.100.1:5000";
    QTest::newRow("address in use, a listener")
        << failedCall(SysCall::Bind, EADDRINUSE, server, Protocol::Tcp, Role::Server)
        << listenerOnIpv4 << "EADDRINUSE"
        << "another program already has port 5000: a program of another user on 127.0.0.1:5000"
        << "outro programa já tem a porta 5000";
    QTest::newRow("address in use, TIME_WAIT")
        << failedCall(SysCall::Bind, EADDRINUSE, server, Protocol::Tcp, Role::Server)
        << Sockets {socketAt(Protocol::Tcp, SocketState::TimeWait, server,
                             QStringLiteral("127.0.0.1:40000"), 41500)}
        << "EADDRINUSE"
        << "TIME_WAIT (the side that closed first keeps them for up to 60 "
           "seconds): 127.0.0.1:5000 ↔ 127.0.0.1:40000, 42 s left"
        << "ainda estão em TIME_WAIT";
    QTest::newRow("address in use, nothing seen")
        << failedCall(SysCall::Bind, EADDRINUSE, server, Protocol::Tcp, Role::Server) << none
        << "EADDRINUSE"
        << "by another program or by connections of an earlier run"
        << "por outro programa ou por conexões";
    QTest::newRow("address not available") << failedCall(
        SysCall::Bind, EADDRNOTAVAIL, QStringLiteral("192.0.2.1:5000"), Protocol::Tcp, Role::Server)
                                           << none << "EADDRNOTAVAIL"
                                           << "192.0.2.1 is not an address of this computer"
                                           << "192.0.2.1 não é um endereço deste computador";
    QTest::newRow("permission, port below 1024") << failedCall(
        SysCall::Bind, EACCES, QStringLiteral("0.0.0.0:80"), Protocol::Tcp, Role::Server)
                                                 << none << "EACCES"
                                                 << "ports below 1024"
                                                 << "portas abaixo de 1024";
    QTest::newRow("reset by peer")
        << failedCall(SysCall::Recv, ECONNRESET, QStringLiteral("fd 5")) << none << "ECONNRESET"
        << "without reading everything it had received, was killed, or closed with SO_LINGER 0"
        << "sem ler tudo o que tinha recebido";
    QTest::newRow("reset by peer, the listen backlog was full")
        << failedCall(SysCall::Recv, ECONNRESET, QStringLiteral("fd 5")) << none << "ECONNRESET"
        << "the server's listen backlog was full"
        << "a fila de escuta (backlog) do servidor estava cheia";
    SocketEvent backlog = failedCall(SysCall::Recv, ECONNRESET, QStringLiteral("fd 5"));
    backlog.resetInBacklog = true;
    QTest::newRow("reset in the backlog")
        << backlog << none << "ECONNRESET"
        << "The server stopped before accepting this connection; the kernel reset the "
           "connections waiting in its backlog"
        << "O servidor parou antes de aceitar esta conexão";
    QTest::newRow("broken pipe")
        << failedCall(SysCall::Send, EPIPE, QStringLiteral("fd 5")) << none << "EPIPE"
        << "Broken pipe: this side sent on a connection the other side had already closed"
        << "a outra ponta já tinha fechado";
    QTest::newRow("unknown host") << failedCall(SysCall::Getaddrinfo, 0,
                                                QStringLiteral("nosuch.invalid"), Protocol::Tcp,
                                                Role::Client, EAI_NONAME)
                                  << none << "EAI_NONAME"
                                  << "Unknown host: the resolver (getaddrinfo, step 1) found no "
                                     "address for “nosuch.invalid”"
                                  << "Host desconhecido";
    QTest::newRow("too many open files")
        << failedCall(SysCall::Accept, EMFILE, QStringLiteral("fd 3"), Protocol::Tcp, Role::Server)
        << none << "EMFILE"
        << "ulimit -n"
        << "Arquivos abertos demais";
}

void TestErrorExplanation::explainsEachCase()
{
    QFETCH(SocketEvent, event);
    QFETCH(Sockets, sockets);
    QFETCH(QString, errnoName);
    QFETCH(QString, english);
    QFETCH(QString, portuguese);

    const QString en = ErrorExplanation::explain(event, sockets);
    QVERIFY2(en.contains(english), qPrintable(en));
    QVERIFY2(en.contains(errnoName), qPrintable(en));

    QVERIFY(m_language.setLanguage(QStringLiteral("pt_BR")));
    const QString pt = ErrorExplanation::explain(event, sockets);
    QVERIFY2(pt.contains(portuguese), qPrintable(pt));
    QVERIFY2(pt.contains(errnoName), qPrintable(pt));
    QVERIFY(pt != en);
}

void TestErrorExplanation::onlyErrorsAreExplained()
{
    SocketEvent call = failedCall(SysCall::Connect, ECONNREFUSED, QStringLiteral("127.0.0.1:5000"));
    call.kind = EventKind::Call;
    QVERIFY(ErrorExplanation::explain(call, {}).isEmpty());
    // The iterative server's notice that clients wait in the backlog is no failed call.
    SocketEvent notice = failedCall(SysCall::Accept, 0, QString(), Protocol::Tcp, Role::Server, 4);
    QVERIFY(ErrorExplanation::explain(notice, {}).isEmpty());
}

void TestErrorExplanation::headlineForAFailedStart_data()
{
    QTest::addColumn<SocketEvent>("event");
    QTest::addColumn<Sockets>("sockets");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("portuguese");
    const QString server = QStringLiteral("127.0.0.1:5000");
    QTest::newRow("port taken")
        << failedCall(SysCall::Bind, EADDRINUSE, server, Protocol::Tcp, Role::Server)
        << Sockets {socketAt(Protocol::Tcp, SocketState::Listen, server)}
        << "Port 5000 is taken by another program — choose another port"
        << "A porta 5000 está ocupada por outro programa — escolha outra porta";
    QTest::newRow("TIME_WAIT")
        << failedCall(SysCall::Bind, EADDRINUSE, server, Protocol::Tcp, Role::Server)
        << Sockets {socketAt(Protocol::Tcp, SocketState::TimeWait, server,
                             QStringLiteral("127.0.0.1:40000"), 1000)}
        << "Port 5000 is still held by connections of an earlier run in TIME_WAIT"
        << "TIME_WAIT";
    QTest::newRow("privileged port") << failedCall(
        SysCall::Bind, EACCES, QStringLiteral("0.0.0.0:80"), Protocol::Tcp, Role::Server)
                                     << Sockets() << "Port 80 needs administrator rights"
                                     << "A porta 80 exige";
    QTest::newRow("not this computer's address")
        << failedCall(SysCall::Bind, EADDRNOTAVAIL, QStringLiteral("192.0.2.1:5000"), Protocol::Tcp,
                      Role::Server)
        << Sockets() << "192.0.2.1 is not an address of this computer"
        << "192.0.2.1 não é um endereço deste computador";
    // A client pane says it in one sentence too.
    QTest::newRow("client, refused")
        << failedCall(SysCall::Connect, ECONNREFUSED, server) << Sockets()
        << "Nothing listens at 127.0.0.1:5000 — the port is closed"
        << "Nada escuta em 127.0.0.1:5000 — a porta está fechada";
    SocketEvent backlog = failedCall(SysCall::Recv, ECONNRESET, QStringLiteral("fd 5"));
    backlog.resetInBacklog = true;
    QTest::newRow("client, reset in the backlog")
        << backlog << Sockets()
        << "The server stopped before accepting this connection; the kernel reset the "
           "connections waiting in its backlog"
        << "O servidor parou antes de aceitar esta conexão";
}

void TestErrorExplanation::headlineForAFailedStart()
{
    QFETCH(SocketEvent, event);
    QFETCH(Sockets, sockets);
    QFETCH(QString, english);
    QFETCH(QString, portuguese);
    const QString en = ErrorExplanation::headline(event, sockets);
    QVERIFY2(en.contains(english), qPrintable(en));
    QVERIFY(m_language.setLanguage(QStringLiteral("pt_BR")));
    const QString pt = ErrorExplanation::headline(event, sockets);
    QVERIFY2(pt.contains(portuguese), qPrintable(pt));
    QVERIFY(pt != en);
}

void TestErrorExplanation::loopbackHint()
{
    QVERIFY(ErrorExplanation::loopbackHint(QStringLiteral("127.0.0.1:5000"))
                .contains(QLatin1String("a loopback address never leaves this machine")));
    QVERIFY(!ErrorExplanation::loopbackHint(QStringLiteral("[::1]:5000")).isEmpty());
    QVERIFY(ErrorExplanation::loopbackHint(QStringLiteral("0.0.0.0:5000")).isEmpty());
    QVERIFY(ErrorExplanation::loopbackHint(QStringLiteral("192.0.2.1:5000")).isEmpty());
    QVERIFY(m_language.setLanguage(QStringLiteral("pt_BR")));
    QVERIFY(ErrorExplanation::loopbackHint(QStringLiteral("127.0.0.1:5000"))
                .contains(QStringLiteral("computadores dos alunos")));
}

void TestErrorExplanation::wildcardSourceNote()
{
    // What an unconnected UDP client reads with getsockname(), and what the server sees.
    const QString source = ErrorExplanation::sourceTowards(QStringLiteral("127.0.0.1:5000"),
                                                           QStringLiteral("0.0.0.0:45705"));
    QCOMPARE(source, QStringLiteral("127.0.0.1:45705"));
    const QString note
        = ErrorExplanation::wildcardSourceNote(QStringLiteral("0.0.0.0:45705"), source);
    QVERIFY2(note.contains(QLatin1String("the kernel picks the source address for each datagram")),
             qPrintable(note));
    QVERIFY(note.contains(QLatin1String("127.0.0.1:45705")));
    QVERIFY(
        ErrorExplanation::wildcardSourceNote(QStringLiteral("127.0.0.1:45705"), source).isEmpty());
}

void TestErrorExplanation::splitAddress_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("v4") << "127.0.0.1:5000" << true << "127.0.0.1" << 5000;
    QTest::newRow("v6") << "[::1]:5000" << true << "::1" << 5000;
    QTest::newRow("v4 alone") << "192.0.2.1" << true << "192.0.2.1" << 0;
    QTest::newRow("v6 alone") << "::" << true << "::" << 0;
    QTest::newRow("descriptor") << "fd 5" << false << "" << 0;
    QTest::newRow("name") << "localhost:5000" << false << "" << 0;
}

void TestErrorExplanation::tracedCallNamesItsAddressLast()
{
    // A traced bind() names its descriptor first: the port still comes from its address.
    SocketEvent traced
        = failedCall(SysCall::Bind, EADDRINUSE, QStringLiteral("fd 12, 127.0.0.1:5000"),
                     Protocol::Tcp, Role::Server);
    QVERIFY(ErrorExplanation::explain(traced, {}).contains(QLatin1String("port 5000 is taken")));
    traced = failedCall(SysCall::Sendto, ECONNREFUSED, QStringLiteral("fd 19, 5, 127.0.0.1:5001"),
                        Protocol::Udp);
    QVERIFY(ErrorExplanation::explain(traced, {}).contains(QLatin1String("on 127.0.0.1:5001")));
}

void TestErrorExplanation::splitAddress()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, host);
    QFETCH(int, port);
    QString gotHost;
    quint16 gotPort = 1;
    QCOMPARE(ErrorExplanation::splitAddress(text, &gotHost, &gotPort), ok);
    if (ok) {
        QCOMPARE(gotHost, host);
        QCOMPARE(int(gotPort), port);
    }
}

// The server side closes first, so the server's port sits in TIME_WAIT; a bind() without
// SO_REUSEADDR then fails, and the explanation lists that socket as the kernel reports it.
void TestErrorExplanation::timeWaitFromTheKernel()
{
    using namespace testsupport;
    socklen_t length = 0;
    Fd listener = listeningOnLoopback();
    QVERIFY(listener.isValid());
    const quint16 port = Endpoint::localOf(listener.get()).port();
    sockaddr_storage to = addressOf("127.0.0.1", port, &length);
    Fd client(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    QVERIFY(::connect(client.get(), reinterpret_cast<sockaddr *>(&to), length) == 0);
    Fd accepted(::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
    QVERIFY(accepted.isValid());
    accepted.reset(); // the server closes first: its side goes to TIME_WAIT
    char byte;
    QCOMPARE(::recv(client.get(), &byte, 1, 0), ssize_t(0));
    client.reset();
    listener.reset();

    Fd again(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    QCOMPARE(::bind(again.get(), reinterpret_cast<sockaddr *>(&to), length), -1);
    QCOMPARE(errno, EADDRINUSE);
    const QString address = QStringLiteral("127.0.0.1:%1").arg(port);
    const SocketEvent failure
        = failedCall(SysCall::Bind, EADDRINUSE, address, Protocol::Tcp, Role::Server);
    const QString why = ErrorExplanation::explain(failure);
    QVERIFY2(why.contains(QLatin1String("TIME_WAIT")), qPrintable(why));
    QVERIFY2(why.contains(address + QStringLiteral(" ↔ 127.0.0.1:")), qPrintable(why));
    QVERIFY2(ErrorExplanation::headline(failure).contains(QLatin1String("TIME_WAIT")),
             qPrintable(ErrorExplanation::headline(failure)));
}

void TestErrorExplanation::localhostOnIpv6WhileTheServerIsOnIpv4()
{
    using namespace testsupport;
    socklen_t length = 0;
    Fd listener = listeningOnLoopback();
    QVERIFY(listener.isValid());
    const quint16 port = Endpoint::localOf(listener.get()).port();
    sockaddr_storage v6 = addressOf("::1", port, &length);
    Fd client(::socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!client.isValid())
        QSKIP("no IPv6 on this machine");
    const int r = ::connect(client.get(), reinterpret_cast<sockaddr *>(&v6), length);
    if (r != 0 && errno != ECONNREFUSED)
        QSKIP("no IPv6 loopback on this machine");
    QCOMPARE(r, -1);
    const SocketEvent failure
        = failedCall(SysCall::Connect, ECONNREFUSED, QStringLiteral("[::1]:%1").arg(port));
    const QString why = ErrorExplanation::explain(failure);
    QVERIFY2(why.contains(QLatin1String("The server listens on 127.0.0.1 (IPv4) only")),
             qPrintable(why));
}

void TestErrorExplanation::formatterAddsTheExplanation()
{
    const SocketEvent failure
        = failedCall(SysCall::Connect, ETIMEDOUT, QStringLiteral("192.0.2.10:5000"));
    const QString line = EventFormatter::explained(failure);
    QVERIFY(line.startsWith(EventFormatter::describe(failure)));
    // Without its opening name of the error ("Timed out: "), which describe() already said.
    const QString why = ErrorExplanation::explain(failure);
    QVERIFY2(line.endsWith(QStringLiteral(" — ") + EventFormatter::withoutLabel(why)),
             qPrintable(line));
    QVERIFY(why.contains(EventFormatter::withoutLabel(why)));
    QVERIFY(EventFormatter::withoutLabel(why).size() < why.size());
}

QTEST_GUILESS_MAIN(TestErrorExplanation)
#include "tst_errorexplanation.moc"

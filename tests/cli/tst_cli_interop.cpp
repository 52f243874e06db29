// socketlab-cli with peers that are not SocketLab, both ways: the recipe's programs ported to
// Python 3 (tests/peers) and OpenBSD nc; TCP and UDP; IPv4, IPv6 and a dual-stack "::" server.

#include "tests/cli/clitestsupport.h"

#include <QRegularExpression>
#include <QTest>

using namespace clitest;
using namespace testsupport;

namespace {

QString findProgram(const QString &name)
{
    return QStandardPaths::findExecutable(name);
}

// Python's repr of a client address: ('127.0.0.1', 5000) or ('::1', 5000).
QString pythonAddress(const QString &endpoint)
{
    const int colon = int(endpoint.lastIndexOf(QLatin1Char(':')));
    QString host = endpoint.left(colon);
    if (host.startsWith(QLatin1Char('[')))
        host = host.mid(1, host.size() - 2);
    return QStringLiteral("('%1', %2)").arg(host, endpoint.mid(colon + 1));
}

QString portOf(const QString &endpoint)
{
    return endpoint.mid(endpoint.lastIndexOf(QLatin1Char(':')) + 1);
}

} // namespace

class TestCliInterop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void foreignClient_data();
    void foreignClient();
    void foreignServer_data();
    void foreignServer();

private:
    QString m_python;
    QString m_nc;
    bool m_ipv6 = false;
};

void TestCliInterop::initTestCase()
{
    m_python = findProgram(QStringLiteral("python3"));
    m_nc = findProgram(QStringLiteral("nc"));
    m_ipv6 = haveIpv6();
}

void TestCliInterop::foreignClient_data()
{
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QString>("proto");
    QTest::addColumn<QString>("bind");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("peerPrefix");
    QTest::addColumn<QString>("mode"); // --concurrency; empty: the default
    const QList<QStringList> families = {{"ipv4", "127.0.0.1", "127.0.0.1", "127.0.0.1:"},
                                         {"ipv6", "::1", "::1", "[::1]:"},
                                         // A dual-stack server shows an IPv4 client as IPv4.
                                         {"dual-stack", "::", "127.0.0.1", "127.0.0.1:"}};
    for (const char *peer : {"python", "nc"}) {
        for (const char *proto : {"tcp", "udp"}) {
            for (const QStringList &f : families) {
                QTest::addRow("%s %s %s", peer, proto, qPrintable(f[0]))
                    << peer << proto << f[1] << f[2] << f[3] << QString();
            }
        }
        // One thread serving with poll() talks to the same clients.
        QTest::addRow("%s tcp ipv4 poll", peer) << peer << "tcp"
                                                << "127.0.0.1"
                                                << "127.0.0.1"
                                                << "127.0.0.1:"
                                                << "poll";
    }
}

// socketlab-cli server; the client is the recipe's Python program or nc.
void TestCliInterop::foreignClient()
{
    QFETCH(QString, peer);
    QFETCH(QString, proto);
    QFETCH(QString, bind);
    QFETCH(QString, host);
    QFETCH(QString, peerPrefix);
    QFETCH(QString, mode);
    const bool python = peer == QLatin1String("python");
    const bool tcp = proto == QLatin1String("tcp");
    if ((python ? m_python : m_nc).isEmpty())
        QSKIP(qPrintable(peer + QLatin1String(" is not installed")));
    if (bind.contains(QLatin1Char(':')) && !m_ipv6)
        QSKIP("no IPv6 on this machine");

    Process server;
    QStringList serverArguments {"server", "--proto", proto, "--bind",
                                 bind,     "--port",  "0",   "--json"};
    if (!mode.isEmpty())
        serverArguments << "--concurrency" << mode;
    QVERIFY(server.startCli(serverArguments));
    QVERIFY2(server.waitForListening(), server.err().constData());
    const QString port = QString::number(server.listeningPort());

    Process client;
    QByteArray input;
    QString expected;
    if (python) {
        const QString script = peerScript(tcp ? "tcp_client.py" : "udp_client.py");
        QVERIFY(client.start(m_python, {script, "--host", host, "--port", port}));
        input = "hello\nworld\n\x18\n";
        expected = QStringLiteral("helloworld");
    } else {
        // nc sends what it reads, line breaks included; one line makes one datagram.
        const QStringList options = tcp ? QStringList {"-N"} : QStringList {"-u", "-q", "0"};
        QVERIFY(client.start(m_nc, options + QStringList {host, port}));
        input = tcp ? "hello\nworld\n" : "hello\n";
        expected = QString::fromLatin1(input);
    }
    QVERIFY(client.write(input));
    client.closeInput();

    QVERIFY2(QTest::qWaitFor([&] { return server.dataText() == expected; }, kWaitMs),
             qPrintable(server.dataText() + QString::fromUtf8(client.err())));
    if (tcp)
        QVERIFY(server.waitForEvents("disconnected", 1));
    QVERIFY(client.waitForExit());
    QCOMPARE(client.exitCode(), 0);

    for (const QJsonObject &e : server.events("data")) {
        const QString from = e.value("peer").toString();
        QVERIFY2(from.startsWith(peerPrefix), qPrintable(from));
        QVERIFY2(!from.contains(QLatin1String("ffff")), qPrintable(from));
    }
    if (tcp) {
        const QJsonObject connected = server.events("connected").first();
        QVERIFY(connected.value("peer").toString().startsWith(peerPrefix));
    }
    server.signal(SIGTERM);
    QVERIFY(server.waitForExit());
    QCOMPARE(server.exitCode(), 0);
    const QJsonObject summary = server.events().last();
    QCOMPARE(summary.value("event").toString(), QStringLiteral("summary"));
    QCOMPARE(summary.value("bytes").toInteger(), expected.size());
    QCOMPARE(summary.value("connections").toInteger(), 1);
    if (!tcp)
        QCOMPARE(summary.value("messages").toInteger(), python ? 2 : 1);
}

void TestCliInterop::foreignServer_data()
{
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QString>("proto");
    QTest::addColumn<QString>("host");
    for (const char *peer : {"python", "nc"}) {
        for (const char *proto : {"tcp", "udp"}) {
            QTest::addRow("%s %s ipv4", peer, proto) << peer << proto << "127.0.0.1";
            QTest::addRow("%s %s ipv6", peer, proto) << peer << proto << "::1";
        }
    }
}

// socketlab-cli client; the server is the recipe's Python program or nc.
void TestCliInterop::foreignServer()
{
    QFETCH(QString, peer);
    QFETCH(QString, proto);
    QFETCH(QString, host);
    const bool python = peer == QLatin1String("python");
    const bool tcp = proto == QLatin1String("tcp");
    if ((python ? m_python : m_nc).isEmpty())
        QSKIP(qPrintable(peer + QLatin1String(" is not installed")));
    if (host.contains(QLatin1Char(':')) && !m_ipv6)
        QSKIP("no IPv6 on this machine");

    Process server;
    QString port;
    if (python) {
        const QString script = peerScript(tcp ? "tcp_server.py" : "udp_server.py");
        QVERIFY(server.start(m_python,
                             {script, "--host", host, "--port", "0",
                              tcp ? "--connections" : "--datagrams", tcp ? "1" : "2"}));
        QVERIFY2(server.waitForOutput("\n"), server.err().constData());
        const QRegularExpressionMatch m
            = QRegularExpression(QStringLiteral("^Listening on port (\\d+)$"))
                  .match(QString::fromUtf8(server.lines().first()));
        QVERIFY(m.hasMatch());
        port = m.captured(1);
    } else {
        const quint16 free
            = freePort(tcp ? SOCK_STREAM : SOCK_DGRAM, host == "::1" ? "::1" : "127.0.0.1");
        port = QString::number(free);
        QVERIFY(server.start(
            m_nc, (tcp ? QStringList {} : QStringList {"-u"}) + QStringList {"-l", host, port}));
        QVERIFY2(QTest::qWaitFor([&] { return portIsOpen(free, tcp); }, kWaitMs),
                 server.err().constData());
    }

    Process cli;
    QVERIFY(cli.startCli({"client", "--proto", proto, "--host", host, "--port", port, "--json"}));
    QVERIFY(cli.write("hello\nworld\n"));
    cli.closeInput();
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.events("sent").size(), 2);
    const QString local = cli.events("sent").first().value("local").toString();
    const QString peerAddress = cli.events("sent").first().value("peer").toString();
    QCOMPARE(portOf(peerAddress), port);

    if (python) {
        QVERIFY(server.waitForExit()); // after one connection, or two datagrams
        QCOMPARE(server.exitCode(), 0);
        const QStringList lines = QString::fromUtf8(server.out()).split(QLatin1Char('\n'));
        QString address;
        if (tcp) {
            address = pythonAddress(local);
            QCOMPARE(lines.value(1), QStringLiteral("Conectado por ") + address);
            QCOMPARE(lines.value(lines.size() - 2),
                     QStringLiteral("Finalizando conexao do cliente ") + address);
        } else {
            // An unconnected UDP socket is bound to the wildcard: match the sender by port.
            address = QStringLiteral("('%1', %2)").arg(host, portOf(local));
        }
        QString messages;
        for (const QString &line : lines) {
            if (line.startsWith(address + QLatin1Char(' ')))
                messages += line.mid(address.size() + 1);
        }
        QCOMPARE(messages, QStringLiteral("helloworld"));
    } else {
        QVERIFY2(server.waitForOutput("helloworld"), server.out().constData());
        if (tcp) {
            QVERIFY(server.waitForExit()); // nc -l ends with the connection
            QCOMPARE(server.out(), QByteArray("helloworld"));
        }
    }
}

QTEST_GUILESS_MAIN(TestCliInterop)
#include "tst_cli_interop.moc"

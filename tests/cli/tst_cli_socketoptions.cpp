// socketlab-cli's socket options (--nodelay, --sndbuf, --rcvbuf) and ways to end a connection
// (--half-close, --reset), seen from the other side: the recipe's Python server, nc, and
// socketlab-cli's own server in every concurrency mode.

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

QJsonObject firstCall(const Process &cli, const QString &call, const QString &argsContain = {})
{
    for (const QJsonObject &e : cli.events(QStringLiteral("call"))) {
        if (e.value(QLatin1String("call")).toString() == call
            && e.value(QLatin1String("args")).toString().contains(argsContain))
            return e;
    }
    return {};
}

// Index among all output lines of the first event matching, or -1.
int lineOf(const Process &cli, const QString &event, const QString &call = {})
{
    const QList<QJsonObject> all = cli.events();
    for (int i = 0; i < all.size(); ++i) {
        if (all.at(i).value(QLatin1String("event")).toString() == event
            && (call.isEmpty() || all.at(i).value(QLatin1String("call")).toString() == call))
            return i;
    }
    return -1;
}

} // namespace

class TestCliSocketOptions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void badArguments_data();
    void badArguments();
    void optionsAreTraced();
    void halfCloseReadsTheAnswerAfterTheFin();
    void ncHalfClosesAndStillGetsTheEcho();
    void resetGivesThePythonServerConnectionReset();
    void resetSeenByEveryServerMode_data();
    void resetSeenByEveryServerMode();
    void help();

private:
    bool startServer(Process &server, const QStringList &extra);

    QString m_python;
    QString m_nc;
};

void TestCliSocketOptions::initTestCase()
{
    m_python = findProgram(QStringLiteral("python3"));
    m_nc = findProgram(QStringLiteral("nc"));
}

bool TestCliSocketOptions::startServer(Process &server, const QStringList &extra)
{
    return server.startCli(QStringList {"server", "--port", "0", "--json"} + extra)
        && server.waitForEvents(QStringLiteral("listening"), 1);
}

void TestCliSocketOptions::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("named");
    QTest::newRow("sndbuf 0") << QStringList {"client", "--sndbuf", "0"}
                              << QStringList {"--sndbuf", "\"0\""};
    QTest::newRow("sndbuf negative")
        << QStringList {"client", "--sndbuf", "-4096"} << QStringList {"-4096"};
    QTest::newRow("sndbuf not a number")
        << QStringList {"client", "--sndbuf", "abc"} << QStringList {"abc"};
    QTest::newRow("sndbuf above INT_MAX")
        << QStringList {"client", "--sndbuf", "2147483648"} << QStringList {"2147483648"};
    QTest::newRow("rcvbuf 0") << QStringList {"server", "--rcvbuf", "0"}
                              << QStringList {"--rcvbuf", "\"0\""};
    QTest::newRow("rcvbuf negative")
        << QStringList {"server", "--rcvbuf", "-1"} << QStringList {"-1"};
    QTest::newRow("rcvbuf not a number")
        << QStringList {"server", "--rcvbuf", "4k"} << QStringList {"4k"};
    QTest::newRow("rcvbuf above INT_MAX")
        << QStringList {"server", "--rcvbuf", "99999999999"} << QStringList {"99999999999"};
    QTest::newRow("rcvbuf on client")
        << QStringList {"client", "--rcvbuf", "4096"} << QStringList {"--rcvbuf"};
    QTest::newRow("sndbuf on server")
        << QStringList {"server", "--sndbuf", "4096"} << QStringList {"--sndbuf"};
    QTest::newRow("nodelay on server")
        << QStringList {"server", "--nodelay"} << QStringList {"--nodelay"};
    QTest::newRow("reset on sockets")
        << QStringList {"sockets", "--reset"} << QStringList {"--reset"};
    // A UDP socket has no connection to tune or end: an error naming both.
    QTest::newRow("nodelay with udp") << QStringList {"client", "--proto", "udp", "--nodelay"}
                                      << QStringList {"--nodelay", "--proto udp"};
    QTest::newRow("half-close with udp") << QStringList {"client", "--half-close", "--proto", "udp"}
                                         << QStringList {"--half-close", "--proto udp"};
    QTest::newRow("reset with udp") << QStringList {"client", "--proto", "udp", "--reset"}
                                    << QStringList {"--reset", "--proto udp"};
    QTest::newRow("half-close and reset") << QStringList {"client", "--half-close", "--reset"}
                                          << QStringList {"--half-close", "--reset"};
}

void TestCliSocketOptions::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, named);
    Process cli;
    QVERIFY(cli.startCli(arguments));
    cli.closeInput();
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 2);
    QVERIFY2(cli.out().isEmpty(), cli.out().constData());
    const QString err = QString::fromUtf8(cli.err());
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
    for (const QString &name : named)
        QVERIFY2(err.contains(name), qPrintable(err));
}

// Each option is its own traced call, and the buffer sizes are read back as Linux keeps them
// (doubled).
void TestCliSocketOptions::optionsAreTraced()
{
    Process server;
    QVERIFY(startServer(server, {"--echo", "--trace", "--rcvbuf", "4096"}));
    const QJsonObject rcvbuf = firstCall(server, "setsockopt", "SO_RCVBUF");
    QVERIFY(rcvbuf.value("args").toString().endsWith(QLatin1String(", SO_RCVBUF, 4096")));
    QCOMPARE(rcvbuf.value("result").toInteger(), 0);
    QCOMPARE(firstCall(server, "getsockopt", "SO_RCVBUF").value("result").toInteger(), 8192);

    Process cli;
    QVERIFY(cli.startCli({"client", "--port", QString::number(server.listeningPort()), "--json",
                          "--trace", "--nodelay", "--sndbuf", "4096"}));
    QVERIFY(cli.write("ping\n"));
    QVERIFY(cli.waitForEvents("received", 1));
    cli.closeInput();
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    const QJsonObject nodelay = firstCall(cli, "setsockopt", "TCP_NODELAY");
    QVERIFY2(QRegularExpression("^fd \\d+, TCP_NODELAY, 1$")
                 .match(nodelay.value("args").toString())
                 .hasMatch(),
             qPrintable(nodelay.value("args").toString()));
    QCOMPARE(nodelay.value("result").toInteger(), 0);
    QVERIFY(firstCall(cli, "setsockopt", "SO_SNDBUF")
                .value("args")
                .toString()
                .endsWith(QLatin1String(", SO_SNDBUF, 4096")));
    QCOMPARE(firstCall(cli, "getsockopt", "SO_SNDBUF").value("result").toInteger(), 8192);
    QVERIFY(lineOf(cli, "call", "setsockopt") < lineOf(cli, "call", "connect"));
}

// The recipe's Python server, told to answer only once the client has finished sending
// (recv() returned 0): a half-closing client reads that answer, after its own shutdown().
void TestCliSocketOptions::halfCloseReadsTheAnswerAfterTheFin()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not installed");
    Process server;
    QVERIFY(server.start(
        m_python,
        {peerScript("tcp_server.py"), "--port", "0", "--connections", "1", "--answer-at-eof"}));
    QVERIFY2(server.waitForOutput("\n"), server.err().constData());
    const QString port = QString::fromUtf8(server.lines().first()).section(QLatin1Char(' '), -1);

    Process cli;
    QVERIFY(cli.startCli({"client", "--port", port, "--json", "--trace", "--half-close"}));
    QVERIFY(cli.write("hello\nworld\n"));
    cli.closeInput();
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.dataText("received"), QStringLiteral("10 bytes received"));
    const int shutdownAt = lineOf(cli, "call", "shutdown");
    QVERIFY(shutdownAt >= 0);
    QCOMPARE(cli.events().at(shutdownAt).value("result").toInteger(), 0);
    QVERIFY(shutdownAt < lineOf(cli, "received"));
    QVERIFY(lineOf(cli, "received") < lineOf(cli, "call", "close"));
    QVERIFY(server.waitForExit());
    QCOMPARE(server.exitCode(), 0);
    QVERIFY(server.out().contains("Finalizando conexao do cliente"));
}

// nc -N half-closes at the end of its input (shutdown(SHUT_WR)) and keeps reading: the
// SocketLab server still echoes, then sees the end and closes.
void TestCliSocketOptions::ncHalfClosesAndStillGetsTheEcho()
{
    if (m_nc.isEmpty())
        QSKIP("nc is not installed");
    Process server;
    QVERIFY(startServer(server, {"--echo", "--trace"}));
    Process nc;
    QVERIFY(nc.start(m_nc, {"-N", "127.0.0.1", QString::number(server.listeningPort())}));
    QVERIFY(nc.write("hello"));
    nc.closeInput();
    QVERIFY(nc.waitForExit());
    QCOMPARE(nc.exitCode(), 0);
    QCOMPARE(nc.out(), QByteArray("hello"));
    QVERIFY(server.waitForEvents("disconnected", 1));
    QVERIFY(lineOf(server, "sent") < lineOf(server, "disconnected"));
    QCOMPARE(server.events("error").size(), 0);
}

// The recipe's Python server has no answer for a reset: its recv() raises
// ConnectionResetError (ECONNRESET).
void TestCliSocketOptions::resetGivesThePythonServerConnectionReset()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not installed");
    Process server;
    QVERIFY(
        server.start(m_python, {peerScript("tcp_server.py"), "--port", "0", "--connections", "1"}));
    QVERIFY2(server.waitForOutput("\n"), server.err().constData());
    const QString port = QString::fromUtf8(server.lines().first()).section(QLatin1Char(' '), -1);

    Process cli;
    QVERIFY(cli.startCli({"client", "--port", port, "--json", "--trace", "--reset"}));
    QVERIFY(cli.write("hello\n"));
    QVERIFY(server.waitForOutput("hello"));
    cli.closeInput();
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    const int lingerAt = lineOf(cli, "call", "setsockopt");
    QVERIFY(lingerAt >= 0);
    QVERIFY(cli.events().at(lingerAt).value("args").toString().endsWith(
        QLatin1String(", SO_LINGER, {1, 0}")));
    QVERIFY(lingerAt < lineOf(cli, "call", "close"));

    QVERIFY(server.waitForExit());
    QVERIFY2(server.err().contains("ConnectionResetError"), server.err().constData());
    QVERIFY(!server.out().contains("Finalizando"));
}

void TestCliSocketOptions::resetSeenByEveryServerMode_data()
{
    QTest::addColumn<QString>("mode");
    for (const char *mode : {"iterative", "fork", "thread", "poll"})
        QTest::newRow(mode) << mode;
}

void TestCliSocketOptions::resetSeenByEveryServerMode()
{
    QFETCH(QString, mode);
    Process server;
    QVERIFY(startServer(server, {"--echo", "--concurrency", mode}));
    Process cli;
    QVERIFY(cli.startCli(
        {"client", "--port", QString::number(server.listeningPort()), "--json", "--reset"}));
    QVERIFY(cli.write("hello\n"));
    QVERIFY(cli.waitForEvents("received", 1)); // the echo is back: the server waits in recv()
    cli.closeInput();
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY(server.waitForEvents("error", 1));
    const QJsonObject error = server.events("error").first();
    QCOMPARE(error.value("call").toString(), QStringLiteral("recv"));
    QCOMPARE(error.value("errno").toInteger(), ECONNRESET);
    QCOMPARE(error.value("peer").toString(),
             cli.events("connected").first().value("local").toString());
    QVERIFY(server.waitForEvents("disconnected", 1));
}

void TestCliSocketOptions::help()
{
    Process cli;
    QVERIFY(cli.startCli({"--help"}));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    for (const char *option : {"--nodelay", "--half-close", "--reset", "--sndbuf", "--rcvbuf"})
        QVERIFY2(cli.out().contains(option), option);
}

QTEST_GUILESS_MAIN(TestCliSocketOptions)
#include "tst_cli_socketoptions.moc"

// socketlab-cli server driven as a process: the --json contract, --quiet, --trace, the
// human lines, SIGTERM/SIGINT summaries and exit codes 0, 1 and 2.

#include "tests/cli/clitestsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace clitest;
using namespace testsupport;
using socketlab::Fd;

namespace {

const QSet<QString> kEventNames
    = {"listening", "connected", "data",           "disconnected", "sent",  "received",
       "error",     "call",      "handler_exited", "coalesced",    "state", "summary"};
const QSet<QString> kKeys
    = {"time",   "end_us",  "begin_us",    "event",    "peer",   "local",   "pid",
       "tid",    "handler", "bytes",       "text",     "call",   "args",    "result",
       "errno",  "message", "connections", "messages", "killed", "dropped", "truncated",
       "merged", "skipped", "state",       "from"};

// Every line is one JSON object that keeps to the contract; returns what is wrong, if anything.
QString contractViolation(const Process &cli)
{
    const QRegularExpression time(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$)"));
    for (const QByteArray &line : cli.lines()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return QStringLiteral("not a JSON object: ") + QString::fromUtf8(line);
        const QJsonObject e = doc.object();
        for (const QString &key : e.keys()) {
            if (!kKeys.contains(key))
                return QStringLiteral("unknown key %1 in %2").arg(key, QString::fromUtf8(line));
        }
        const QString name = e.value("event").toString();
        if (!kEventNames.contains(name))
            return QStringLiteral("unknown event: ") + QString::fromUtf8(line);
        if (!time.match(e.value("time").toString()).hasMatch())
            return QStringLiteral("bad time: ") + QString::fromUtf8(line);
        // end_us on every event, begin_us on calls (never after their end_us).
        if (!e.value("end_us").isDouble() || (name == "call") != e.contains("begin_us")
            || (name == "call" && e.value("begin_us").toInteger() > e.value("end_us").toInteger()))
            return QStringLiteral("bad end_us/begin_us: ") + QString::fromUtf8(line);
        if (!e.value("pid").isDouble() || !e.value("tid").isDouble())
            return QStringLiteral("no pid/tid: ") + QString::fromUtf8(line);
        const QString handler = e.value("handler").toString();
        if (handler != "main" && handler != "thread" && handler != "process")
            return QStringLiteral("bad handler: ") + QString::fromUtf8(line);
        QStringList needed;
        if (name == "data" || name == "sent" || name == "received")
            needed = {"peer", "local", "bytes", "text"};
        else if (name == "connected" || name == "disconnected")
            needed = {"peer", "local"};
        else if (name == "listening")
            needed = {"local"};
        else if (name == "call" || name == "error")
            needed = {"call", "args", "result", "errno", "message"};
        else if (name == "summary")
            needed = {"connections", "messages", "bytes", "killed"};
        for (const QString &key : needed) {
            if (!e.contains(key))
                return QStringLiteral("%1 lacks %2: %3").arg(name, key, QString::fromUtf8(line));
        }
    }
    return {};
}

// The live child processes of parent (forked from any of its threads), as /proc says.
QList<qint64> childrenOf(qint64 parent)
{
    QList<qint64> children;
    const QStringList names
        = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : names) {
        bool number = false;
        const qint64 pid = name.toLongLong(&number);
        if (number && parentOf(pid) == parent)
            children << pid;
    }
    return children;
}

// Waits until parent has `count` children; returns the one not in `known`, or 0.
qint64 waitForNewChild(qint64 parent, const QList<qint64> &known)
{
    qint64 found = 0;
    const bool appeared = QTest::qWaitFor(
        [&] {
            for (qint64 pid : childrenOf(parent)) {
                if (!known.contains(pid))
                    found = pid;
            }
            return found != 0;
        },
        kWaitMs);
    return appeared ? found : 0;
}

} // namespace

class TestCliServer : public QObject
{
    Q_OBJECT

private slots:
    void jsonContract_data();
    void jsonContract();
    void sigintAlsoSummarizes();
    void forkChildrenEndWithTheServer();
    void humanLines();
    void stateEvents();
    void quiet_data();
    void quiet();
    void quietStillShowsErrors_data();
    void quietStillShowsErrors();
    void trace();
    void quietResetKeepsEarlierData_data();
    void quietResetKeepsEarlierData();
    void stopReadsEveryChildThenKillsTheFrozen_data();
    void stopReadsEveryChildThenKillsTheFrozen();
    void forkTraceNamesTheCaller();
    void portInUse_data();
    void portInUse();
    void badArguments_data();
    void badArguments();
    void help();
};

void TestCliServer::jsonContract_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<bool>("tcp");
    QTest::addColumn<QString>("handler");
    QTest::newRow("iterative") << QStringList {"--concurrency", "iterative"} << true << "main";
    QTest::newRow("fork") << QStringList {"--concurrency", "fork"} << true << "process";
    QTest::newRow("thread") << QStringList {"--concurrency", "thread"} << true << "thread";
    QTest::newRow("poll") << QStringList {"--concurrency", "poll"} << true << "main";
    QTest::newRow("default mode") << QStringList {} << true << "thread";
    QTest::newRow("udp") << QStringList {"--proto", "udp"} << false << "main";
}

// Two clients one after the other, then SIGTERM: every line keeps to the contract, and the
// summary (the last line) has exact counts.
void TestCliServer::jsonContract()
{
    QFETCH(QStringList, options);
    QFETCH(bool, tcp);
    QFETCH(QString, handler);
    Process cli;
    QVERIFY(cli.startCli(QStringList {"server", "--port", "0", "--json"} + options));
    QVERIFY2(cli.waitForListening(), cli.err().constData());
    const quint16 port = cli.listeningPort();
    QCOMPARE(cli.events("listening").first().value("local").toString(),
             QStringLiteral("127.0.0.1:%1").arg(port));

    const QList<QByteArray> messages = {"hello", QByteArray("bin\x00\xff\"\\\n", 8)};
    QStringList peers;
    for (const QByteArray &m : messages) {
        Fd client = tcp ? tcpConnect(port) : udpSocket();
        QVERIFY(client.isValid());
        QVERIFY(tcp ? sendAll(client.get(), m) : sendTo(client.get(), m, port));
        peers << localOf(client.get());
        QVERIFY(QTest::qWaitFor([&] { return cli.dataText("data", peers.last()).size() > 0; },
                                kWaitMs));
    }
    QCOMPARE(cli.dataText("data", peers[0]), QStringLiteral("hello"));
    // 0xFF is \xff; the literal backslash is doubled (docs/cli.md), so the two never look alike.
    QCOMPARE(cli.dataText("data", peers[1]),
             QString::fromUtf8("bin") + QChar(0) + QStringLiteral("\\xff\"\\\\\n"));
    if (tcp)
        QVERIFY(cli.waitForEvents("disconnected", 2));

    cli.signal(SIGTERM);
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(cli.err().isEmpty(), cli.err().constData());
    const QString violation = contractViolation(cli);
    QVERIFY2(violation.isEmpty(), qPrintable(violation));

    const QList<QJsonObject> data = cli.events("data");
    QCOMPARE(data.size(), 2);
    for (const QJsonObject &e : data) {
        QCOMPARE(e.value("handler").toString(), handler);
        QCOMPARE(e.value("local").toString(), QStringLiteral("127.0.0.1:%1").arg(port));
        if (handler == "process")
            QVERIFY(e.value("pid").toInteger() != cli.pid());
        else
            QCOMPARE(e.value("pid").toInteger(), cli.pid());
    }
    QCOMPARE(data[1].value("bytes").toInteger(), 8);
    if (tcp) {
        QCOMPARE(cli.events("connected").size(), 2);
        QCOMPARE(cli.events("connected")[0].value("peer").toString(), peers[0]);
    }
    const QJsonObject summary = cli.events().last();
    QCOMPARE(summary.value("event").toString(), QStringLiteral("summary"));
    QCOMPARE(summary.value("connections").toInteger(), 2);
    QCOMPARE(summary.value("messages").toInteger(), 2);
    QCOMPARE(summary.value("bytes").toInteger(), 5 + 8);
    QCOMPARE(cli.events("summary").size(), 1);
}

void TestCliServer::sigintAlsoSummarizes()
{
    Process cli;
    QVERIFY(cli.startCli({"server", "--port", "0", "--json"}));
    QVERIFY(cli.waitForListening());
    Fd client = tcpConnect(cli.listeningPort());
    QVERIFY(sendAll(client.get(), "still here"));
    QVERIFY(cli.waitForEvents("data", 1));
    cli.signal(SIGINT); // with a client still connected
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.events().last().value("event").toString(), QStringLiteral("summary"));
    QCOMPARE(cli.events().last().value("bytes").toInteger(), 10);
    QVERIFY(peerClosed(client.get()));
}

// SIGTERM with clients connected to forked children: every child is stopped and reaped
// before the program exits (none is left running as an orphan).
void TestCliServer::forkChildrenEndWithTheServer()
{
    Process cli;
    QVERIFY(cli.startCli({"server", "--port", "0", "--json", "--concurrency", "fork"}));
    QVERIFY(cli.waitForListening());
    std::vector<Fd> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(tcpConnect(cli.listeningPort()));
        QVERIFY(sendAll(clients.back().get(), "x"));
        QVERIFY(cli.waitForEvents("data", i + 1));
    }
    QList<qint64> children;
    for (const QJsonObject &e : cli.events("connected")) {
        children << e.value("pid").toInteger();
        QCOMPARE(parentOf(children.last()), cli.pid());
    }
    QCOMPARE(QSet<qint64>(children.begin(), children.end()).size(), 3);
    cli.signal(SIGTERM);
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    for (qint64 pid : children)
        QCOMPARE(parentOf(pid), -1); // gone, not orphaned
    QCOMPARE(cli.events("handler_exited").size(), 3);
    QCOMPARE(cli.events().last().value("connections").toInteger(), 3);
    QCOMPARE(cli.events().last().value("messages").toInteger(), 3);
    for (const Fd &client : clients)
        QVERIFY(peerClosed(client.get()));
}

// The kernel's TCP states join the stream: a client that connects shows CLOSE -> ESTABLISHED,
// one that closes first leaves the server's side ESTABLISHED no more.
void TestCliServer::stateEvents()
{
    Process cli;
    QVERIFY(cli.startCli({"server", "--port", "0", "--json"}));
    QVERIFY(cli.waitForListening());
    Fd client = tcpConnect(cli.listeningPort());
    const QString peer = localOf(client.get());
    auto stateOf = [&cli, &peer](const QString &from, const QString &to) {
        for (const QJsonObject &e : cli.events("state")) {
            if (e.value("peer").toString() == peer && e.value("from").toString() == from
                && (to.isEmpty() || e.value("state").toString() == to))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(stateOf("CLOSE", "ESTABLISHED"), kWaitMs);
    client.reset();
    QTRY_VERIFY_WITH_TIMEOUT(stateOf("ESTABLISHED", QString()), kWaitMs);
    cli.signal(SIGTERM);
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.events().last().value("event").toString(), QStringLiteral("summary"));
    QVERIFY2(contractViolation(cli).isEmpty(), qPrintable(contractViolation(cli)));
}

void TestCliServer::humanLines()
{
    Process cli;
    QVERIFY(cli.startCli({"server", "--port", "0", "--lang", "en"}));
    QVERIFY(cli.waitForOutput("Listening on "));
    const QRegularExpression listening(QStringLiteral(
        R"(^\d\d:\d\d:\d\d\.\d{3}  Listening on 127\.0\.0\.1:(\d+) \(TCP, a thread per connection\)$)"));
    const QRegularExpressionMatch m = listening.match(QString::fromUtf8(cli.lines().value(0)));
    QVERIFY2(m.hasMatch(), cli.out().constData());
    const quint16 port = quint16(m.captured(1).toUInt());
    Fd client = tcpConnect(port);
    const QString peer = localOf(client.get());
    QVERIFY(sendAll(client.get(), "ol\xc3\xa1\tx"));
    client.reset();
    QVERIFY(cli.waitForOutput("Ending connection of client"));
    cli.signal(SIGTERM);
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    const QString out = QString::fromUtf8(cli.out());
    QVERIFY2(
        out.contains(QStringLiteral("  Connected by %1 (pid %2, thread ").arg(peer).arg(cli.pid())),
        qPrintable(out));
    QVERIFY2(out.contains(QRegularExpression(QStringLiteral("  %1 \\(pid %2, thread \\d+\\): ")
                                                 .arg(QRegularExpression::escape(peer))
                                                 .arg(cli.pid())
                                             + QString::fromUtf8("olá\\\\tx\n"))),
             qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("  Ending connection of client %1 (").arg(peer)),
             qPrintable(out));
    QVERIFY2(out.endsWith(QStringLiteral("  Summary: connections 1, messages 1, bytes 6\n")),
             qPrintable(out));
}

void TestCliServer::quiet_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::newRow("thread") << QStringList {};
    QTest::newRow("fork") << QStringList {"--concurrency", "fork"};
    QTest::newRow("iterative") << QStringList {"--concurrency", "iterative"};
    QTest::newRow("poll") << QStringList {"--concurrency", "poll"};
    QTest::newRow("udp") << QStringList {"--proto", "udp", "--echo"};
    QTest::newRow("fork with --trace") << QStringList {"--concurrency", "fork", "--trace"};
}

// --quiet prints only listening, error and summary; the counts stay exact.
void TestCliServer::quiet()
{
    QFETCH(QStringList, options);
    const bool udp = options.contains("udp");
    Process cli;
    QVERIFY(cli.startCli(QStringList {"server", "--port", "0", "--json", "--quiet"} + options));
    QVERIFY(cli.waitForListening());
    const quint16 port = cli.listeningPort();
    // One message per connection, each known to be read before the next: TCP waits for the
    // server's own close, UDP for the echo.
    qint64 bytes = 0;
    for (int i = 0; i < 3; ++i) {
        const QByteArray m = "quiet message " + QByteArray::number(i);
        bytes += m.size();
        if (udp) {
            Fd client = udpSocket();
            QVERIFY(sendTo(client.get(), m, port));
            QCOMPARE(receive(client.get(), m.size()), m);
        } else {
            Fd client = tcpConnect(port);
            QVERIFY(sendAll(client.get(), m));
            ::shutdown(client.get(), SHUT_WR);
            QVERIFY(peerClosed(client.get()));
        }
    }
    cli.signal(SIGTERM);
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QStringList names;
    for (const QJsonObject &e : cli.events())
        names << e.value("event").toString();
    QCOMPARE(names, (QStringList {"listening", "summary"}));
    const QJsonObject summary = cli.events("summary").first();
    QCOMPARE(summary.value("messages").toInteger(), 3);
    QCOMPARE(summary.value("bytes").toInteger(), bytes);
    QCOMPARE(summary.value("connections").toInteger(), 3);
}

void TestCliServer::quietStillShowsErrors_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::newRow("thread") << QStringList {};
    QTest::newRow("iterative") << QStringList {"--concurrency", "iterative"};
    QTest::newRow("fork") << QStringList {"--concurrency", "fork"};
    QTest::newRow("fork, large buffer")
        << QStringList {"--concurrency", "fork", "--buffer", "65536"};
    QTest::newRow("poll") << QStringList {"--concurrency", "poll"};
}

// A client that resets its connection is an error, which --quiet still prints.
void TestCliServer::quietStillShowsErrors()
{
    QFETCH(QStringList, options);
    Process cli;
    QVERIFY(cli.startCli(QStringList {"server", "--port", "0", "--json", "--quiet"} + options));
    QVERIFY(cli.waitForListening());
    const quint16 port = cli.listeningPort();
    Fd rude = tcpConnect(port);
    QVERIFY(sendAll(rude.get(), "x"));
    // Quiet: no data event to wait for, so watch the server's socket drain instead.
    const quint16 rudePort = socketlab::Endpoint::localOf(rude.get()).port();
    QVERIFY(QTest::qWaitFor([&] { return receiveQueue(port, rudePort) == 0; }, kWaitMs));
    abortiveClose(rude);
    QVERIFY2(cli.waitForEvents("error", 1), cli.out().constData());
    const QJsonObject error = cli.events("error").first();
    QCOMPARE(error.value("call").toString(), QStringLiteral("recv"));
    QCOMPARE(error.value("errno").toInteger(), ECONNRESET);
    cli.signal(SIGTERM);
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QStringList names;
    for (const QJsonObject &e : cli.events())
        names << e.value("event").toString();
    QCOMPARE(names, (QStringList {"listening", "error", "summary"}));
    QCOMPARE(cli.events("summary").first().value("connections").toInteger(), 1);
    QCOMPARE(cli.events("summary").first().value("messages").toInteger(), 1);
    QCOMPARE(cli.events("summary").first().value("bytes").toInteger(), 1);
}

void TestCliServer::trace()
{
    Process plain;
    QVERIFY(plain.startCli({"server", "--port", "0", "--json"}));
    Process traced;
    QVERIFY(traced.startCli(
        {"server", "--port", "0", "--json", "--trace", "--concurrency", "iterative"}));
    for (Process *cli : {&plain, &traced}) {
        QVERIFY(cli->waitForListening());
        Fd client = tcpConnect(cli->listeningPort());
        QVERIFY(sendAll(client.get(), "traced"));
        QVERIFY(cli->waitForEvents("data", 1));
        client.reset();
        QVERIFY(cli->waitForEvents("disconnected", 1));
        cli->signal(SIGTERM);
        QVERIFY(cli->waitForExit());
        QCOMPARE(cli->exitCode(), 0);
        const QString violation = contractViolation(*cli);
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
    }
    QCOMPARE(plain.events("call").size(), 0);
    QStringList calls;
    for (const QJsonObject &e : traced.events("call")) {
        if (!calls.contains(e.value("call").toString()))
            calls << e.value("call").toString();
    }
    // The recipe's server sequence, in order of first appearance.
    for (const char *call :
         {"getprotobyname", "socket", "bind", "listen", "accept", "recv", "close"})
        QVERIFY2(calls.contains(call), qPrintable(calls.join(",")));
    QVERIFY(calls.indexOf("socket") < calls.indexOf("bind"));
    QVERIFY(calls.indexOf("bind") < calls.indexOf("listen"));
    QVERIFY(calls.indexOf("listen") < calls.indexOf("accept"));
    QVERIFY(calls.indexOf("accept") < calls.indexOf("recv"));
    QVERIFY(calls.indexOf("recv") < calls.indexOf("close"));
    for (const QJsonObject &e : traced.events("call")) {
        if (e.value("call").toString() == "recv" && e.value("result").toInteger() > 0)
            QCOMPARE(e.value("result").toInteger(), 6);
        if (e.value("call").toString() == "bind")
            QCOMPARE(e.value("result").toInteger(), 0);
    }
}

void TestCliServer::quietResetKeepsEarlierData_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::newRow("fork") << QStringList {"--concurrency", "fork"}; // recvmmsg() batches
    QTest::newRow("fork, large buffer")
        << QStringList {"--concurrency", "fork", "--buffer", "65536"};
    QTest::newRow("fork, not quiet") << QStringList {"--concurrency", "fork", "--no-quiet"};
}

// A client sends, then resets before its child read anything (the child is frozen until
// both sit in its socket): the bytes that came before the RST still count, as recv() gives
// them before the error.
void TestCliServer::quietResetKeepsEarlierData()
{
    QFETCH(QStringList, options);
    QStringList arguments {"server", "--port", "0", "--json"};
    if (!options.removeAll("--no-quiet"))
        arguments << "--quiet";
    Process cli;
    QVERIFY(cli.startCli(arguments + options));
    QVERIFY(cli.waitForListening());
    const quint16 port = cli.listeningPort();
    Fd rude = tcpConnect(port);
    QVERIFY(rude.isValid());
    const qint64 child = waitForNewChild(cli.pid(), {});
    QVERIFY(child > 0);
    QCOMPARE(::kill(pid_t(child), SIGSTOP), 0);
    const QByteArray message(3000, 'r');
    QVERIFY(sendAll(rude.get(), message));
    const quint16 rudePort = socketlab::Endpoint::localOf(rude.get()).port();
    QVERIFY(
        QTest::qWaitFor([&] { return receiveQueue(port, rudePort) == message.size(); }, kWaitMs));
    abortiveClose(rude);
    QVERIFY(QTest::qWaitFor([&] { return receiveQueue(port, rudePort) < 0; }, kWaitMs)); // RST in
    QCOMPARE(::kill(pid_t(child), SIGCONT), 0);
    QVERIFY2(cli.waitForEvents("error", 1), cli.out().constData());
    QCOMPARE(cli.events("error").first().value("errno").toInteger(), ECONNRESET);
    cli.signal(SIGTERM);
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    const QJsonObject summary = cli.events("summary").first();
    QCOMPARE(summary.value("bytes").toInteger(), message.size());
    QVERIFY(summary.value("messages").toInteger() >= 1);
    QCOMPARE(summary.value("killed").toInteger(), 0);
}

void TestCliServer::stopReadsEveryChildThenKillsTheFrozen_data()
{
    QTest::addColumn<bool>("closeAtStop");
    QTest::newRow("client still connected") << false;
    QTest::newRow("client closes as SIGTERM arrives") << true;
}

// One child frozen, another that has read its client's bytes and reports them only as it
// ends: Stop reads every child's pipe (not one after the other on a shared clock), kills
// only the frozen one, says so, and still ends promptly.
void TestCliServer::stopReadsEveryChildThenKillsTheFrozen()
{
    QFETCH(bool, closeAtStop);
    Process cli;
    QVERIFY(cli.startCli({"server", "--port", "0", "--json", "--quiet", "--concurrency", "fork"}));
    QVERIFY(cli.waitForListening());
    const quint16 port = cli.listeningPort();

    Fd frozenClient = tcpConnect(port);
    QVERIFY(frozenClient.isValid());
    const qint64 frozen = waitForNewChild(cli.pid(), {});
    QVERIFY(frozen > 0);
    QCOMPARE(::kill(pid_t(frozen), SIGSTOP), 0);

    Fd client = tcpConnect(port);
    QVERIFY(client.isValid());
    QVERIFY(waitForNewChild(cli.pid(), {frozen}) > 0);
    const QByteArray message(2000, 'f');
    QVERIFY(sendAll(client.get(), message));
    const quint16 clientPort = socketlab::Endpoint::localOf(client.get()).port();
    QVERIFY(QTest::qWaitFor([&] { return receiveQueue(port, clientPort) == 0; }, kWaitMs));
    if (closeAtStop)
        client.reset();

    QElapsedTimer clock;
    clock.start();
    cli.signal(SIGTERM);
    QVERIFY(cli.waitForExit());
    const qint64 exitMs = clock.elapsed();
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(exitMs < 5000, qPrintable(QStringLiteral("exit took %1 ms").arg(exitMs)));
    qInfo("exited %lld ms after SIGTERM", exitMs);
    const QJsonObject summary = cli.events("summary").first();
    QCOMPARE(summary.value("connections").toInteger(), 2);
    QCOMPARE(summary.value("bytes").toInteger(), message.size());
    QCOMPARE(summary.value("killed").toInteger(), 1);
    QCOMPARE(parentOf(frozen), -1); // killed and reaped, not orphaned
    QVERIFY(peerClosed(frozenClient.get()));
}

// --trace in fork mode: waitpid is the parent's call (its pid and tid, handler main), and
// the children's recv() and send() rows name their sizes like the other modes.
void TestCliServer::forkTraceNamesTheCaller()
{
    Process cli;
    QVERIFY(cli.startCli(
        {"server", "--port", "0", "--json", "--trace", "--concurrency", "fork", "--echo"}));
    QVERIFY(cli.waitForListening());
    Fd client = tcpConnect(cli.listeningPort());
    QVERIFY(sendAll(client.get(), "traced"));
    QCOMPARE(receive(client.get(), 6), QByteArray("traced"));
    client.reset();
    QVERIFY(cli.waitForEvents("handler_exited", 1));
    cli.signal(SIGTERM);
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    const qint64 child = cli.events("connected").first().value("pid").toInteger();
    QVERIFY(child != cli.pid());
    int waitpids = 0;
    int recvs = 0;
    int sends = 0;
    for (const QJsonObject &e : cli.events("call")) {
        const QString call = e.value("call").toString();
        if (call == "waitpid") {
            ++waitpids;
            QCOMPARE(e.value("args").toString(), QString::number(child));
            QCOMPARE(e.value("result").toInteger(), child);
            QCOMPARE(e.value("pid").toInteger(), cli.pid());
            QVERIFY(e.value("tid").toInteger() != child);
            QCOMPARE(e.value("handler").toString(), QStringLiteral("main"));
        } else if (call == "recv") {
            ++recvs;
            QVERIFY2(QRegularExpression(QStringLiteral(R"(^fd \d+, 1024$)"))
                         .match(e.value("args").toString())
                         .hasMatch(),
                     qPrintable(e.value("args").toString()));
            QCOMPARE(e.value("pid").toInteger(), child);
        } else if (call == "send") {
            ++sends;
            QVERIFY2(QRegularExpression(QStringLiteral(R"(^fd \d+, 6$)"))
                         .match(e.value("args").toString())
                         .hasMatch(),
                     qPrintable(e.value("args").toString()));
        }
    }
    QCOMPARE(waitpids, 1);
    QCOMPARE(sends, 1);
    QVERIFY(recvs >= 2); // the bytes, then end of stream
}

void TestCliServer::portInUse_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<bool>("tcp");
    QTest::newRow("tcp, human") << QStringList {} << true;
    QTest::newRow("tcp, json") << QStringList {"--json"} << true;
    QTest::newRow("udp, json") << QStringList {"--proto", "udp", "--json"} << false;
}

void TestCliServer::portInUse()
{
    QFETCH(QStringList, options);
    QFETCH(bool, tcp);
    Fd holder(::socket(AF_INET, (tcp ? SOCK_STREAM : SOCK_DGRAM) | SOCK_CLOEXEC, 0));
    socklen_t length = 0;
    const sockaddr_storage any = addressOf("127.0.0.1", 0, &length);
    QCOMPARE(::bind(holder.get(), reinterpret_cast<const sockaddr *>(&any), length), 0);
    if (tcp)
        QCOMPARE(::listen(holder.get(), 1), 0);
    const QString port = QString::number(socketlab::Endpoint::localOf(holder.get()).port());
    Process cli;
    QVERIFY(cli.startCli(QStringList {"server", "--port", port, "--lang", "en"} + options));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 1);
    const QString err = QString::fromUtf8(cli.err());
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
    QVERIFY2(err.contains(QStringLiteral("bind(127.0.0.1:%1)").arg(port)), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("Address already in use")), qPrintable(err));
    // Why, in plain words: who holds the port, as the kernel's socket table says (this test).
    const QString why = QStringLiteral("Address in use: another program already has port %1: "
                                       "tst_cli_server (pid %2) on 127.0.0.1:%1")
                            .arg(port)
                            .arg(::getpid());
    // The line names the error once: the system's words, then the explanation without its
    // own name of it (the JSON explanation keeps it, standing alone).
    QVERIFY2(err.contains(QStringLiteral(" — ") + why.mid(16)), qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral(" — Address in use:")), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("(EADDRINUSE)")), qPrintable(err));
    if (options.contains("--json")) {
        const QList<QJsonObject> errors = cli.events("error");
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().value("call").toString(), QStringLiteral("bind"));
        QCOMPARE(errors.first().value("errno").toInteger(), EADDRINUSE);
        const QString explanation = errors.first().value("explanation").toString();
        QVERIFY2(explanation.contains(why), qPrintable(explanation));
        QCOMPARE(cli.events("listening").size(), 0);
    } else {
        QVERIFY2(cli.out().isEmpty(), cli.out().constData());
    }
}

void TestCliServer::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    QTest::newRow("port too big") << QStringList {"server", "--port", "70000"} << "70000";
    QTest::newRow("port not a number") << QStringList {"server", "--port", "abc"} << "abc";
    QTest::newRow("negative port") << QStringList {"server", "--port", "-1"} << "-1";
    QTest::newRow("client port 0") << QStringList {"client", "--port", "0"} << "\"0\"";
    QTest::newRow("client port too big") << QStringList {"client", "--port", "65536"} << "65536";
    QTest::newRow("protocol") << QStringList {"server", "--proto", "sctp"} << "sctp";
    QTest::newRow("concurrency") << QStringList {"server", "--concurrency", "banana"} << "banana";
    QTest::newRow("backlog") << QStringList {"server", "--backlog", "-5"} << "-5";
    QTest::newRow("buffer 0") << QStringList {"server", "--buffer", "0"} << "\"0\"";
    QTest::newRow("buffer huge") << QStringList {"server", "--buffer", "99999999999"}
                                 << "99999999999";
    QTest::newRow("max clients") << QStringList {"server", "--max-clients", "0"} << "\"0\"";
    QTest::newRow("language") << QStringList {"server", "--lang", "fr"} << "fr";
    QTest::newRow("empty host") << QStringList {"client", "--host", ""} << "--host";
    QTest::newRow("empty bind") << QStringList {"server", "--bind", " "} << "--bind";
    QTest::newRow("unknown option") << QStringList {"server", "--frobnicate"} << "frobnicate";
    QTest::newRow("missing value") << QStringList {"server", "--port"} << "port";
    QTest::newRow("no command") << QStringList {} << "server";
    QTest::newRow("unknown command") << QStringList {"serve"} << "serve";
    QTest::newRow("extra argument") << QStringList {"server", "now"} << "now";
    QTest::newRow("client option on server") << QStringList {"server", "--host", "x"} << "--host";
    QTest::newRow("server option on client") << QStringList {"client", "--echo"} << "--echo";
    QTest::newRow("quiet on client") << QStringList {"client", "--quiet"} << "--quiet";
    // A UDP server has no connections to hand out: the option is an error naming both.
    QTest::newRow("fork with udp, names fork")
        << QStringList {"server", "--proto", "udp", "--concurrency", "fork"} << "fork";
    QTest::newRow("fork with udp, names udp")
        << QStringList {"server", "--concurrency", "fork", "--proto", "udp"} << "--proto udp";
    QTest::newRow("thread with udp")
        << QStringList {"server", "--proto", "udp", "--concurrency", "thread"}
        << "--concurrency thread";
    QTest::newRow("poll with udp")
        << QStringList {"server", "--proto", "udp", "--concurrency", "poll"}
        << "--concurrency poll";
}

void TestCliServer::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    Process cli;
    QVERIFY(cli.startCli(arguments));
    cli.closeInput();
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 2);
    QVERIFY2(cli.out().isEmpty(), cli.out().constData());
    const QString err = QString::fromUtf8(cli.err());
    QCOMPARE(err.count(QLatin1Char('\n')), 1); // one line
    QVERIFY2(err.contains(named), qPrintable(err));
}

void TestCliServer::help()
{
    Process cli;
    QVERIFY(cli.startCli({"--help"}));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    for (const char *option :
         {"--proto", "--concurrency", "--port", "--bind", "--backlog", "--buffer", "--echo",
          "--max-clients", "--json", "--quiet", "--trace", "--lang", "--host", "--append-newline"})
        QVERIFY2(cli.out().contains(option), option);
}

QTEST_GUILESS_MAIN(TestCliServer)
#include "tst_cli_server.moc"

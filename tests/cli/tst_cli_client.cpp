// socketlab-cli client driven as a process against plain POSIX servers: what goes on the wire
// for each line of standard input, how it closes, and exit codes 0 and 1.

#include "core/server.h"
#include "tests/cli/clitestsupport.h"

#include <QElapsedTimer>
#include <QTest>

using namespace clitest;
using namespace testsupport;
using socketlab::Endpoint;
using socketlab::Fd;

namespace {

// A listening TCP socket of the test's own, on loopback, any port.
Fd listener(const char *host = "127.0.0.1")
{
    socklen_t length = 0;
    const sockaddr_storage any = addressOf(host, 0, &length);
    Fd fd(::socket(any.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (::bind(fd.get(), reinterpret_cast<const sockaddr *>(&any), length) != 0
        || ::listen(fd.get(), 4) != 0)
        return {};
    return fd;
}

Fd acceptOne(int listening)
{
    pollfd p {listening, POLLIN, 0};
    if (::poll(&p, 1, kWaitMs) <= 0)
        return {};
    return Fd(::accept4(listening, nullptr, nullptr, SOCK_CLOEXEC));
}

// Reads until the peer closes (or the wait runs out); returns what arrived and whether it closed.
QByteArray receiveUntilClosed(int fd, bool *closed)
{
    QByteArray got;
    *closed = false;
    QDeadlineTimer deadline(kWaitMs);
    while (!deadline.hasExpired()) {
        pollfd p {fd, POLLIN, 0};
        if (::poll(&p, 1, int(deadline.remainingTime())) <= 0)
            break;
        char buffer[4096];
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) {
            *closed = n == 0;
            break;
        }
        got.append(buffer, n);
    }
    return got;
}

// The client's memory high-water mark (VmHWM) in bytes, or -1 once it is gone.
qint64 peakMemory(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return -1;
}

// socketlab-cli with its environment as Process sets it, plus `extra`, standard input from
// `inputFile` when given, and standard output read as it comes (or thrown away).
class RawCli
{
public:
    RawCli(const QStringList &arguments, const QString &inputFile,
           const QProcessEnvironment &extra = {}, bool keepOutput = true)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.remove(QStringLiteral("LANGUAGE"));
        env.remove(QStringLiteral("LC_ALL"));
        env.remove(QStringLiteral("LC_MESSAGES"));
        for (const QString &key : extra.keys())
            env.insert(key, extra.value(key));
        m_process.setProcessEnvironment(env);
        if (!inputFile.isEmpty())
            m_process.setStandardInputFile(inputFile);
        if (!keepOutput)
            m_process.setStandardOutputFile(QProcess::nullDevice());
        m_process.start(cliPath(), arguments);
        m_process.waitForStarted(kWaitMs);
        m_pid = m_process.processId();
    }
    ~RawCli()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(kWaitMs);
        }
    }
    QProcess &process() { return m_process; }
    qint64 pid() const { return m_pid; }
    bool running() const { return m_process.state() == QProcess::Running; }
    bool waitForExit(int timeoutMs)
    {
        return QTest::qWaitFor([&] { return m_process.state() == QProcess::NotRunning; },
                               timeoutMs);
    }
    void signal(int sig)
    {
        if (running())
            ::kill(pid_t(m_pid), sig);
    }
    // Sum of "bytes" over the --json events named `event` seen so far (each line parsed once).
    qint64 bytesOf(const QByteArray &event)
    {
        m_pending += m_process.readAllStandardOutput();
        qsizetype start = 0;
        for (qsizetype end = m_pending.indexOf('\n'); end >= 0;
             end = m_pending.indexOf('\n', start)) {
            const QByteArray line = m_pending.mid(start, end - start);
            start = end + 1;
            if (!line.contains("\"event\":\"" + event + '"'))
                continue;
            m_bytes
                += QJsonDocument::fromJson(line).object().value(QLatin1String("bytes")).toInteger();
        }
        m_pending.remove(0, start);
        return m_bytes;
    }

private:
    QProcess m_process;
    qint64 m_pid = 0;
    QByteArray m_pending;
    qint64 m_bytes = 0;
};

} // namespace

class TestCliClient : public QObject
{
    Q_OBJECT

private slots:
    void linesOnTheWire_data();
    void linesOnTheWire();
    void ctrlXClosesWithInputStillOpen();
    void jsonEvents();
    void receivesReplies();
    void udpDatagramPerLine();
    void ipv6Host_data();
    void ipv6Host();
    void connectionRefused_data();
    void connectionRefused();
    void unknownHost_data();
    void unknownHost();
    void longLineInChunks_data();
    void longLineInChunks();
    void bigLineToAnEchoServer();
    void endlessLineKeepsMemoryBounded_data();
    void endlessLineKeepsMemoryBounded();
    void interruptDuringASilentLookup();
};

void TestCliClient::linesOnTheWire_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("line breaks removed")
        << QStringList {} << QByteArray("hello\nworld\n") << QByteArray("helloworld");
    QTest::newRow("crlf removed") << QStringList {} << QByteArray("a\r\nb\r\n") << QByteArray("ab");
    QTest::newRow("--append-newline")
        << QStringList {"--append-newline"} << QByteArray("hello\nworld\n")
        << QByteArray("hello\nworld\n");
    QTest::newRow("last line without break, at EOF")
        << QStringList {} << QByteArray("one\ntwo") << QByteArray("onetwo");
    QTest::newRow("empty lines send nothing")
        << QStringList {} << QByteArray("\n\nx\n\n") << QByteArray("x");
    QTest::newRow("ctrl-x line closes")
        << QStringList {} << QByteArray("one\n\x18\nnever\n") << QByteArray("one");
    QTest::newRow("ctrl-x inside a line is data") << QStringList {}
                                                  << QByteArray("a\x18"
                                                                "b\n")
                                                  << QByteArray("a\x18"
                                                                "b");
    QTest::newRow("binary and invalid utf-8")
        << QStringList {} << QByteArray("\xff\x00\xc0\n", 4) << QByteArray("\xff\x00\xc0", 3);
    QTest::newRow("a 64 KiB line") << QStringList {} << QByteArray(65536, 'L') + '\n'
                                   << QByteArray(65536, 'L');
    QTest::newRow("nothing at all") << QStringList {} << QByteArray() << QByteArray();
}

// Standard input to the wire: each line without its break (unless --append-newline), then
// end of input (or a Ctrl+X line) closes the socket and the client exits 0.
void TestCliClient::linesOnTheWire()
{
    QFETCH(QStringList, options);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, wire);
    Fd server = listener();
    QVERIFY(server.isValid());
    const QString port = QString::number(Endpoint::localOf(server.get()).port());
    Process cli;
    QVERIFY(cli.startCli(QStringList {"client", "--port", port} + options));
    Fd connection = acceptOne(server.get());
    QVERIFY(connection.isValid());
    QVERIFY(cli.write(input));
    cli.closeInput();
    bool closed = false;
    QCOMPARE(receiveUntilClosed(connection.get(), &closed), wire);
    QVERIFY(closed);
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(cli.err().isEmpty(), cli.err().constData());
}

// The recipe's way out: a line holding only Ctrl+X closes, though input goes on.
void TestCliClient::ctrlXClosesWithInputStillOpen()
{
    Fd server = listener();
    const QString port = QString::number(Endpoint::localOf(server.get()).port());
    Process cli;
    QVERIFY(cli.startCli({"client", "--port", port, "--json"}));
    Fd connection = acceptOne(server.get());
    QVERIFY(connection.isValid());
    QVERIFY(cli.write("bye\n\x18\n")); // standard input stays open
    bool closed = false;
    QCOMPARE(receiveUntilClosed(connection.get(), &closed), QByteArray("bye"));
    QVERIFY(closed);
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.events("disconnected").size(), 1);
}

void TestCliClient::jsonEvents()
{
    Fd server = listener();
    const quint16 port = Endpoint::localOf(server.get()).port();
    Process cli;
    QVERIFY(cli.startCli({"client", "--port", QString::number(port), "--json", "--trace"}));
    Fd connection = acceptOne(server.get());
    const QString clientAddress = Endpoint::peerOf(connection.get()).toString();
    QVERIFY(cli.write("hello\nol\xc3\xa1 \"q\"\n"));
    cli.closeInput();
    bool closed = false;
    receiveUntilClosed(connection.get(), &closed);
    QVERIFY(closed);
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QStringList names;
    for (const QJsonObject &e : cli.events()) {
        QVERIFY2(!e.isEmpty(), cli.out().constData()); // every line is a JSON object
        if (e.value("event").toString() != "call")
            names << e.value("event").toString();
    }
    QCOMPARE(names, (QStringList {"connected", "sent", "sent", "disconnected"}));
    const QJsonObject connected = cli.events("connected").first();
    QCOMPARE(connected.value("peer").toString(), QStringLiteral("127.0.0.1:%1").arg(port));
    QCOMPARE(connected.value("local").toString(), clientAddress);
    const QList<QJsonObject> sent = cli.events("sent");
    QCOMPARE(sent[0].value("text").toString(), QStringLiteral("hello"));
    QCOMPARE(sent[0].value("bytes").toInteger(), 5);
    QCOMPARE(sent[1].value("text").toString(), QString::fromUtf8("olá \"q\""));
    QCOMPARE(sent[1].value("bytes").toInteger(), 8);
    QStringList calls;
    for (const QJsonObject &e : cli.events("call"))
        calls << e.value("call").toString();
    QCOMPARE(calls,
             (QStringList {"getaddrinfo", "getprotobyname", "socket", "connect", "send", "send",
                           "close"}));
}

void TestCliClient::receivesReplies()
{
    Fd server = listener();
    const QString port = QString::number(Endpoint::localOf(server.get()).port());
    Process cli;
    QVERIFY(cli.startCli({"client", "--port", port, "--json"}));
    Fd connection = acceptOne(server.get());
    QVERIFY(sendAll(connection.get(), "welcome\xff"));
    QVERIFY(cli.waitForEvents("received", 1));
    QCOMPARE(cli.events("received").first().value("text").toString(),
             QStringLiteral("welcome\\xff"));
    QCOMPARE(cli.events("received").first().value("bytes").toInteger(), 8);
    // The server closes first: the client notices and exits 0.
    connection.reset();
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.events("disconnected").size(), 1);
}

void TestCliClient::udpDatagramPerLine()
{
    Fd server = udpSocket();
    const QString port = QString::number(Endpoint::localOf(server.get()).port());
    Process cli;
    QVERIFY(cli.startCli({"client", "--proto", "udp", "--port", port, "--json"}));
    QVERIFY(cli.write("one\n\ntwo\n\x18\n"));
    QList<QByteArray> datagrams;
    while (datagrams.size() < 3) {
        pollfd p {server.get(), POLLIN, 0};
        if (::poll(&p, 1, kWaitMs) <= 0)
            break;
        char buffer[2048];
        const ssize_t n = ::recv(server.get(), buffer, sizeof buffer, 0);
        datagrams << QByteArray(buffer, int(n));
    }
    // An empty line is an empty datagram: a real UDP message.
    QCOMPARE(datagrams, (QList<QByteArray> {"one", "", "two"}));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.events("sent").size(), 3);
}

void TestCliClient::ipv6Host_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("bare") << "::1";
    QTest::newRow("bracketed") << "[::1]";
}

void TestCliClient::ipv6Host()
{
    if (!haveIpv6())
        QSKIP("no IPv6 loopback");
    QFETCH(QString, host);
    Fd server = listener("::1");
    QVERIFY(server.isValid());
    const quint16 port = Endpoint::localOf(server.get()).port();
    Process cli;
    QVERIFY(cli.startCli({"client", "--host", host, "--port", QString::number(port), "--json"}));
    Fd connection = acceptOne(server.get());
    QVERIFY(connection.isValid());
    QVERIFY(cli.write("six\n"));
    cli.closeInput();
    bool closed = false;
    QCOMPARE(receiveUntilClosed(connection.get(), &closed), QByteArray("six"));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.events("connected").first().value("peer").toString(),
             QStringLiteral("[::1]:%1").arg(port));
}

void TestCliClient::connectionRefused_data()
{
    QTest::addColumn<bool>("json");
    QTest::newRow("human") << false;
    QTest::newRow("json") << true;
}

void TestCliClient::connectionRefused()
{
    QFETCH(bool, json);
    // Bound, never listening: connect() is refused.
    Fd closed(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    socklen_t length = 0;
    const sockaddr_storage any = addressOf("127.0.0.1", 0, &length);
    QCOMPARE(::bind(closed.get(), reinterpret_cast<const sockaddr *>(&any), length), 0);
    const QString port = QString::number(Endpoint::localOf(closed.get()).port());
    Process cli;
    QStringList arguments = {"client", "--port", port, "--lang", "en"};
    if (json)
        arguments << "--json";
    QVERIFY(cli.startCli(arguments));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 1);
    const QString err = QString::fromUtf8(cli.err());
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
    QVERIFY2(err.contains(QStringLiteral("connect(127.0.0.1:%1)").arg(port)), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("Connection refused")), qPrintable(err));
    // Why, in plain words, with what happened on the wire.
    const QString why = QStringLiteral("Refused: the port is closed. The kernel at 127.0.0.1:%1 "
                                       "answered the connection request (SYN) with a reset (RST)")
                            .arg(port);
    // The line names the error once: the system's words, then the explanation without its
    // own name of it (the JSON explanation keeps it, standing alone).
    QVERIFY2(err.contains(QStringLiteral(" — ") + why.mid(9)), qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral(" — Refused:")), qPrintable(err));
    if (json) {
        QCOMPARE(cli.events("error").size(), 1);
        QCOMPARE(cli.events("error").first().value("errno").toInteger(), ECONNREFUSED);
        const QString explanation = cli.events("error").first().value("explanation").toString();
        QVERIFY2(explanation.contains(why), qPrintable(explanation));
        QVERIFY2(explanation.endsWith(QLatin1String("(ECONNREFUSED)")), qPrintable(explanation));
    } else {
        QVERIFY2(cli.out().isEmpty(), cli.out().constData());
    }
}

void TestCliClient::unknownHost_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::newRow("tcp") << QStringList {};
    QTest::newRow("udp, json") << QStringList {"--proto", "udp", "--json"};
}

void TestCliClient::unknownHost()
{
    QFETCH(QStringList, options);
    Process cli;
    QVERIFY(cli.startCli(QStringList {"client", "--host", "no-such-host.invalid", "--lang", "en"}
                         + options));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 1);
    const QString err = QString::fromUtf8(cli.err());
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
    QVERIFY2(err.contains(QLatin1String("getaddrinfo(no-such-host.invalid) failed: ")),
             qPrintable(err));
    // The resolver's reason follows (offline machines may say the failure is temporary).
    QVERIFY2(err.trimmed().size() > err.indexOf(QLatin1String("failed: ")) + 8, qPrintable(err));
}

void TestCliClient::longLineInChunks_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QList<int>>("sends");
    QTest::addColumn<QByteArray>("tail");
    // 200 KiB: three full 64 KiB chunks and 8 KiB.
    QTest::newRow("plain") << QStringList {} << QByteArray("\nend\n")
                           << QList<int> {65536, 65536, 65536, 8192, 3} << QByteArray("end");
    QTest::newRow("--append-newline") << QStringList {"--append-newline"} << QByteArray("\n")
                                      << QList<int> {65536, 65536, 65536, 8193} << QByteArray("\n");
    QTest::newRow("crlf") << QStringList {} << QByteArray("\r\n")
                          << QList<int> {65536, 65536, 65536, 8192} << QByteArray();
    QTest::newRow("then ctrl-x") << QStringList {} << QByteArray("\n\x18\nnever\n")
                                 << QList<int> {65536, 65536, 65536, 8192} << QByteArray();
}

// A line longer than the buffer leaves in chunks as it arrives, each one send() (one "send"
// call and one "sent" event); the line break rules hold at the line's end.
void TestCliClient::longLineInChunks()
{
    QFETCH(QStringList, options);
    QFETCH(QByteArray, after);
    QFETCH(QList<int>, sends);
    QFETCH(QByteArray, tail);
    Fd server = listener();
    const QString port = QString::number(Endpoint::localOf(server.get()).port());
    Process cli;
    QVERIFY(cli.startCli(QStringList {"client", "--port", port, "--json", "--trace"} + options));
    Fd connection = acceptOne(server.get());
    QVERIFY(connection.isValid());
    const QByteArray line(200 * 1024, 'L');
    const QByteArray input = line + after;
    QVERIFY(cli.write(input));
    if (!after.contains('\x18'))
        cli.closeInput();
    bool closed = false;
    QCOMPARE(receiveUntilClosed(connection.get(), &closed), line + tail);
    QVERIFY(closed);
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QList<int> sent;
    for (const QJsonObject &e : cli.events("sent"))
        sent << int(e.value("bytes").toInteger());
    QCOMPARE(sent, sends);
    QList<int> calls;
    for (const QJsonObject &e : cli.events("call")) {
        if (e.value("call").toString() == QLatin1String("send"))
            calls << int(e.value("result").toInteger());
    }
    QCOMPARE(calls, sends);
}

// 16 MiB on one line to `socketlab-cli server --echo`: the echo server blocks sending back
// until the client reads, so the client must read while it sends.
void TestCliClient::bigLineToAnEchoServer()
{
    Process server;
    QVERIFY(server.startCli({"server", "--port", "0", "--echo", "--json", "--quiet"}));
    QVERIFY(server.waitForListening());
    constexpr qint64 kSize = 16 * 1024 * 1024;
    const QString port = QString::number(server.listeningPort());
    RawCli cli({"client", "--port", port, "--json"}, {});
    QVERIFY(cli.running());
    QProcess &input = cli.process();
    input.write(QByteArray(kSize, 'e') + '\n');
    QVERIFY2(QTest::qWaitFor([&] { return cli.bytesOf("received") >= kSize; }, 120000),
             qPrintable(QStringLiteral("%1 bytes echoed").arg(cli.bytesOf("received"))));
    QCOMPARE(cli.bytesOf("received"), kSize);
    input.closeWriteChannel();
    QVERIFY(cli.waitForExit(kWaitMs));
    QCOMPARE(input.exitCode(), 0);
}

void TestCliClient::endlessLineKeepsMemoryBounded_data()
{
    QTest::addColumn<bool>("peerReads");
    QTest::newRow("peer reads") << true;
    QTest::newRow("peer never reads") << false;
}

// Standard input that never breaks its line (/dev/zero): the client streams it in chunks and,
// when the peer stops reading, stops reading too. Its memory stays bounded either way.
void TestCliClient::endlessLineKeepsMemoryBounded()
{
    QFETCH(bool, peerReads);
#if defined(__SANITIZE_ADDRESS__)
    constexpr qint64 kBound = 192 * 1024 * 1024; // the sanitizer's shadow and quarantine
#else
    constexpr qint64 kBound = 64 * 1024 * 1024;
#endif
    constexpr qint64 kTotal = 256 * 1024 * 1024;
    socketlab::Server server;
    socketlab::ServerConfig config;
    config.port = 0;
    config.bufferSize = 65536;
    config.reportTraffic = false;
    config.reportCalls = false;
    Fd silent = listener();
    quint16 port = Endpoint::localOf(silent.get()).port();
    if (peerReads) {
        QVERIFY(server.start(config));
        port = server.localPort();
    }
    QProcessEnvironment env;
    env.insert(QStringLiteral("ASAN_OPTIONS"),
               qEnvironmentVariable("ASAN_OPTIONS") + QStringLiteral(":quarantine_size_mb=16"));
    RawCli cli({"client", "--port", QString::number(port)}, QStringLiteral("/dev/zero"), env,
               false);
    QVERIFY(cli.running());
    qint64 peak = 0;
    const auto sample = [&] {
        peak = qMax(peak, peakMemory(cli.pid()));
        return peak > kBound;
    };
    if (peerReads) {
        QVERIFY(
            QTest::qWaitFor([&] { return sample() || server.totals().bytes >= kTotal; }, 120000));
        QVERIFY2(server.totals().bytes >= kTotal,
                 qPrintable(QStringLiteral("%1 bytes arrived, client peak %2 bytes")
                                .arg(server.totals().bytes)
                                .arg(peak)));
    } else {
        Fd connection = acceptOne(silent.get());
        QVERIFY(connection.isValid());
        const quint16 clientPort = Endpoint::peerOf(connection.get()).port();
        // The socket's buffers fill; then the client must stop reading its input.
        QVERIFY(QTest::qWaitFor([&] { return sample() || receiveQueue(port, clientPort) > 0; },
                                kWaitMs));
        QVERIFY(!QTest::qWaitFor(sample, 3000));
        // Blocked in a send, it still stops at once.
        cli.signal(SIGINT);
        QVERIFY(cli.waitForExit(2000));
    }
    sample();
    qInfo("client peak memory (VmHWM): %lld KiB", peak >> 10);
    QVERIFY2(peak < kBound, qPrintable(QStringLiteral("peak memory %1 MiB").arg(peak >> 20)));
}

// Ctrl+C while getaddrinfo() waits for a DNS server that never answers: the client exits
// at once instead of waiting for the lookup.
void TestCliClient::interruptDuringASilentLookup()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral(SILENTDNS_PATH));
    // An ASan build wants its runtime first in the list; the shim has none of its own.
    env.insert(QStringLiteral("ASAN_OPTIONS"),
               qEnvironmentVariable("ASAN_OPTIONS") + QStringLiteral(":verify_asan_link_order=0"));
    RawCli cli({"client", "--host", "silent.example", "--port", "5000", "--json"}, {}, env);
    QVERIFY(cli.running());
    QByteArray err;
    QVERIFY(QTest::qWaitFor(
        [&] {
            err += cli.process().readAllStandardError();
            return err.contains("silentdns: lookup blocked");
        },
        kWaitMs));
    QElapsedTimer timer;
    timer.start();
    cli.signal(SIGINT);
    QVERIFY2(cli.waitForExit(2000), "still waiting for getaddrinfo()");
    QVERIFY(timer.elapsed() < 2000);
}

QTEST_GUILESS_MAIN(TestCliClient)
#include "tst_cli_client.moc"

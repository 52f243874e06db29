// socketlab-cli check decides each item as soon as the probes it depends on have run: the
// item lines stream while the program still runs, each item exactly once, the score last;
// and what was decided early is what the whole run decides (the check says on standard
// error when it is not). --output writes the program's calls as trace does.

#include "tests/check/checktestsupport.h"

#include "core/checkexercise.h"
#include "core/checkrubric.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace checktest;
using namespace socketlab;

namespace {

// Is a process running whose command line names path (the program's unique copy), other
// than socketlab-cli, whose own arguments name it too?
bool programRunning(const QString &path)
{
    const QByteArray wanted = QFile::encodeName(path);
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        bool number = false;
        pid.toInt(&number);
        if (!number)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(wanted)
            && comm.open(QIODevice::ReadOnly) && !comm.readAll().startsWith("socketlab"))
            return true;
    }
    return false;
}

struct LiveRun
{
    int exitCode = -1;
    QList<QJsonObject> lines; // item and score events, in the order they came
    QList<bool> whileRunning; // per line: the program was still running when it was read
    QByteArray err;
};

// Runs check --json on a unique copy of the program and reads each line as it comes.
// stopAfterLines > 0: SIGTERM to the check once that many lines came.
LiveRun runLive(const QString &exercise, const QString &program, const QStringList &extra = {},
                int stopAfterLines = 0)
{
    LiveRun run;
    QTemporaryDir dir;
    const QString copy = readableCopy(dir, program, QFileInfo(program).fileName());
    QProcess process;
    process.setProcessEnvironment(environment());
    QStringList arguments = {"check", "--exercise", exercise, "--timeout", "20", "--json"};
    arguments << extra << QStringLiteral("--") << QStringLiteral("python3") << copy;
    process.start(QStringLiteral(SOCKETLAB_CLI_PATH), arguments);
    process.closeWriteChannel();
    QByteArray pending;
    bool stopped = false;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < kCheckWaitMs) {
        const bool finished
            = !process.waitForReadyRead(100) && process.state() == QProcess::NotRunning;
        pending += process.readAllStandardOutput();
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(newline);
            pending.remove(0, newline + 1);
            run.lines << QJsonDocument::fromJson(line).object();
            run.whileRunning << programRunning(copy);
        }
        if (stopAfterLines > 0 && !stopped && run.lines.size() >= stopAfterLines) {
            stopped = true;
            ::kill(pid_t(process.processId()), SIGTERM);
        }
        if (finished)
            break;
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.err = process.readAllStandardError();
    return run;
}

QStringList itemIds(const LiveRun &run)
{
    QStringList ids;
    for (const QJsonObject &line : run.lines) {
        if (line.value(QLatin1String("event")).toString() == QLatin1String("item"))
            ids << line.value(QLatin1String("item")).toString();
    }
    return ids;
}

} // namespace

class TestCliCheckLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void itemsStreamWhileRunning();
    void liveEqualsFinal_data();
    void liveEqualsFinal();
    void outputFile();
    void stopsOnSigterm();
};

void TestCliCheckLive::initTestCase()
{
    if (!privateNetworkAvailable())
        QSKIP("user namespaces are not available here: check cannot make a private network");
}

void TestCliCheckLive::itemsStreamWhileRunning()
{
    // The recipe's fork server runs until the check stops it: the first items must come
    // before that, while the server is still serving SocketLab's clients.
    const LiveRun run
        = runLive(QStringLiteral("tcp-server-fork"), recipe(QStringLiteral("tcp_server_fork.py")));
    QCOMPARE(run.exitCode, 1); // children-reaped
    QVERIFY(!run.lines.isEmpty());
    QCOMPARE(run.lines.first().value(QLatin1String("event")).toString(), QStringLiteral("item"));
    QVERIFY2(run.whileRunning.first(), "the first item came only after the program had ended");
    QCOMPARE(run.lines.last().value(QLatin1String("event")).toString(), QStringLiteral("score"));
}

void TestCliCheckLive::liveEqualsFinal_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("exercise");
    // Whether some item comes while the program runs: a server that ends after its first
    // datagram is gone before anything but its reads could be said.
    QTest::addColumn<bool>("live");
    const QDir corpusDir(QStringLiteral(SOCKETLAB_SOURCE_DIR "/tests/check/corpus"));
    const QList<QPair<QString, QString>> cases = {
        {"tcp_server_ok.py", "tcp-server"},
        {"tcp_server_no_close.py", "tcp-server"},
        {"tcp_server_once.py", "tcp-server"},
        {"fork_ok.py", "tcp-server-fork"},
        {"fork_child_keeps_listener.py", "tcp-server-fork"},
        {"fork_parent_keeps_connection.py", "tcp-server-fork"},
        {"thread_ok.py", "tcp-server-thread"},
        {"thread_serves_one.py", "tcp-server-thread"},
        {"udp_server_once.py", "udp-server"},
        {"tcp_client_no_close.py", "tcp-client"},
        {"tcp_client_sends_ctrl_x.py", "tcp-client"},
        {"udp_client_hardcoded.py", "udp-client"},
    };
    for (const auto &entry : cases)
        QTest::newRow(qPrintable(entry.first))
            << corpus(entry.first) << entry.second
            << (entry.first != QLatin1String("udp_server_once.py"));
    const QList<QPair<QString, QString>> recipes = {
        {"tcp_server.py", "tcp-server"},
        {"tcp_server_fork.py", "tcp-server-fork"},
        {"tcp_server_thread.py", "tcp-server-thread"},
        {"udp_server.py", "udp-server"},
        {"tcp_client.py", "tcp-client"},
        {"udp_client.py", "udp-client"},
    };
    for (const auto &entry : recipes)
        QTest::newRow(qPrintable(QStringLiteral("recipe ") + entry.first))
            << recipe(entry.first) << entry.second << true;
}

void TestCliCheckLive::liveEqualsFinal()
{
    QFETCH(QString, program);
    QFETCH(QString, exercise);
    QFETCH(bool, live);
    Exercise parsed;
    QVERIFY(parseExercise(exercise, &parsed));
    const LiveRun run = runLive(exercise, program);
    QVERIFY2(run.exitCode == 0 || run.exitCode == 1, run.err.constData());
    // Every item exactly once, then the score.
    QStringList ids = itemIds(run);
    QStringList want = CheckRubric::itemIds(parsed);
    QCOMPARE(run.lines.size(), ids.size() + 1);
    QCOMPARE(run.lines.last().value(QLatin1String("event")).toString(), QStringLiteral("score"));
    ids.sort();
    want.sort();
    QCOMPARE(ids, want);
    // What was decided while the program ran is what the whole run decides: the check
    // compares the two and says so on standard error when they differ.
    QVERIFY2(!run.err.contains("decided while the program ran"), run.err.constData());
    // Some items did come while the program ran (a client program ends by itself at the
    // Ctrl+X line; the items decided before it are read while it waits for the next line).
    int early = 0;
    for (int i = 0; i < run.lines.size(); ++i)
        early += run.whileRunning.at(i) ? 1 : 0;
    if (live)
        QVERIFY2(early > 0, "no item was decided while the program ran");
}

void TestCliCheckLive::outputFile()
{
    QTemporaryDir dir;
    const QString output = dir.filePath(QStringLiteral("calls.jsonl"));
    const LiveRun run
        = runLive(QStringLiteral("tcp-server"), corpus(QStringLiteral("tcp_server_ok.py")),
                  {QStringLiteral("--output"), output});
    QCOMPARE(run.exitCode, 0);
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QSet<QString> kinds;
    QSet<QString> calls;
    QSet<QString> quoted; // pid:tid:end_us of every call and process event
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        QVERIFY2(!object.isEmpty(), line.constData());
        kinds << object.value(QLatin1String("event")).toString();
        calls << object.value(QLatin1String("call")).toString();
        quoted << QStringLiteral("%1:%2:%3")
                      .arg(object.value(QLatin1String("pid")).toInteger())
                      .arg(object.value(QLatin1String("tid")).toInteger())
                      .arg(object.value(QLatin1String("end_us")).toInteger());
    }
    QCOMPARE(kinds, (QSet<QString> {QStringLiteral("call"), QStringLiteral("process")}));
    QVERIFY(calls.contains(QStringLiteral("accept")));
    // Each item's calls are events of that file, one for one.
    int referenced = 0;
    for (const QJsonObject &line : run.lines) {
        const QJsonArray itemCalls = line.value(QLatin1String("calls")).toArray();
        for (const QJsonValue &value : itemCalls) {
            const QJsonObject call = value.toObject();
            const QString key = QStringLiteral("%1:%2:%3")
                                    .arg(call.value(QLatin1String("pid")).toInteger())
                                    .arg(call.value(QLatin1String("tid")).toInteger())
                                    .arg(call.value(QLatin1String("end_us")).toInteger());
            QVERIFY2(quoted.contains(key), qPrintable(key));
            ++referenced;
        }
    }
    QVERIFY(referenced > 0);
}

void TestCliCheckLive::stopsOnSigterm()
{
    // Stopped once the first items came: the program's tree is killed, the items decided so
    // far and their score are printed, and the check ends with 1.
    const LiveRun run = runLive(QStringLiteral("tcp-server-fork"),
                                recipe(QStringLiteral("tcp_server_fork.py")), {}, 1);
    QCOMPARE(run.exitCode, 1);
    QVERIFY(!run.lines.isEmpty());
    QCOMPARE(run.lines.last().value(QLatin1String("event")).toString(), QStringLiteral("score"));
    QVERIFY2(run.err.contains("Interrupted"), run.err.constData());
    QVERIFY(!run.whileRunning.last());
}

QTEST_GUILESS_MAIN(TestCliCheckLive)
#include "tst_cli_check_live.moc"

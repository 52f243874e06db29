// socketlab-cli check as docs/cli.md says: the rubric on the corpus written for it (each
// classic mistake flagged by exactly its items) and on the recipe's six programs, the item
// and score events, the translated lines, and exit 2 for bad arguments.

#include "tests/check/checktestsupport.h"

#include "core/checkexercise.h"
#include "core/checkrubric.h"

#include <QStandardPaths>
#include <QTest>

using namespace checktest;
using namespace socketlab;

class TestCliCheck : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void badArguments_data();
    void badArguments();
    void corpus_data();
    void corpus();
    void recipe_data();
    void recipe();
    void cProgram();
    void translatedLines();

private:
    void verifyItems(const Result &result, Exercise exercise, const QStringList &failed);
};

void TestCliCheck::initTestCase()
{
    if (!privateNetworkAvailable())
        QSKIP("user namespaces are not available here: check cannot make a private network");
}

void TestCliCheck::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString python = QStringLiteral("python3");
    const QString program = checktest::corpus(QStringLiteral("tcp_server_ok.py"));
    QTest::newRow("unknown exercise")
        << QStringList {"check", "--exercise", "tcp-sever", "--", python, program};
    QTest::newRow("missing exercise") << QStringList {"check", "--", python, program};
    QTest::newRow("port 0") << QStringList {"check", "--exercise", "tcp-server", "--port",
                                            "0",     "--",         python,       program};
    QTest::newRow("port 70000") << QStringList {"check", "--exercise", "tcp-server", "--port",
                                                "70000", "--",         python,       program};
    QTest::newRow("timeout 0") << QStringList {"check", "--exercise", "tcp-server", "--timeout",
                                               "0",     "--",         python,       program};
    QTest::newRow("timeout text") << QStringList {"check", "--exercise", "tcp-server", "--timeout",
                                                  "soon",  "--",         python,       program};
    QTest::newRow("missing program") << QStringList {"check", "--exercise", "tcp-server"};
    QTest::newRow("program not found")
        << QStringList {"check", "--exercise", "tcp-server", "--", "/nonexistent/student"};
    QTest::newRow("csv without batch") << QStringList {
        "check", "--exercise", "tcp-server", "--csv", "x.csv", "--", python, program};
    QTest::newRow("json with batch")
        << QStringList {"check", "--exercise", "tcp-server", "--batch", ".", "--json"};
    QTest::newRow("option of another command")
        << QStringList {"check", "--exercise", "tcp-server", "--echo", "--", python, program};
    QTest::newRow("exercise for server") << QStringList {"server", "--exercise", "tcp-server"};
}

void TestCliCheck::badArguments()
{
    QFETCH(QStringList, arguments);
    const Result result = runCli(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    // One line naming what is wrong.
    QCOMPARE(result.err.count('\n'), 1);
}

void TestCliCheck::verifyItems(const Result &result, Exercise exercise, const QStringList &failed)
{
    // Every item of the exercise once (in the order they were decided), each with its keys.
    QStringList ids;
    for (const QJsonObject &item : result.items) {
        ids << item.value(QLatin1String("item")).toString();
        QVERIFY(item.value(QLatin1String("evidence")).isArray());
        QVERIFY(!item.value(QLatin1String("explanation")).toString().isEmpty());
        const QString outcome = item.value(QLatin1String("result")).toString();
        QVERIFY2(outcome == QLatin1String("pass") || outcome == QLatin1String("fail")
                     || outcome == QLatin1String("n/a"),
                 qPrintable(outcome));
        if (outcome == QLatin1String("fail"))
            QVERIFY(item.value(QLatin1String("explanation"))
                        .toString()
                        .contains(QLatin1String("What to change:")));
    }
    QStringList every = CheckRubric::itemIds(exercise);
    ids.sort();
    every.sort();
    QCOMPARE(ids, every);
    QStringList got = result.withResult(QStringLiteral("fail"));
    QStringList want = failed;
    got.sort();
    want.sort();
    QCOMPARE(got, want);
    QCOMPARE(result.score.value(QLatin1String("failed")).toInt(), failed.size());
    QCOMPARE(result.score.value(QLatin1String("passed")).toInt(),
             result.withResult(QStringLiteral("pass")).size());
    QCOMPARE(result.score.value(QLatin1String("total")).toInt(),
             result.withResult(QStringLiteral("pass")).size() + failed.size());
    QCOMPARE(result.exitCode, failed.isEmpty() ? 0 : 1);
}

void TestCliCheck::corpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("exercise");
    QTest::addColumn<QStringList>("failed");
    QTest::newRow("tcp server, correct") << "tcp_server_ok.py"
                                         << "tcp-server" << QStringList {};
    QTest::newRow("tcp server, never closes")
        << "tcp_server_no_close.py"
        << "tcp-server" << QStringList {"closes-on-eof", "no-descriptor-growth"};
    QTest::newRow("tcp server, no accept loop")
        << "tcp_server_once.py"
        << "tcp-server" << QStringList {"accepts-again", "survives-reset"};
    QTest::newRow("fork server, correct") << "fork_ok.py"
                                          << "tcp-server-fork" << QStringList {};
    QTest::newRow("fork, child keeps the listener")
        << "fork_child_keeps_listener.py"
        << "tcp-server-fork" << QStringList {"child-closes-listener"};
    QTest::newRow("fork, parent keeps the connection")
        << "fork_parent_keeps_connection.py"
        << "tcp-server-fork" << QStringList {"parent-closes-connection", "no-descriptor-growth"};
    QTest::newRow("thread server, correct") << "thread_ok.py"
                                            << "tcp-server-thread" << QStringList {};
    QTest::newRow("thread server serving one at a time")
        << "thread_serves_one.py"
        << "tcp-server-thread" << QStringList {"serves-two-at-once", "thread-per-connection"};
    QTest::newRow("udp server, one datagram")
        << "udp_server_once.py"
        << "udp-server" << QStringList {"receives-every-datagram"};
    QTest::newRow("tcp client, no close") << "tcp_client_no_close.py"
                                          << "tcp-client" << QStringList {"closes-socket"};
    QTest::newRow("tcp client sends Ctrl+X") << "tcp_client_sends_ctrl_x.py"
                                             << "tcp-client" << QStringList {"stops-at-ctrl-x"};
    QTest::newRow("udp client to 192.168.1.10") << "udp_client_hardcoded.py"
                                                << "udp-client" << QStringList {};
}

void TestCliCheck::corpus()
{
    QFETCH(QString, file);
    QFETCH(QString, exercise);
    QFETCH(QStringList, failed);
    Exercise parsed;
    QVERIFY(parseExercise(exercise, &parsed));
    // Waits that time out on purpose (a connection never closed) fit well within 20 s.
    const Result result = runCli({"check", "--exercise", exercise, "--timeout", "20", "--json",
                                  "--", "python3", checktest::corpus(file)});
    verifyItems(result, parsed, failed);
}

void TestCliCheck::recipe_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("exercise");
    QTest::addColumn<QStringList>("failed");
    // The recipe's iterative server dies when a client resets (Python raises
    // ConnectionResetError); its fork server leaves zombies; the rest is right.
    QTest::newRow("tcp_server") << "tcp_server.py"
                                << "tcp-server" << QStringList {"survives-reset"};
    QTest::newRow("tcp_server_fork") << "tcp_server_fork.py"
                                     << "tcp-server-fork" << QStringList {"children-reaped"};
    QTest::newRow("tcp_server_thread") << "tcp_server_thread.py"
                                       << "tcp-server-thread" << QStringList {};
    QTest::newRow("udp_server") << "udp_server.py"
                                << "udp-server" << QStringList {};
    QTest::newRow("tcp_client") << "tcp_client.py"
                                << "tcp-client" << QStringList {};
    QTest::newRow("udp_client") << "udp_client.py"
                                << "udp-client" << QStringList {};
}

void TestCliCheck::recipe()
{
    QFETCH(QString, file);
    QFETCH(QString, exercise);
    QFETCH(QStringList, failed);
    Exercise parsed;
    QVERIFY(parseExercise(exercise, &parsed));
    const Result result = runCli({"check", "--exercise", exercise, "--timeout", "20", "--json",
                                  "--", "python3", checktest::recipe(file)});
    verifyItems(result, parsed, failed);
    if (file == QLatin1String("tcp_server_fork.py")) {
        // Kindly: it works, and the recipe itself has the gap.
        const QJsonObject reaped = result.item(QStringLiteral("children-reaped"));
        const QString explanation = reaped.value(QLatin1String("explanation")).toString();
        QVERIFY2(explanation.contains(QLatin1String("The server works")), qPrintable(explanation));
        QVERIFY2(explanation.contains(QLatin1String("recipe")), qPrintable(explanation));
        QVERIFY(explanation.contains(QLatin1String("waitpid")));
        QVERIFY(!reaped.value(QLatin1String("evidence")).toArray().isEmpty());
        QVERIFY(reaped.value(QLatin1String("evidence"))
                    .toArray()
                    .first()
                    .toString()
                    .contains(QLatin1String("zombie")));
    }
}

void TestCliCheck::cProgram()
{
    const QString cc = QStandardPaths::findExecutable(QStringLiteral("cc"));
    if (cc.isEmpty())
        QSKIP("no C compiler here");
    QTemporaryDir dir;
    const QString source = readableCopy(dir, checktest::corpus(QStringLiteral("tcp_server_ok.c")),
                                        QStringLiteral("server.c"));
    QProcess compiler;
    compiler.start(cc, {QStringLiteral("-o"), dir.filePath(QStringLiteral("server")), source});
    QVERIFY(compiler.waitForFinished(kCheckWaitMs));
    QCOMPARE(compiler.exitCode(), 0);
    QFile::setPermissions(dir.filePath(QStringLiteral("server")),
                          QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther
                              | QFileDevice::ExeOther);
    const Result result = runCli({"check", "--exercise", "tcp-server", "--timeout", "20", "--json",
                                  "--", dir.filePath(QStringLiteral("server"))});
    verifyItems(result, Exercise::TcpServer, {});
}

void TestCliCheck::translatedLines()
{
    const QStringList arguments = {"check",
                                   "--exercise",
                                   "tcp-server-fork",
                                   "--timeout",
                                   "20",
                                   "--",
                                   "python3",
                                   checktest::recipe(QStringLiteral("tcp_server_fork.py"))};
    const int items = int(CheckRubric::itemIds(Exercise::TcpServerFork).size());
    const Result english = runCli(arguments);
    QCOMPARE(english.exitCode, 1);
    QList<QByteArray> lines = english.out.trimmed().split('\n');
    QCOMPARE(lines.size(), items + 1); // one line per item, then the score
    QVERIFY2(english.out.contains("failed  children-reaped: The server works"),
             english.out.constData());
    QVERIFY(english.out.contains("passed  server-sequence:"));
    QVERIFY(english.out.contains("not applicable  threads-end:"));
    QVERIFY(english.out.contains("Evidence: "));
    QVERIFY(lines.last().startsWith("Score: 15 of 16"));

    const Result portuguese
        = runCli(QStringList(arguments) << QStringLiteral("--lang") << QStringLiteral("pt_BR"));
    QCOMPARE(portuguese.exitCode, 1);
    lines = portuguese.out.trimmed().split('\n');
    QCOMPARE(lines.size(), items + 1);
    // The ids stay as they are; the words around them are Portuguese.
    QVERIFY2(portuguese.out.contains("reprovado  children-reaped: "), portuguese.out.constData());
    QVERIFY(portuguese.out.contains("aprovado  server-sequence:"));
    QVERIFY(portuguese.out.contains("O que mudar:"));
    QVERIFY(portuguese.out.contains("Evidências: "));
    QVERIFY(!portuguese.out.contains("What to change"));
}

QTEST_GUILESS_MAIN(TestCliCheck)
#include "tst_cli_check.moc"

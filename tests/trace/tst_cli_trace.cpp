// socketlab-cli trace as the contract in docs/cli.md says: the program keeps the terminal,
// events go to --output or standard error (JSON or translated lines), process events, the
// summary, the program's exit status, 127/126/2, SIGINT and SIGTERM, and never a program
// left behind.

#include "tests/trace/tracetestsupport.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>

using namespace tracetest;

namespace {

QList<QJsonObject> jsonLines(const QByteArray &bytes)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : bytes.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        objects << QJsonDocument::fromJson(line).object();
    }
    return objects;
}

QProcessEnvironment englishEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("LC_ALL"));
    env.remove(QStringLiteral("LC_MESSAGES"));
    return env;
}

} // namespace

class TestCliTrace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void jsonToOutputFile();
    void humanLinesOnStandardError();
    void portugueseLines();
    void exitCodes_data();
    void exitCodes();
    void notPermitted();
    void sigtermEndsTheProgram();
    void interruptIsPassedOnAndASecondOneEnds();
    void programDiesWithSocketLab();

private:
    QProcess *startTrace(const QStringList &arguments);
    QTemporaryDir m_dir;
    QString m_python;
    std::vector<std::unique_ptr<QProcess>> m_processes;
};

void TestCliTrace::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_python = realPython();
}

void TestCliTrace::cleanup()
{
    for (auto &process : m_processes) {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(kWaitMs);
        }
    }
    m_processes.clear();
}

QProcess *TestCliTrace::startTrace(const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(englishEnvironment());
    process->start(QStringLiteral(SOCKETLAB_CLI_PATH),
                   QStringList {QStringLiteral("trace")} + arguments);
    m_processes.push_back(std::move(process));
    return m_processes.back().get();
}

void TestCliTrace::jsonToOutputFile()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not installed");
    const quint16 port = freePort();
    const QString events = m_dir.filePath(QStringLiteral("events.json"));
    const QString script = QStringLiteral("import socket, os, sys\n"
                                          "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
                                          "s.bind(('127.0.0.1', %1))\n"
                                          "s.listen(1)\n"
                                          "pid = os.fork()\n"
                                          "if pid == 0:\n"
                                          "    os._exit(0)\n"
                                          "os.waitpid(pid, 0)\n"
                                          "left = os.fork()\n"
                                          "if left == 0:\n"
                                          "    os._exit(0)\n"
                                          "os.waitid(os.P_PID, left, os.WEXITED | os.WNOWAIT)\n"
                                          "print('done')\n"
                                          "sys.exit(3)\n")
                               .arg(port);
    QProcess *trace = startTrace({QStringLiteral("--json"), QStringLiteral("--output"), events,
                                  QStringLiteral("--"), m_python, QStringLiteral("-c"), script});
    QVERIFY(trace->waitForFinished(kWaitMs));
    QCOMPARE(trace->exitCode(), 3);
    QCOMPARE(trace->readAllStandardOutput(), QByteArray("done\n")); // the program's own
    QFile file(events);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QJsonObject> lines = jsonLines(file.readAll());
    QVERIFY(lines.size() > 5);
    QCOMPARE(lines.first().value(QStringLiteral("event")).toString(), QStringLiteral("process"));
    QCOMPARE(lines.first().value(QStringLiteral("what")).toString(), QStringLiteral("started"));
    QCOMPARE(lines.first().value(QStringLiteral("program")).toString(), m_python);
    const qint64 root = lines.first().value(QStringLiteral("pid")).toInteger();
    bool listened = false, forked = false, reaped = false, waited = false, zombie = false;
    for (const QJsonObject &line : lines) {
        const QString event = line.value(QStringLiteral("event")).toString();
        const QString call = line.value(QStringLiteral("call")).toString();
        if (event == QLatin1String("call")) {
            QVERIFY(line.contains(QStringLiteral("begin_us")));
            QVERIFY(line.contains(QStringLiteral("role")));
            QVERIFY(line.contains(QStringLiteral("step")));
            QVERIFY(line.contains(QStringLiteral("tid")));
        }
        if (call == QLatin1String("listen")) {
            listened = true;
            QCOMPARE(line.value(QStringLiteral("role")).toString(), QStringLiteral("server"));
            QCOMPARE(line.value(QStringLiteral("step")).toInt(), 4);
        }
        if (call == QLatin1String("waitpid")) {
            waited = true;
            const QString args = line.value(QStringLiteral("args")).toString();
            QVERIFY2(args.startsWith(QStringLiteral("wait4("))
                         || args.startsWith(QStringLiteral("waitid(")),
                     qPrintable(args));
        }
        if (event != QLatin1String("process"))
            continue;
        // Every process event has the contract's keys for its kind.
        const QString what = line.value(QStringLiteral("what")).toString();
        QVERIFY(line.value(QStringLiteral("pid")).toInteger() > 0);
        if (what == QLatin1String("started"))
            QVERIFY(line.contains(QStringLiteral("program")));
        if (what == QLatin1String("thread"))
            QVERIFY(line.contains(QStringLiteral("tid")));
        if (what == QLatin1String("exited"))
            QVERIFY(line.contains(QStringLiteral("status"))
                    != line.contains(QStringLiteral("signal")));
        if (what == QLatin1String("forked") || what == QLatin1String("zombie")
            || what == QLatin1String("reaped")) {
            // The parent that made it, must reap it, or did.
            QCOMPARE(line.value(QStringLiteral("parent")).toInteger(), root);
        }
        forked = forked || what == QLatin1String("forked");
        reaped = reaped || what == QLatin1String("reaped");
        zombie = zombie || what == QLatin1String("zombie");
    }
    QVERIFY(listened && forked && reaped && waited && zombie);
    const QJsonObject summary = lines.last();
    QCOMPARE(summary.value(QStringLiteral("event")).toString(), QStringLiteral("summary"));
    QCOMPARE(summary.value(QStringLiteral("exit_status")).toInt(), 3);
    QCOMPARE(summary.value(QStringLiteral("processes")).toInt(), 3);
    QCOMPARE(summary.value(QStringLiteral("threads")).toInt(), 0);
    // The second child, never reaped by the program.
    QCOMPARE(summary.value(QStringLiteral("zombies")).toInt(), 1);
    const QStringList keys {QStringLiteral("calls"), QStringLiteral("processes"),
                            QStringLiteral("threads"), QStringLiteral("zombies"),
                            QStringLiteral("exit_status")};
    for (const QString &key : keys)
        QVERIFY2(summary.contains(key), qPrintable(key));
    QVERIFY(summary.value(QStringLiteral("calls")).toInt() >= 5);
}

void TestCliTrace::humanLinesOnStandardError()
{
    const QString sh = QStandardPaths::findExecutable(QStringLiteral("sh"));
    QProcess *trace = startTrace(
        {QStringLiteral("--"), sh, QStringLiteral("-c"), QStringLiteral("echo out; exit 0")});
    QVERIFY(trace->waitForFinished(kWaitMs));
    QCOMPARE(trace->exitCode(), 0);
    QCOMPARE(trace->readAllStandardOutput(), QByteArray("out\n"));
    const QByteArray err = trace->readAllStandardError();
    QVERIFY2(err.contains("started: " + sh.toUtf8()), err.constData());
    QVERIFY(err.contains("Summary: calls"));
}

void TestCliTrace::portugueseLines()
{
    const QString sh = QStandardPaths::findExecutable(QStringLiteral("sh"));
    QProcess *trace
        = startTrace({QStringLiteral("--lang"), QStringLiteral("pt_BR"), QStringLiteral("--"), sh,
                      QStringLiteral("-c"), QStringLiteral("exit 0")});
    QVERIFY(trace->waitForFinished(kWaitMs));
    const QByteArray err = trace->readAllStandardError();
    QVERIFY2(err.contains("Processo"), err.constData());
    QVERIFY(err.contains("Resumo"));
}

void TestCliTrace::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("not found") << QStringList {QStringLiteral("--"),
                                               QStringLiteral("socketlab-no-such-program")}
                               << 127 << QStringLiteral("not found");
    QTest::newRow("not executable")
        << QStringList {QStringLiteral("--"), QStringLiteral(SOCKETLAB_SOURCE_DIR "/README.md")}
        << 126 << QStringLiteral("cannot be run");
    QTest::newRow("no program") << QStringList {} << 2 << QStringLiteral("Missing program");
    QTest::newRow("option of another command")
        << QStringList {QStringLiteral("--port"), QStringLiteral("5000"), QStringLiteral("--"),
                        QStringLiteral("true")}
        << 2 << QStringLiteral("--port");
    QTest::newRow("killed by a signal")
        << QStringList {QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                        QStringLiteral("kill -TERM $$")}
        << 128 + SIGTERM << QString();
}

void TestCliTrace::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, code);
    QFETCH(QString, message);
    QProcess *trace = startTrace(arguments);
    QVERIFY(trace->waitForFinished(kWaitMs));
    QCOMPARE(trace->exitCode(), code);
    QVERIFY(trace->readAllStandardError().contains(message.toUtf8()));
}

void TestCliTrace::notPermitted()
{
    const QString launcher = compiled(m_dir, QStringLiteral("noptrace"));
    if (launcher.isEmpty())
        QSKIP("no C compiler");
    // ptrace() fails with EPERM under the launcher's seccomp filter, as in a container that
    // forbids it: no program runs untraced, and the message names the setting to change.
    const QString truePath = QStandardPaths::findExecutable(QStringLiteral("true"));
    QProcess trace;
    QProcessEnvironment environment = englishEnvironment();
    // A sanitizer build's leak check stops the threads with ptrace() at exit, which the
    // launcher forbids: it would end a correct run with an abort.
    const QString asan = environment.value(QStringLiteral("ASAN_OPTIONS"));
    environment.insert(QStringLiteral("ASAN_OPTIONS"),
                       asan.isEmpty() ? QStringLiteral("detect_leaks=0")
                                      : asan + QStringLiteral(":detect_leaks=0"));
    trace.setProcessEnvironment(environment);
    trace.start(launcher,
                {QStringLiteral(SOCKETLAB_CLI_PATH), QStringLiteral("trace"), QStringLiteral("--"),
                 truePath});
    QVERIFY(trace.waitForFinished(kWaitMs));
    QCOMPARE(trace.exitStatus(), QProcess::NormalExit);
    QCOMPARE(trace.exitCode(), 1);
    const QByteArray err = trace.readAllStandardError();
    QVERIFY2(err.contains("may not trace programs here"), err.constData());
    QVERIFY2(err.contains("kernel.yama.ptrace_scope"), err.constData());
    QVERIFY2(err.contains("SYS_PTRACE"), err.constData());
    QCOMPARE(err.count('\n'), 1); // one line
}

void TestCliTrace::sigtermEndsTheProgram()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not installed");
    const quint16 port = freePort();
    const QString events = m_dir.filePath(QStringLiteral("sigterm.json"));
    QProcess *trace = startTrace({QStringLiteral("--json"), QStringLiteral("--output"), events,
                                  QStringLiteral("--"), m_python,
                                  recipeCopy(m_dir, QStringLiteral("tcp_server.py"), port)});
    QVERIFY(trace->waitForStarted(kWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(sendAndClose(port, ""), kWaitMs);
    ::kill(pid_t(trace->processId()), SIGTERM);
    QVERIFY(trace->waitForFinished(kWaitMs));
    QCOMPARE(trace->exitCode(), 128 + SIGTERM);
    QFile file(events);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QJsonObject> lines = jsonLines(file.readAll());
    QCOMPARE(lines.last().value(QStringLiteral("event")).toString(), QStringLiteral("summary"));
    QCOMPARE(lines.last().value(QStringLiteral("exit_status")).toInt(), 128 + SIGTERM);
}

void TestCliTrace::interruptIsPassedOnAndASecondOneEnds()
{
    const QString path = compiled(m_dir, QStringLiteral("acceptforever"));
    if (path.isEmpty())
        QSKIP("no C compiler");
    // A program that lives through SIGINT: the first interrupt reaches it, the second ends it.
    const QString sh = QStandardPaths::findExecutable(QStringLiteral("sh"));
    const quint16 port = freePort();
    QProcess *trace = startTrace(
        {QStringLiteral("--"), sh, QStringLiteral("-c"),
         QStringLiteral("trap 'echo got-int' INT; %1 %2 & wait; wait").arg(path).arg(port)});
    QVERIFY(trace->waitForStarted(kWaitMs));
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err += trace->readAllStandardError()).contains("listen("), kWaitMs);
    ::kill(pid_t(trace->processId()), SIGINT);
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += trace->readAllStandardOutput()).contains("got-int"), kWaitMs);
    QCOMPARE(trace->state(), QProcess::Running);
    ::kill(pid_t(trace->processId()), SIGINT);
    QVERIFY(trace->waitForFinished(kWaitMs));
    QCOMPARE(trace->exitCode(), 128 + SIGKILL);
}

void TestCliTrace::programDiesWithSocketLab()
{
    const QString path = compiled(m_dir, QStringLiteral("acceptforever"));
    if (path.isEmpty())
        QSKIP("no C compiler");
    const quint16 port = freePort();
    QProcess *trace
        = startTrace({QStringLiteral("--json"), QStringLiteral("--"), path, QString::number(port)});
    QVERIFY(trace->waitForStarted(kWaitMs));
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err += trace->readAllStandardError()).contains("\"listen\""),
                             kWaitMs);
    const QJsonObject started = jsonLines(err).first();
    const pid_t program = pid_t(started.value(QStringLiteral("pid")).toInteger());
    QVERIFY(program > 0);
    ::kill(pid_t(trace->processId()), SIGKILL);
    QVERIFY(trace->waitForFinished(kWaitMs));
    // PTRACE_O_EXITKILL: the program never runs on without its tracer.
    QTRY_VERIFY_WITH_TIMEOUT(::kill(program, 0) != 0 || testsupport::reaped(program), kWaitMs);
}

QTEST_GUILESS_MAIN(TestCliTrace)
#include "tst_cli_trace.moc"

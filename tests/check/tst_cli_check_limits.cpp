// socketlab-cli check against hostile submissions: one that tries to reach a listener of the
// machine (it reaches nothing), one that loops forever, one that forks without bound, one
// that fills its folder; each is stopped by its limit and named by its item.

#include "tests/check/checktestsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

using namespace checktest;

class TestCliCheckLimits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void machineListenerIsNotReached();
    void endlessLoopMeetsTheTimeLimit();
    void forkBombMeetsTheProcessLimit();
    void fullFolderMeetsTheFileLimit();
    void noPrivateNetworkMeansNoRun();
};

void TestCliCheckLimits::initTestCase()
{
    if (!privateNetworkAvailable())
        QSKIP("user namespaces are not available here: check cannot make a private network");
}

void TestCliCheckLimits::machineListenerIsNotReached()
{
    // A listener on the machine's own 127.0.0.1, as a teacher's database would be.
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
    QCOMPARE(::listen(listener, 8), 0);
    socklen_t length = sizeof(address);
    ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length);
    const QString port = QString::number(ntohs(address.sin_port));

    const Result result = runCli({"check", "--exercise", "tcp-client", "--timeout", "10", "--json",
                                  "--", "python3", corpus(QStringLiteral("escape.py")), port});
    QVERIFY2(result.exitCode == 1, result.err.constData());
    // Its connect() was refused inside its private network...
    const QJsonObject item = result.item(QStringLiteral("connects-to-port"));
    QVERIFY2(item.value(QLatin1String("result")).toString() == QLatin1String("fail"),
             result.out.constData());
    const QString evidence = item.value(QLatin1String("evidence")).toArray().first().toString();
    QVERIFY2(evidence.contains(QLatin1String("refused")), qPrintable(evidence));
    // ...and the machine's listener never saw it.
    pollfd waiting {listener, POLLIN, 0};
    QCOMPARE(::poll(&waiting, 1, 0), 0);
    ::close(listener);
}

void TestCliCheckLimits::endlessLoopMeetsTheTimeLimit()
{
    QElapsedTimer timer;
    timer.start();
    const Result result = runCli({"check", "--exercise", "tcp-server", "--timeout", "2", "--json",
                                  "--", "python3", corpus(QStringLiteral("loop.py"))});
    QCOMPARE(result.exitCode, 1);
    const QJsonObject item = result.item(QStringLiteral("limit-time"));
    QCOMPARE(item.value(QLatin1String("result")).toString(), QStringLiteral("fail"));
    QVERIFY(
        item.value(QLatin1String("explanation")).toString().contains(QLatin1String("2 seconds")));
    // Stopped at its limit, not left to run (a generous bound for a busy machine).
    QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
}

void TestCliCheckLimits::forkBombMeetsTheProcessLimit()
{
    const Result result = runCli({"check", "--exercise", "tcp-server", "--timeout", "3", "--json",
                                  "--", "python3", corpus(QStringLiteral("fork_bomb.py"))});
    QCOMPARE(result.exitCode, 1);
    const QJsonObject item = result.item(QStringLiteral("limit-processes"));
    QCOMPARE(item.value(QLatin1String("result")).toString(), QStringLiteral("fail"));
    QVERIFY(item.value(QLatin1String("explanation"))
                .toString()
                .contains(QLatin1String("without bound")));
}

void TestCliCheckLimits::fullFolderMeetsTheFileLimit()
{
    const Result result = runCli({"check", "--exercise", "tcp-server", "--timeout", "5", "--json",
                                  "--", "python3", corpus(QStringLiteral("fill_folder.py"))});
    QCOMPARE(result.exitCode, 1);
    const QJsonObject item = result.item(QStringLiteral("limit-files"));
    QCOMPARE(item.value(QLatin1String("result")).toString(), QStringLiteral("fail"));
    const QJsonArray evidence = item.value(QLatin1String("evidence")).toArray();
    QVERIFY(!evidence.isEmpty());
    QVERIFY2(evidence.first().toString().contains(QLatin1String("big.bin")),
             qPrintable(evidence.first().toString()));
    // The other limits were not what stopped it.
    QCOMPARE(
        result.item(QStringLiteral("limit-processes")).value(QLatin1String("result")).toString(),
        QStringLiteral("pass"));
}

void TestCliCheckLimits::noPrivateNetworkMeansNoRun()
{
    // User namespaces used up: a namespace that may hold one more, used by the ordinary user
    // (uid 1000) the check then runs as, so the check's own unshare() is refused.
    QTemporaryDir dir;
    QFile::setPermissions(dir.path(),
                          QFile::permissions(dir.path()) | QFileDevice::ExeOther
                              | QFileDevice::WriteOther);
    const QString marker = dir.filePath(QStringLiteral("ran"));
    const QString program = dir.filePath(QStringLiteral("marker.py"));
    QFile file(program);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("open(" + QByteArray("'") + marker.toUtf8() + "', 'w').write('ran')\n");
    file.close();
    const QString python = QFile::exists(QStringLiteral("/usr/bin/python3"))
        ? QStringLiteral("/usr/bin/python3")
        : QStringLiteral("python3");
    // Without user namespaces left: sh -c 'echo 1 > …; exec unshare -U --map-user=1000 … COMMAND'.
    auto limited = [](const QString &command) {
        return QStringList {
            QStringLiteral("-Ur"), QStringLiteral("sh"), QStringLiteral("-c"),
            QStringLiteral("echo 1 > /proc/sys/user/max_user_namespaces && exec unshare -U "
                           "--map-user=1000 --map-group=1000 ")
                + command};
    };
    QProcess probe;
    probe.start(QStringLiteral("unshare"), limited(QStringLiteral("unshare -U true")));
    if (!probe.waitForStarted())
        QSKIP("unshare(1) is not available here");
    QVERIFY(probe.waitForFinished(kCheckWaitMs));
    if (probe.exitStatus() != QProcess::NormalExit || probe.exitCode() == 0
        || !probe.readAllStandardError().contains("unshare failed"))
        QSKIP("the number of user namespaces cannot be limited here");
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral("unshare"),
                  limited(QStringLiteral("%1 check --exercise tcp-server -- %2 %3")
                              .arg(QStringLiteral(SOCKETLAB_CLI_PATH), python, program)));
    QVERIFY(process.waitForFinished(kCheckWaitMs));
    const QByteArray err = process.readAllStandardError();
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(err.contains("A private network cannot be made here"), err.constData());
    QVERIFY(process.readAllStandardOutput().isEmpty());
    // Never run unconfined.
    QVERIFY(!QFile::exists(marker));
}

QTEST_GUILESS_MAIN(TestCliCheckLimits)
#include "tst_cli_check_limits.moc"

// socketlab-cli's informational options: --help, --help-all and --version print and exit 0
// without starting a server or a client, and the help follows --lang.

#include "tests/cli/clitestsupport.h"

#include <QTest>

using namespace clitest;

class TestCliOptions : public QObject
{
    Q_OBJECT

private slots:
    void helpStartsNothing_data();
    void helpStartsNothing();
    void version_data();
    void version();
    void helpIsTranslated();
};

void TestCliOptions::helpStartsNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("--help") << QStringList {"--help"};
    QTest::newRow("-h") << QStringList {"-h"};
    QTest::newRow("--help-all") << QStringList {"--help-all"};
    // Port 0: before the fix this started a server that never exits, whatever ports are free.
    QTest::newRow("server --help-all") << QStringList {"server", "--port", "0", "--help-all"};
    QTest::newRow("server --help") << QStringList {"server", "--port", "0", "--help"};
    QTest::newRow("client --help-all") << QStringList {"client", "--help-all"};
}

void TestCliOptions::helpStartsNothing()
{
    QFETCH(QStringList, arguments);
    Process cli;
    QVERIFY(cli.startCli(arguments));
    cli.closeInput();
    QVERIFY2(cli.waitForExit(), "still running: it started something");
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(cli.err().isEmpty(), cli.err().constData());
    for (const char *option : {"--help", "--version", "--proto", "--concurrency", "--port"})
        QVERIFY2(cli.out().contains(option), option);
    QVERIFY2(!cli.out().contains("127.0.0.1:"), cli.out().constData()); // no listening line
}

void TestCliOptions::version_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("--version") << QStringList {"--version"};
    QTest::newRow("-v") << QStringList {"-v"};
    QTest::newRow("server --version") << QStringList {"server", "--port", "0", "--version"};
    QTest::newRow("client --version") << QStringList {"client", "--version"};
}

void TestCliOptions::version()
{
    QFETCH(QStringList, arguments);
    Process cli;
    QVERIFY(cli.startCli(arguments));
    cli.closeInput();
    QVERIFY2(cli.waitForExit(), "still running: it started something");
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(cli.err().isEmpty(), cli.err().constData());
    QCOMPARE(cli.out(), QByteArray("socketlab-cli " PROJECT_VERSION "\n"));
}

void TestCliOptions::helpIsTranslated()
{
    Process english;
    QVERIFY(english.startCli({"--help"}));
    QVERIFY(english.waitForExit());
    QVERIFY(english.out().contains("Port number (default 5000)."));

    Process portuguese;
    QVERIFY(portuguese.startCli({"--lang", "pt_BR", "--help"}));
    QVERIFY(portuguese.waitForExit());
    QCOMPARE(portuguese.exitCode(), 0);
    const QString help = QString::fromUtf8(portuguese.out());
    QVERIFY2(help.contains(QStringLiteral("Número da porta (padrão 5000).")), qPrintable(help));
    QVERIFY2(!help.contains(QStringLiteral("Port number")), qPrintable(help));
}

QTEST_GUILESS_MAIN(TestCliOptions)
#include "tst_cli_options.moc"

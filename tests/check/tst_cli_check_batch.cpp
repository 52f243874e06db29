// socketlab-cli check --batch: every entry of a folder (.py, .c, a folder with run) checked in
// its own private network, a C file that does not compile as an item of its own, progress
// on the terminal, and a CSV a spreadsheet opens: a BOM, "," in English, ";" in pt_BR.

#include "tests/check/checktestsupport.h"

#include "core/checkexercise.h"
#include "core/checkrubric.h"

#include <QDir>
#include <QStandardPaths>
#include <QTest>

using namespace checktest;
using namespace socketlab;

class TestCliCheckBatch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void batch_data();
    void batch();
    void missingFolderIsABadArgument();

private:
    QTemporaryDir m_dir;
    QString m_submissions;
};

void TestCliCheckBatch::initTestCase()
{
    if (!privateNetworkAvailable())
        QSKIP("user namespaces are not available here: check cannot make a private network");
    if (QStandardPaths::findExecutable(QStringLiteral("cc")).isEmpty())
        QSKIP("no C compiler here");
    QVERIFY(m_dir.isValid());
    m_submissions = m_dir.filePath(QStringLiteral("turma"));
    QVERIFY(QDir().mkpath(m_submissions + QStringLiteral("/davi")));
    auto copy = [this](const QString &from, const QString &name) {
        QVERIFY(QFile::copy(corpus(from), m_submissions + QLatin1Char('/') + name));
    };
    copy(QStringLiteral("tcp_server_ok.py"), QStringLiteral("ana.py"));
    copy(QStringLiteral("tcp_server_ok.c"), QStringLiteral("bruno.c"));
    copy(QStringLiteral("does_not_compile.c"), QStringLiteral("carla.c"));
    copy(QStringLiteral("tcp_server_once.py"), QStringLiteral("davi/server.py"));
    // A folder runs its executable run, as a student's Makefile project would.
    const QString python = QFile::exists(QStringLiteral("/usr/bin/python3"))
        ? QStringLiteral("/usr/bin/python3")
        : QStringLiteral("python3");
    QFile run(m_submissions + QStringLiteral("/davi/run"));
    QVERIFY(run.open(QIODevice::WriteOnly));
    run.write("#!/bin/sh\nexec " + python.toUtf8() + " \"$(dirname \"$0\")/server.py\"\n");
    run.close();
    run.setPermissions(run.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeOther
                       | QFileDevice::ReadOther);
    // Not a submission: skipped, and said so.
    QFile notes(m_submissions + QStringLiteral("/notas.txt"));
    QVERIFY(notes.open(QIODevice::WriteOnly));
}

void TestCliCheckBatch::batch_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QChar>("separator");
    QTest::addColumn<QString>("entryHeader");
    QTest::newRow("en") << "en" << QChar(',') << "entry";
    QTest::newRow("pt_BR") << "pt_BR" << QChar(';') << "entrada";
}

void TestCliCheckBatch::batch()
{
    QFETCH(QString, lang);
    QFETCH(QChar, separator);
    QFETCH(QString, entryHeader);
    const QString csv = m_dir.filePath(QStringLiteral("notas-%1.csv").arg(lang));
    const Result result = runCli({"check", "--exercise", "tcp-server", "--batch", m_submissions,
                                  "--csv", csv, "--timeout", "20", "--lang", lang});
    // davi's server takes one client only, carla's does not compile: not every item passed.
    QCOMPARE(result.exitCode, 1);
    // Progress: N of M and the entry's name.
    QVERIFY2(result.err.contains(lang == QLatin1String("en") ? "1 of 4: ana.py" : "1 de 4: ana.py"),
             result.err.constData());
    QVERIFY(result.err.contains("4 of 4: davi") || result.err.contains("4 de 4: davi"));
    QVERIFY(result.err.contains("notas.txt"));

    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QStringList lines
        = QString::fromUtf8(bytes.mid(3)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    const QStringList header = lines.first().split(separator);
    const QStringList ids = CheckRubric::itemIds(Exercise::TcpServer);
    QCOMPARE(header.size(), 1 + 1 + ids.size() + 3);
    QCOMPARE(header.first(), entryHeader);
    QCOMPARE(header.at(1), QStringLiteral("compiles"));
    QCOMPARE(header.mid(2, ids.size()), ids);

    QMap<QString, QStringList> rows;
    for (const QString &line : lines.mid(1)) {
        const QStringList fields = line.split(separator);
        QCOMPARE(fields.size(), header.size());
        rows.insert(fields.first(), fields);
    }
    QCOMPARE(rows.keys(), (QStringList {"ana.py", "bruno.c", "carla.c", "davi"}));
    auto cell = [&](const QString &row, const QString &id) {
        return rows.value(row).at(header.indexOf(id));
    };
    QCOMPARE(cell("ana.py", "compiles"), QStringLiteral("n/a"));
    QCOMPARE(cell("ana.py", "survives-reset"), QStringLiteral("pass"));
    QCOMPARE(cell("ana.py", header.at(header.size() - 2)), QStringLiteral("0")); // failed
    QCOMPARE(cell("bruno.c", "compiles"), QStringLiteral("pass"));
    QCOMPARE(cell("bruno.c", "closes-on-eof"), QStringLiteral("pass"));
    QCOMPARE(cell("carla.c", "compiles"), QStringLiteral("fail"));
    QCOMPARE(cell("davi", "accepts-again"), QStringLiteral("fail"));
    QCOMPARE(cell("davi", "server-sequence"), QStringLiteral("pass"));
}

void TestCliCheckBatch::missingFolderIsABadArgument()
{
    const Result result = runCli({"check", "--exercise", "tcp-server", "--batch",
                                  m_dir.filePath(QStringLiteral("nowhere"))});
    QCOMPARE(result.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliCheckBatch)
#include "tst_cli_check_batch.moc"

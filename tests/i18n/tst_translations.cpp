#include "translations/languagemanager.h"

#include "core/eventformatter.h"
#include "core/socketevent.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace socketlab;

namespace {

const QString kSourceDir = QStringLiteral(SOCKETLAB_SOURCE_DIR);
const QString kTsFile = kSourceDir + QStringLiteral("/translations/socketlab_pt_BR.ts");

struct TsMessage
{
    QString context;
    QString source;
    QString translation;
    QString type;
};

QList<TsMessage> readTs(const QString &path)
{
    QList<TsMessage> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            current = TsMessage {context, xml.readElementText(), {}, {}};
        } else if (xml.name() == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            messages.append(current);
        }
    }
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d+|n)"));
    QSet<QString> found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(0));
    return found;
}

QString runCli(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral(SOCKETLAB_CLI_PATH), arguments);
    process.waitForStarted();
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(10000);
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void tsFileIsUpToDateWithSources();
    void everyMessageIsTranslated();
    void translationsKeepPlaceholders();
    void embeddedCatalogSwitchesAtRuntime();
    void cliSpeaksTheRecipesPortuguese();
    void pollAndSummaryTextsAreTranslated();
};

void TestTranslations::tsFileIsUpToDateWithSources()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("socketlab_pt_BR.ts"));
    QVERIFY(QFile::copy(kTsFile, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    QStringList arguments = {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                             QStringLiteral("none"), QStringLiteral("-silent"),
                             // Includes name their folder from the project root.
                             QStringLiteral("-I"), kSourceDir};
    for (const char *layer : {"core", "lessons", "ui", "app", "translations"}) {
        QDirIterator it(kSourceDir + QLatin1Char('/') + QLatin1String(layer),
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            arguments << it.next();
    }
    arguments << QStringLiteral("-ts") << copy;
    QProcess lupdate;
    lupdate.start(QStringLiteral(SOCKETLAB_LUPDATE_PATH), arguments);
    QVERIFY(lupdate.waitForFinished(60000));
    QCOMPARE(lupdate.exitCode(), 0);

    QFile before(kTsFile), after(copy);
    QVERIFY(before.open(QIODevice::ReadOnly));
    QVERIFY(after.open(QIODevice::ReadOnly));
    QVERIFY2(
        before.readAll() == after.readAll(),
        "translations/socketlab_pt_BR.ts is stale: run `ninja update_translations` and translate");
}

void TestTranslations::everyMessageIsTranslated()
{
    const QList<TsMessage> messages = readTs(kTsFile);
    QVERIFY(messages.size() > 50);
    for (const TsMessage &m : messages) {
        QVERIFY2(m.type.isEmpty(),
                 qPrintable(QStringLiteral("%1 | %2: %3").arg(m.context, m.source, m.type)));
        QVERIFY2(!m.translation.trimmed().isEmpty(),
                 qPrintable(m.context + QStringLiteral(" | ") + m.source));
    }
}

void TestTranslations::translationsKeepPlaceholders()
{
    for (const TsMessage &m : readTs(kTsFile)) {
        QVERIFY2(placeholders(m.source) == placeholders(m.translation),
                 qPrintable(m.source + QStringLiteral(" -> ") + m.translation));
    }
}

void TestTranslations::embeddedCatalogSwitchesAtRuntime()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(QStringLiteral("pt_BR")));
    QCOMPARE(QCoreApplication::translate("ErrorText", "Connection refused"),
             QStringLiteral("Conexão recusada"));
    QCOMPARE(QLocale().toString(1024), QStringLiteral("1.024"));
    QVERIFY(languages.setLanguage(QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("ErrorText", "Connection refused"),
             QStringLiteral("Connection refused"));
    QVERIFY(!languages.setLanguage(QStringLiteral("xx")));
}

void TestTranslations::cliSpeaksTheRecipesPortuguese()
{
    QProcess server;
    server.start(QStringLiteral(SOCKETLAB_CLI_PATH),
                 {QStringLiteral("server"), QStringLiteral("--port"), QStringLiteral("0"),
                  QStringLiteral("--lang"), QStringLiteral("pt_BR")});
    QVERIFY(server.waitForStarted());
    QString output;
    QRegularExpression listening(QStringLiteral("Escutando em 127\\.0\\.0\\.1:(\\d+)"));
    QRegularExpressionMatch match;
    QTRY_VERIFY_WITH_TIMEOUT((output += QString::fromUtf8(server.readAllStandardOutput()),
                              (match = listening.match(output)).hasMatch()),
                             10000);
    const QString port = match.captured(1);

    runCli({QStringLiteral("client"), QStringLiteral("--port"), port, QStringLiteral("--lang"),
            QStringLiteral("pt_BR")},
           "ola\n");
    QTRY_VERIFY_WITH_TIMEOUT((output += QString::fromUtf8(server.readAllStandardOutput()),
                              output.contains(QStringLiteral("Finalizando conexão do cliente"))),
                             10000);
    QVERIFY(output.contains(QStringLiteral("Conectado por 127.0.0.1:")));
    server.terminate();
    QVERIFY(server.waitForFinished(10000));
    QCOMPARE(server.exitCode(), 0);
    output += QString::fromUtf8(server.readAllStandardOutput());
    QVERIFY(output.contains(QStringLiteral("Resumo: conexões 1, mensagens 1, bytes 3")));

    const QString refused = runCli({QStringLiteral("client"), QStringLiteral("--port"), port,
                                    QStringLiteral("--lang"), QStringLiteral("pt_BR")},
                                   "x\n");
    QVERIFY2(refused.contains(
                 QStringLiteral("connect(127.0.0.1:%1) falhou: Conexão recusada").arg(port)),
             qPrintable(refused));
}

// Issue 18: poll mode said "1 prontos: fd 27 readable" (English words, a plural for one), and
// the UDP summary counted "connections".
void TestTranslations::pollAndSummaryTextsAreTranslated()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(QStringLiteral("pt_BR")));
    SocketEvent poll;
    poll.kind = EventKind::Call;
    poll.call = SysCall::Poll;
    poll.result = 1;
    poll.message = QCoreApplication::translate("PollLoop", "fd %1 %2")
                       .arg(27)
                       .arg(QCoreApplication::translate("PollLoop", "readable"));
    QCOMPARE(EventFormatter::resultText(poll), QStringLiteral("1 pronto: fd 27 legível"));
    poll.result = 2;
    QVERIFY2(EventFormatter::resultText(poll).startsWith(QStringLiteral("2 prontos: ")),
             qPrintable(EventFormatter::resultText(poll)));
    SocketEvent summary;
    summary.kind = EventKind::Summary;
    summary.protocol = Protocol::Udp;
    summary.connections = 2;
    const QString text = EventFormatter::describe(summary);
    QVERIFY2(!text.contains(QStringLiteral("conexões")), qPrintable(text));
    QVERIFY(languages.setLanguage(QStringLiteral("en")));
    poll.result = 1;
    poll.message = QCoreApplication::translate("PollLoop", "fd %1 %2")
                       .arg(27)
                       .arg(QCoreApplication::translate("PollLoop", "readable"));
    QCOMPARE(EventFormatter::resultText(poll), QStringLiteral("1 ready: fd 27 readable"));
    QVERIFY(!EventFormatter::describe(summary).contains(QStringLiteral("connections")));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"

#include "app/clicheckbatch.h"

#include "core/checkitemjson.h"
#include "core/checkrubric.h"
#include "core/csvtext.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSaveFile>
#include <QTemporaryDir>

#include <unistd.h>

namespace socketlab {

namespace {
// The compiler gets this long; a check gets its own --timeout plus this to start and end.
constexpr int kCompileMs = 60000;
constexpr int kCheckSlackMs = 15000;
// Compiler errors kept as evidence.
constexpr int kMaxErrorLines = 5;

// The staged copy is read by the check's own user (nobody, when run as root).
void makeReadable(const QString &path)
{
    QFile::setPermissions(path,
                          QFile::permissions(path) | QFileDevice::ReadOther | QFileDevice::ReadGroup
                              | (QFileInfo(path).isDir() || QFileInfo(path).isExecutable()
                                     ? QFileDevice::ExeOther | QFileDevice::ExeGroup
                                     : QFileDevice::Permissions()));
}

bool copyTree(const QString &from, const QString &to)
{
    if (QFileInfo(from).isDir()) {
        if (!QDir().mkpath(to))
            return false;
        makeReadable(to);
        const QFileInfoList entries = QDir(from).entryInfoList(
            QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::NoSymLinks);
        for (const QFileInfo &entry : entries) {
            if (!copyTree(entry.filePath(), to + QLatin1Char('/') + entry.fileName()))
                return false;
        }
        return true;
    }
    if (!QFile::copy(from, to))
        return false;
    makeReadable(to);
    return true;
}
} // namespace

CliCheckBatch::CliCheckBatch(const CliOptions &options)
    : m_options(options)
{
    m_itemIds = QStringList {CheckRubric::compileItemId()} + CheckRubric::itemIds(options.exercise);
}

void CliCheckBatch::say(const QString &message)
{
    const QByteArray line = ("socketlab-cli: " + message + QLatin1Char('\n')).toUtf8();
    [[maybe_unused]] ssize_t n = ::write(STDERR_FILENO, line.constData(), size_t(line.size()));
}

int CliCheckBatch::exec()
{
    const QDir dir(m_options.batchDir);
    if (!dir.exists()) {
        say(tr("Invalid value for --%1: \"%2\".").arg(QStringLiteral("batch"), m_options.batchDir));
        return 2;
    }
    QStringList entries;
    const QFileInfoList infos
        = dir.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &info : infos) {
        const bool script = info.isFile()
            && (info.suffix() == QLatin1String("py") || info.suffix() == QLatin1String("c"));
        const QFileInfo run(info.filePath() + QStringLiteral("/run"));
        const bool folder = info.isDir() && run.isFile() && run.isExecutable();
        if (script || folder)
            entries << info.filePath();
        else
            say(tr("Skipped %1: not a .py or .c file, nor a folder with an executable \"run\".")
                    .arg(info.fileName()));
    }
    QList<Row> rows;
    bool everyPassed = true;
    for (int i = 0; i < entries.size(); ++i) {
        const QString name = QFileInfo(entries.at(i)).fileName();
        say(tr("%1 of %2: %3").arg(i + 1).arg(entries.size()).arg(name));
        Row row;
        row.name = name;
        QString fatal;
        if (!checkEntry(entries.at(i), &row, &fatal)) {
            say(fatal);
            return 1;
        }
        say(tr("%1: %2 of %n item(s) passed", "", row.passed + row.failed)
                .arg(name)
                .arg(row.passed));
        everyPassed = everyPassed && row.everyPassed;
        rows << row;
    }
    if (!m_options.csvFile.isEmpty()) {
        QString error;
        if (!writeCsv(rows, &error)) {
            say(error);
            return 1;
        }
    }
    return everyPassed ? 0 : 1;
}

bool CliCheckBatch::compile(const QString &source, const QString &binary, QStringList *errors)
{
    QProcess cc;
    cc.setProcessChannelMode(QProcess::MergedChannels);
    cc.start(
        QStringLiteral("cc"),
        {QStringLiteral("-O1"), QStringLiteral("-o"), binary, source, QStringLiteral("-lpthread")});
    if (!cc.waitForStarted()) {
        *errors << tr("The system's C compiler (cc) cannot be run: %1").arg(cc.errorString());
        return false;
    }
    if (!cc.waitForFinished(kCompileMs)) {
        cc.kill();
        cc.waitForFinished();
        *errors << tr("The compiler took longer than %1 seconds.").arg(kCompileMs / 1000);
        return false;
    }
    const QStringList lines
        = QString::fromLocal8Bit(cc.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (line.contains(QLatin1String("error")) && errors->size() < kMaxErrorLines)
            *errors << line.trimmed().replace(QFileInfo(source).absolutePath() + QLatin1Char('/'),
                                              QString());
    }
    return cc.exitStatus() == QProcess::NormalExit && cc.exitCode() == 0;
}

bool CliCheckBatch::checkEntry(const QString &path, Row *row, QString *fatal)
{
    // A copy the check's user can read, away from the other students' files.
    QTemporaryDir stage(QDir::tempPath() + QStringLiteral("/socketlab-batch-XXXXXX"));
    if (!stage.isValid()) {
        *fatal = tr("Cannot make a folder for %1: %2").arg(row->name, stage.errorString());
        return false;
    }
    makeReadable(stage.path());
    const QFileInfo info(path);
    const QString staged = stage.filePath(info.fileName());
    if (!copyTree(path, staged)) {
        *fatal = tr("Cannot copy %1 to %2.").arg(path, staged);
        return false;
    }
    QStringList command;
    if (info.isDir()) {
        command << staged + QStringLiteral("/run");
    } else if (info.suffix() == QLatin1String("py")) {
        command << QStringLiteral("python3") << staged;
    } else {
        const QString binary = stage.filePath(QStringLiteral("program"));
        QStringList errors;
        const bool compiled = compile(staged, binary, &errors);
        const CheckItem item = CheckRubric::compileItem(compiled, errors);
        row->results.insert(item.id, checkResultName(item.result));
        if (!compiled) {
            row->failed = 1;
            return true;
        }
        makeReadable(binary);
        row->passed = 1;
        command << binary;
    }

    QProcess check;
    check.setWorkingDirectory(stage.path());
    QStringList arguments
        = {QStringLiteral("check"),          QStringLiteral("--exercise"),
           exerciseName(m_options.exercise), QStringLiteral("--json"),
           QStringLiteral("--timeout"),      QString::number(m_options.timeoutSeconds)};
    if (QLocale().name() == QLatin1String("pt_BR"))
        arguments << QStringLiteral("--lang") << QStringLiteral("pt_BR");
    arguments << QStringLiteral("--") << command;
    check.start(QCoreApplication::applicationFilePath(), arguments);
    check.closeWriteChannel();
    if (!check.waitForFinished(m_options.timeoutSeconds * 1000 + kCheckSlackMs)) {
        check.kill();
        check.waitForFinished();
    }
    bool scored = false;
    const QList<QByteArray> lines = check.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        CheckItem item;
        int passed = 0;
        int failed = 0;
        if (CheckItemJson::parseItem(object, &item)) {
            row->results.insert(item.id, checkResultName(item.result));
        } else if (CheckItemJson::parseScore(object, &passed, &failed)) {
            row->passed += passed;
            row->failed += failed;
            scored = true;
        }
    }
    if (!scored) {
        const QString reason = QString::fromUtf8(check.readAllStandardError()).trimmed();
        const QString why = reason.isEmpty()
            ? tr("The check of %1 ended without a result.").arg(row->name)
            : reason;
        // Exit 1 without a rubric: the check itself cannot run here (no private network):
        // the batch stops rather than run anything unconfined. Otherwise (the entry's
        // program cannot be run) the entry gets no item and the batch goes on.
        if (check.exitStatus() == QProcess::NormalExit && check.exitCode() == 1) {
            *fatal = why;
            return false;
        }
        say(why);
        row->failed += 1;
        return true;
    }
    row->everyPassed = row->failed == 0;
    return true;
}

bool CliCheckBatch::writeCsv(const QList<Row> &rows, QString *error)
{
    const QChar separator = CsvText::separator();
    QString text = CsvText::row(QStringList {tr("entry")} + m_itemIds
                                    + QStringList {tr("passed"), tr("failed"), tr("total")},
                                separator);
    for (const Row &row : rows) {
        QStringList fields = {row.name};
        for (const QString &id : std::as_const(m_itemIds))
            fields << row.results.value(id, QStringLiteral("n/a"));
        fields << QString::number(row.passed) << QString::number(row.failed)
               << QString::number(row.passed + row.failed);
        text += CsvText::row(fields, separator);
    }
    // QSaveFile: a spreadsheet never opens half a file, and a failed write keeps the old one.
    QSaveFile file(m_options.csvFile);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        *error = tr("Cannot write %1: %2").arg(m_options.csvFile, file.errorString());
        return false;
    }
    file.write(CsvText::byteOrderMark());
    file.write(text.toUtf8());
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(m_options.csvFile, file.errorString());
        return false;
    }
    return true;
}

} // namespace socketlab

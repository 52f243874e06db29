#include "ui/checkprocess.h"

#include "core/checkitemjson.h"
#include "core/eventjsonreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace socketlab {

namespace {

// How long a stopped check has to end after SIGTERM before its group gets SIGKILL.
constexpr int kKillAfterMs = 2000;
// How long kill() waits for the killed check to be reaped.
constexpr int kReapWaitMs = 3000;
// A check says why it cannot run in a line or two; more on standard error is cut.
constexpr qsizetype kMaxErrorBytes = 16 * 1024;
// How often the calls' file is read while the check runs.
constexpr int kCallsPollMs = 100;
// What one read of it takes at most (the rest on the next one).
constexpr qint64 kCallsChunk = 1024 * 1024;

QString callsFileName()
{
    return QStringLiteral("calls.jsonl");
}

} // namespace

CheckProcess::CheckProcess(QObject *parent)
    : QObject(parent),
      m_killTimer(new QTimer(this)),
      m_callsTimer(new QTimer(this))
{
    m_callsTimer->setInterval(kCallsPollMs);
    connect(m_callsTimer, &QTimer::timeout, this, &CheckProcess::readCalls);
    m_killTimer->setSingleShot(true);
    connect(m_killTimer, &QTimer::timeout, this, [this] { signalGroup(SIGKILL); });
}

CheckProcess::~CheckProcess()
{
    if (isRunning()) {
        // Nobody is left to hear how it ended.
        disconnect(m_process, nullptr, this, nullptr);
        signalGroup(SIGKILL);
        m_process->waitForFinished(kReapWaitMs);
    }
}

QString CheckProcess::defaultCliPath()
{
    const QString beside
        = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("socketlab-cli"));
    if (QFileInfo(beside).isExecutable())
        return beside;
    return QStandardPaths::findExecutable(QStringLiteral("socketlab-cli"));
}

bool CheckProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

bool CheckProcess::start(const QString &exercise, const QString &programFile,
                         const QString &language, QString *error)
{
    if (isRunning())
        return false;
    const QFileInfo file(programFile);
    const QString cli = m_cliPath.isEmpty() ? defaultCliPath() : m_cliPath;
    if (!file.isFile()) {
        *error = tr("Choose the program file to check.");
        return false;
    }
    if (file.suffix() != QLatin1String("py") && !file.isExecutable()) {
        *error = tr("%1 cannot be run: choose a Python program (.py) or an executable file.")
                     .arg(file.absoluteFilePath());
        return false;
    }
    if (cli.isEmpty()) {
        *error = tr("socketlab-cli, which runs the check, was not found beside SocketLab.");
        return false;
    }
    m_tempDir = std::make_unique<QTemporaryDir>(QDir::tempPath()
                                                + QStringLiteral("/socketlab-gui-check-XXXXXX"));
    if (!m_tempDir->isValid()) {
        *error = tr("Cannot make a folder for the check: %1").arg(m_tempDir->errorString());
        m_tempDir.reset();
        return false;
    }
    // Started by root, the check runs the program as nobody, who must reach its folder.
    QFile::setPermissions(m_tempDir->path(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup
                              | QFile::ExeOther);

    QStringList arguments {QStringLiteral("check"),
                           QStringLiteral("--exercise"),
                           exercise,
                           QStringLiteral("--json"),
                           QStringLiteral("--lang"),
                           language,
                           QStringLiteral("--output"),
                           m_tempDir->filePath(callsFileName()),
                           QStringLiteral("--")};
    // python3 from PATH, as on the command line: the check picks one its user may run.
    if (file.suffix() == QLatin1String("py"))
        arguments << QStringLiteral("python3");
    arguments << file.absoluteFilePath();

    m_pending.clear();
    m_callsPending.clear();
    m_calls.reset();
    m_errors.clear();
    m_stopping = false;
    m_scored = false;
    m_passed = 0;
    m_total = 0;
    m_process = new QProcess(this);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TMPDIR"), m_tempDir->path());
    m_process->setProcessEnvironment(environment);
    m_process->setWorkingDirectory(m_tempDir->path());
    // A group of its own, so stopping reaches the check, its namespace child and the program.
    // The group no longer gets a terminal's Ctrl+C: the check ends when this process does.
    m_process->setChildProcessModifier([] {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });
    connect(m_process, &QProcess::readyReadStandardOutput, this, &CheckProcess::readOutput);
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        const QByteArray more = m_process->readAllStandardError();
        if (m_errors.size() < kMaxErrorBytes)
            m_errors += more.left(kMaxErrorBytes - m_errors.size());
    });
    connect(m_process, &QProcess::finished, this, &CheckProcess::processFinished);
    connect(m_process, &QProcess::errorOccurred, this, &CheckProcess::processError);
    m_process->start(cli, arguments);
    m_pid = m_process->processId();
    m_callsTimer->start();
    return true;
}

void CheckProcess::stop()
{
    if (!isRunning() || m_stopping)
        return;
    m_stopping = true;
    signalGroup(SIGTERM);
    m_killTimer->start(kKillAfterMs);
}

void CheckProcess::kill()
{
    if (!isRunning())
        return;
    m_stopping = true;
    signalGroup(SIGKILL);
    m_process->waitForFinished(kReapWaitMs);
}

void CheckProcess::signalGroup(int signal)
{
    if (m_pid > 0)
        ::kill(-pid_t(m_pid), signal);
}

void CheckProcess::readOutput()
{
    m_pending += m_process->readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_pending.indexOf('\n')) >= 0) {
        const QByteArray line = m_pending.left(newline);
        m_pending.remove(0, newline + 1);
        handleLine(line);
    }
}

void CheckProcess::handleLine(const QByteArray &line)
{
    const QJsonObject object = QJsonDocument::fromJson(line).object();
    CheckItem item;
    int failed = 0;
    if (CheckItemJson::parseItem(object, &item)) {
        emit itemArrived(item);
    } else if (CheckItemJson::parseScore(object, &m_passed, &failed)) {
        m_total = m_passed + failed;
        m_scored = true;
    }
}

void CheckProcess::readCalls()
{
    if (!m_tempDir)
        return;
    if (!m_calls) {
        // socketlab-cli makes it once it started.
        auto file = std::make_unique<QFile>(m_tempDir->filePath(callsFileName()));
        if (!file->open(QIODevice::ReadOnly))
            return;
        m_calls = std::move(file);
    }
    SocketEvents events;
    for (QByteArray more = m_calls->read(kCallsChunk); !more.isEmpty();
         more = m_calls->read(kCallsChunk)) {
        m_callsPending += more;
        qsizetype newline;
        qsizetype start = 0;
        while ((newline = m_callsPending.indexOf('\n', start)) >= 0) {
            SocketEvent event;
            if (EventJsonReader::fromLine(m_callsPending.mid(start, newline - start), &event))
                events << event;
            start = newline + 1;
        }
        m_callsPending.remove(0, start);
    }
    if (!events.isEmpty())
        emit eventsArrived(events);
}

void CheckProcess::cleanUp()
{
    m_killTimer->stop();
    m_callsTimer->stop();
    m_calls.reset();
    m_process->deleteLater();
    m_process = nullptr;
    m_pid = 0;
    m_tempDir.reset();
}

void CheckProcess::processFinished(int exitCode, QProcess::ExitStatus status)
{
    readCalls();
    readOutput();
    if (!m_pending.isEmpty())
        handleLine(m_pending);
    m_pending.clear();
    m_errors += m_process->readAllStandardError().left(kMaxErrorBytes);
    if (m_stopping) {
        // Whatever of the group is left (the tracer kills the program when it ends).
        signalGroup(SIGKILL);
        cleanUp();
        emit stopped();
        return;
    }
    if (m_scored) {
        cleanUp();
        emit scored(m_passed, m_total);
        return;
    }
    // Exit 1 without a score: the check could not run (no private network, …); its message
    // says why.
    QString message = QString::fromUtf8(m_errors).trimmed();
    message.replace(QLatin1String("socketlab-cli: "), QString());
    if (message.isEmpty()) {
        message = status == QProcess::CrashExit
            ? tr("The check ended abnormally.")
            : tr("The check ended without a result (exit status %1).").arg(exitCode);
    }
    cleanUp();
    emit failed(message);
}

void CheckProcess::processError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return;
    const QString message
        = tr("socketlab-cli could not be started: %1").arg(m_process->errorString());
    cleanUp();
    emit failed(message);
}

} // namespace socketlab

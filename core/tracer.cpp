#include "core/tracer.h"

#include "core/errortext.h"
#include "core/eventqueue.h"
#include "core/private/traceworker.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace socketlab {

namespace {

// A program name as a shell finds it: with a slash, that file; without, the first match
// in PATH. Returns the path and whether it exists (the first non-executable match is kept
// to say "cannot be run").
QString resolveProgram(const QString &program, bool *found)
{
    *found = false;
    if (program.contains(QLatin1Char('/'))) {
        *found = QFileInfo::exists(program);
        return program;
    }
    QString firstMatch;
    const QString path
        = qEnvironmentVariable("PATH", QStringLiteral("/usr/local/bin:/usr/bin:/bin"));
    for (const QString &dir : path.split(QLatin1Char(':'))) {
        const QString candidate = QDir(dir.isEmpty() ? QStringLiteral(".") : dir).filePath(program);
        const QFileInfo info(candidate);
        if (!info.exists() || info.isDir())
            continue;
        if (::access(QFile::encodeName(candidate).constData(), X_OK) == 0) {
            *found = true;
            return candidate;
        }
        if (firstMatch.isEmpty())
            firstMatch = candidate;
    }
    *found = !firstMatch.isEmpty();
    return firstMatch;
}

QString yamaScope()
{
    QFile file(QStringLiteral("/proc/sys/kernel/yama/ptrace_scope"));
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromLatin1(file.readAll().trimmed());
}

} // namespace

Tracer::Tracer(QObject *parent)
    : QObject(parent),
      m_queue(std::make_unique<EventQueue>())
{
    connect(m_queue.get(), &EventQueue::eventsArrived, this, &Tracer::eventsArrived);
    m_killTimer = new QTimer(this);
    m_killTimer->setSingleShot(true);
    connect(m_killTimer, &QTimer::timeout, this, &Tracer::stop);
}

Tracer::~Tracer()
{
    m_worker.reset(); // kills and reaps everything
    for (int fd : {m_inputFd, m_outputFd, m_errorFd}) {
        if (fd >= 0)
            ::close(fd);
    }
}

int Tracer::exitCode(StartError error)
{
    switch (error) {
    case StartError::None:
        return 0;
    case StartError::NotFound:
        return 127;
    case StartError::NotExecutable:
        return 126;
    case StartError::NotPermitted:
    case StartError::Failed:
        break;
    }
    return 1;
}

void Tracer::setError(StartError error, const QString &message)
{
    m_startError = error;
    m_errorString = message;
}

bool Tracer::start(const TraceOptions &options)
{
    if (isRunning())
        return false;
    m_startError = StartError::None;
    m_errorString.clear();
    // A second run: the first one's pipes go.
    delete m_outputNotifier;
    delete m_errorNotifier;
    delete m_inputNotifier;
    m_outputNotifier = m_errorNotifier = m_inputNotifier = nullptr;
    for (int *fd : {&m_inputFd, &m_outputFd, &m_errorFd}) {
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
    }
    m_pendingInput.clear();
    m_inputClosing = false;
    bool found = false;
    const QString path = resolveProgram(options.program, &found);
    if (options.program.isEmpty() || !found) {
        setError(StartError::NotFound, tr("%1: program not found.").arg(options.program));
        return false;
    }
    const QFileInfo info(path);
    if (info.isDir() || ::access(QFile::encodeName(path).constData(), X_OK) != 0) {
        setError(StartError::NotExecutable,
                 tr("%1: cannot be run: it is not an executable file (chmod +x, or run it with "
                    "its interpreter: python3 %1).")
                     .arg(options.program));
        return false;
    }
    TraceWorker::Launch launch;
    launch.path = path;
    launch.arguments = QStringList {options.program} + options.arguments;
    launch.workingDirectory = options.workingDirectory;
    launch.pipeStdio = options.pipeStdio;
    launch.limits = options.limits;
    int input[2] = {-1, -1}, output[2] = {-1, -1}, error[2] = {-1, -1};
    if (options.pipeStdio) {
        if (::pipe2(input, O_CLOEXEC) != 0 || ::pipe2(output, O_CLOEXEC) != 0
            || ::pipe2(error, O_CLOEXEC) != 0) {
            setError(StartError::Failed,
                     tr("Cannot run %1: %2").arg(options.program, ErrorText::forErrno(errno)));
            for (int fd : {input[0], input[1], output[0], output[1], error[0], error[1]}) {
                if (fd >= 0)
                    ::close(fd);
            }
            return false;
        }
        launch.stdinFd = input[0];
        launch.stdoutFd = output[1];
        launch.stderrFd = error[1];
    }
    m_worker = std::make_unique<TraceWorker>(m_queue.get(), this);
    m_worker->setStepMode(m_stepModeWanted);
    const TraceWorker::StartResult result = m_worker->start(launch);
    for (int fd : {input[0], output[1], error[1]}) {
        if (fd >= 0)
            ::close(fd);
    }
    if (result.error != StartError::None) {
        m_worker.reset();
        for (int fd : {input[1], output[0], error[0]}) {
            if (fd >= 0)
                ::close(fd);
        }
        const QString reason = ErrorText::forErrno(result.errnum);
        switch (result.error) {
        case StartError::NotFound:
            setError(result.error, tr("%1: program not found.").arg(options.program));
            break;
        case StartError::NotExecutable:
            setError(result.error, tr("%1: cannot be run: %2").arg(options.program, reason));
            break;
        case StartError::NotPermitted:
            if (result.stage == QLatin1String("seccomp")) {
                setError(result.error,
                         tr("SocketLab may not trace programs here: the kernel refused its "
                            "seccomp filter (%1). Tracing needs a kernel built with "
                            "CONFIG_SECCOMP_FILTER; in a container, run it with a seccomp "
                            "profile that allows seccomp (docker run --security-opt "
                            "seccomp=unconfined).")
                             .arg(reason));
            } else {
                const QString scope = yamaScope();
                setError(result.error,
                         tr("SocketLab may not trace programs here: ptrace was refused (%1). "
                            "The setting kernel.yama.ptrace_scope is %2; tracing your own "
                            "programs needs 0 or 1 (sudo sysctl kernel.yama.ptrace_scope=1). "
                            "In a container, allow ptrace (docker run --cap-add=SYS_PTRACE).")
                             .arg(reason, scope.isEmpty() ? tr("not set") : scope));
            }
            break;
        default:
            setError(StartError::Failed, tr("Cannot run %1: %2").arg(options.program, reason));
            break;
        }
        return false;
    }
    if (options.pipeStdio) {
        m_inputFd = input[1];
        m_outputFd = output[0];
        m_errorFd = error[0];
        ::fcntl(m_inputFd, F_SETFL, O_NONBLOCK);
        m_outputNotifier = new QSocketNotifier(m_outputFd, QSocketNotifier::Read, this);
        connect(m_outputNotifier, &QSocketNotifier::activated, this,
                [this] { readOutput(m_outputFd, false); });
        m_errorNotifier = new QSocketNotifier(m_errorFd, QSocketNotifier::Read, this);
        connect(m_errorNotifier, &QSocketNotifier::activated, this,
                [this] { readOutput(m_errorFd, true); });
        m_inputNotifier = new QSocketNotifier(m_inputFd, QSocketNotifier::Write, this);
        m_inputNotifier->setEnabled(false);
        connect(m_inputNotifier, &QSocketNotifier::activated, this, &Tracer::writePendingInput);
    }
    return true;
}

bool Tracer::isRunning() const
{
    return m_worker && m_worker->isRunning();
}

qint64 Tracer::programPid() const
{
    return m_worker ? m_worker->rootPid() : 0;
}

int Tracer::exitStatus() const
{
    return m_worker ? m_worker->exitStatus() : -1;
}

void Tracer::terminate(int graceMs)
{
    if (!isRunning())
        return;
    m_worker->continueAll(); // a paused thread must get to its SIGTERM
    m_worker->killAll(SIGTERM);
    m_killTimer->start(graceMs);
}

void Tracer::stop()
{
    if (m_worker)
        m_worker->requestStop();
}

void Tracer::signalProgram(int signalNumber)
{
    if (isRunning() && m_worker->rootPid() > 0)
        ::kill(m_worker->rootPid(), signalNumber);
}

void Tracer::setStepMode(bool on)
{
    m_stepModeWanted = on;
    if (m_worker)
        m_worker->setStepMode(on);
}

bool Tracer::stepMode() const
{
    return m_stepModeWanted;
}

void Tracer::stepOnce()
{
    if (m_worker)
        m_worker->stepOnce();
}

void Tracer::continueAll()
{
    if (m_worker)
        m_worker->continueAll();
}

void Tracer::writeInput(const QByteArray &bytes)
{
    if (m_inputFd < 0 || m_inputClosing)
        return;
    m_pendingInput += bytes;
    writePendingInput();
}

void Tracer::closeInput()
{
    m_inputClosing = true;
    writePendingInput();
}

void Tracer::writePendingInput()
{
    if (m_inputFd < 0)
        return;
    while (!m_pendingInput.isEmpty()) {
        const ssize_t n
            = ::write(m_inputFd, m_pendingInput.constData(), size_t(m_pendingInput.size()));
        if (n > 0) {
            m_pendingInput.remove(0, int(n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN) {
            m_inputNotifier->setEnabled(true); // the program reads slowly: wait for room
            return;
        }
        m_pendingInput.clear(); // it closed its standard input
        break;
    }
    m_inputNotifier->setEnabled(false);
    if (m_inputClosing) {
        delete m_inputNotifier;
        m_inputNotifier = nullptr;
        ::close(m_inputFd);
        m_inputFd = -1;
    }
}

void Tracer::readOutput(int fd, bool standardError)
{
    char buffer[16384];
    const ssize_t n = ::read(fd, buffer, sizeof(buffer));
    if (n > 0) {
        emit outputArrived(QByteArray(buffer, int(n)), standardError);
        return;
    }
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    QSocketNotifier *&notifier = standardError ? m_errorNotifier : m_outputNotifier;
    delete notifier;
    notifier = nullptr;
}

void Tracer::flushEvents()
{
    m_queue->flush();
}

void Tracer::workerFinished(int exitStatus)
{
    m_killTimer->stop();
    // What the program wrote last comes before finished().
    if (m_outputNotifier)
        readOutput(m_outputFd, false);
    if (m_errorNotifier)
        readOutput(m_errorFd, true);
    m_queue->flush();
    emit finished(exitStatus);
}

} // namespace socketlab

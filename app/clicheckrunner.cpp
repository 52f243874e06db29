#include "app/clicheckrunner.h"

#include "app/clicheckbatch.h"
#include "app/signalwatcher.h"
#include "core/checkitemjson.h"
#include "core/checkrubric.h"
#include "core/errortext.h"
#include "core/eventjson.h"
#include "core/privatenetwork.h"
#include "core/programcheck.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace socketlab {

namespace {
// CPU seconds past the wall-clock limit: the timer stops the program first; this is for a
// program that would outlive SocketLab.
constexpr int kCpuSlackSeconds = 5;

// The check's process, for the parent's signal handler.
volatile pid_t g_checkPid = 0;

// In the parent while the check runs: SIGTERM, SIGHUP and a SIGINT that a process sent (kill)
// go on to the check, which stops the program and prints what it decided. A terminal's Ctrl+C
// (sent by the kernel to the whole foreground group) reaches the check by itself.
void forwardSignal(int signalNumber, siginfo_t *info, void *)
{
    const int saved = errno;
    const bool fromProcess = info && info->si_code <= 0;
    if (g_checkPid > 0 && (signalNumber != SIGINT || fromProcess))
        ::kill(g_checkPid, signalNumber);
    errno = saved;
}

void writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        done += n;
    }
}
} // namespace

CliCheckRunner::CliCheckRunner(const CliOptions &options)
    : m_options(options)
{
}

bool CliCheckRunner::nobodyCanRun(const QString &path)
{
    // Every folder on the way may be searched by others, and the file read and run by them.
    QFileInfo info(QFileInfo(path).canonicalFilePath());
    if (!info.exists() || !(info.permissions() & QFileDevice::ExeOther))
        return false;
    for (QDir dir = info.dir(); !dir.isRoot(); dir.cdUp()) {
        if (!(QFileInfo(dir.path()).permissions() & QFileDevice::ExeOther))
            return false;
    }
    return true;
}

QString CliCheckRunner::findProgram(const QString &name)
{
    if (name.contains(QLatin1Char('/'))) {
        const QFileInfo info(name);
        return info.isFile() ? info.absoluteFilePath() : QString();
    }
    // As a shell does, but run as root, the first one the user nobody can run: a version
    // manager's shim in root's home comes before the system's python3 in root's PATH.
    const QStringList path
        = qEnvironmentVariable("PATH").split(QLatin1Char(':'), Qt::SkipEmptyParts);
    QString first;
    for (const QString &dir : path) {
        const QFileInfo candidate(dir + QLatin1Char('/') + name);
        if (!candidate.isFile() || !candidate.isExecutable())
            continue;
        if (::geteuid() != 0 || nobodyCanRun(candidate.absoluteFilePath()))
            return candidate.absoluteFilePath();
        if (first.isEmpty())
            first = candidate.absoluteFilePath();
    }
    return first;
}

void CliCheckRunner::say(const QString &message)
{
    const QByteArray line = ("socketlab-cli: " + message + QLatin1Char('\n')).toUtf8();
    [[maybe_unused]] ssize_t n = ::write(STDERR_FILENO, line.constData(), size_t(line.size()));
}

int CliCheckRunner::exitStatus(const CheckItems &items)
{
    for (const CheckItem &item : items) {
        if (item.result == CheckItem::Result::Fail)
            return 1;
    }
    return 0;
}

QByteArray CliCheckRunner::itemText(const CheckItem &item, bool json)
{
    if (json)
        return CheckItemJson::itemLine(item);
    const QString word = item.result == CheckItem::Result::Pass ? tr("passed")
        : item.result == CheckItem::Result::Fail                ? tr("failed")
                                                                : tr("not applicable");
    QString text = tr("%1  %2: %3").arg(word, item.id, item.explanation);
    if (!item.evidence.isEmpty())
        text
            += QLatin1Char(' ') + tr("Evidence: %1.").arg(item.evidence.join(QStringLiteral("; ")));
    // One line per item, whatever the program printed.
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.toUtf8() + '\n';
}

QByteArray CliCheckRunner::scoreText(const CheckItems &items, bool json)
{
    int passed = 0;
    int failed = 0;
    for (const CheckItem &item : items) {
        passed += item.result == CheckItem::Result::Pass ? 1 : 0;
        failed += item.result == CheckItem::Result::Fail ? 1 : 0;
    }
    if (json)
        return CheckItemJson::scoreLine(passed, failed);
    return tr("Score: %1 of %n item(s) passed (items that do not apply are not counted).", "",
              passed + failed)
               .arg(passed)
               .toUtf8()
        + '\n';
}

int CliCheckRunner::exec()
{
    if (!m_options.batchDir.isEmpty())
        return CliCheckBatch(m_options).exec();

    // The program runs in a folder of its own: a path given relative to here is made
    // absolute first (python3 student.py).
    const QString program = findProgram(m_options.program.first());
    if (program.isEmpty()) {
        say(tr("Program not found: %1").arg(m_options.program.first()));
        return 2;
    }
    if (::geteuid() == 0 && !nobodyCanRun(program)) {
        say(tr("%1 cannot be run by the user \"nobody\", whom the check runs programs as when "
               "started by root: put it (and its interpreter) where every user may read and run "
               "it.")
                .arg(program));
        return 2;
    }
    QStringList arguments = m_options.program.mid(1);
    for (QString &argument : arguments) {
        if (!argument.startsWith(QLatin1Char('-')) && QFileInfo::exists(argument))
            argument = QFileInfo(argument).absoluteFilePath();
    }

    // The folder is made here, by the caller, in a /tmp that nobody may not write to, and
    // removed here once the check (a child: it becomes nobody and cannot) has ended.
    QTemporaryDir folder(QDir::tempPath() + QStringLiteral("/socketlab-check-XXXXXX"));
    if (!folder.isValid()) {
        say(tr("Cannot make a folder for the program: %1").arg(folder.errorString()));
        return 1;
    }
    int outputFd = -1;
    if (!m_options.output.isEmpty()) {
        // Opened here, as the caller: the check's user (nobody, when run as root) may not.
        outputFd = ::open(QFile::encodeName(m_options.output).constData(),
                          O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (outputFd < 0) {
            say(tr("Cannot write %1: %2").arg(m_options.output, ErrorText::forErrno(errno)));
            return 1;
        }
    }
    std::fflush(stdout);
    std::fflush(stderr);
    // The check runs in a child forked now, while this process has one thread: the kernel
    // makes a user namespace only for a single-threaded caller.
    const pid_t child = ::fork();
    if (child < 0) {
        say(tr("Cannot start the check: %1").arg(ErrorText::forErrno(errno)));
        return 1;
    }
    if (child == 0) {
        const int status = runChecked(program, arguments, folder.path(), outputFd);
        std::fflush(stdout);
        ::_exit(status); // the parent removes the folder
    }
    if (outputFd >= 0)
        ::close(outputFd);
    g_checkPid = child;
    struct sigaction forward = {};
    forward.sa_sigaction = forwardSignal;
    sigemptyset(&forward.sa_mask);
    forward.sa_flags = SA_SIGINFO | SA_RESTART;
    for (const int signalNumber : {SIGINT, SIGTERM, SIGHUP})
        ::sigaction(signalNumber, &forward, nullptr);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) { }
    g_checkPid = 0;
    if (WIFSIGNALED(status)) {
        say(tr("The check itself ended abnormally (signal %1); the program was stopped with it.")
                .arg(WTERMSIG(status)));
        return 1;
    }
    return WEXITSTATUS(status);
}

int CliCheckRunner::runChecked(const QString &program, const QStringList &arguments,
                               const QString &folder, int outputFd)
{
    // The parent's forwarding handlers are not this process's: it stops by its own watcher.
    for (const int signalNumber : {SIGINT, SIGTERM, SIGHUP})
        ::signal(signalNumber, SIG_DFL);
    QString error;
    if (!PrivateNetwork::enter({QString::fromLatin1(PrivateNetwork::kRecipeAddress)}, &error)) {
        say(error);
        return 1;
    }
    // Changing user cleared it: the check never outlives its parent.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    // A line typed to a program that has already ended must not end the check.
    ::signal(SIGPIPE, SIG_IGN);
    if (!PrivateNetwork::mountPrivateFolder(folder, kFolderBytes, &error)) {
        say(error);
        return 1;
    }

    ProgramCheckOptions options;
    options.exercise = m_options.exercise;
    options.port = m_options.port;
    options.timeoutSeconds = m_options.timeoutSeconds;
    options.program = program;
    options.arguments = arguments;
    options.workingDirectory = folder;
    options.fileLimitBytes = kFileBytes;
    options.limits = {
        {RLIMIT_CPU, quint64(m_options.timeoutSeconds + kCpuSlackSeconds)},
        {RLIMIT_AS, quint64(kMemoryBytes)},
        // Counts every process and thread of this user in the private network, SocketLab's
        // own threads included; the tracer's own cap (Tracer::kMaxProcesses) is the second line.
        {RLIMIT_NPROC, quint64(kProcesses)},
        {RLIMIT_NOFILE, quint64(kDescriptors)},
        {RLIMIT_FSIZE, quint64(kFileBytes)},
        {RLIMIT_CORE, 0},
    };

    ProgramCheck check;
    // Each item as it is decided, a line at a time (write(): nothing waits in a buffer).
    QObject::connect(&check, &ProgramCheck::itemDecided, &check, [this](const CheckItem &item) {
        writeAll(STDOUT_FILENO, itemText(item, m_options.json));
    });
    QObject::connect(
        &check, &ProgramCheck::finished, &check, [this, &check](const CheckItems &items) {
            writeAll(STDOUT_FILENO, scoreText(items, m_options.json));
            for (const QString &id : check.mismatches()) {
                say(tr("Item %1 was decided while the program ran, but the whole run decides it "
                       "otherwise; the earlier result stands.")
                        .arg(id));
            }
            if (check.wasInterrupted()) {
                const int missing
                    = int(CheckRubric::itemIds(m_options.exercise).size() - items.size());
                say(tr("Interrupted: the program was stopped, %n item(s) not decided.", "",
                       missing));
                QCoreApplication::exit(1);
                return;
            }
            QCoreApplication::exit(exitStatus(items));
        });
    if (outputFd >= 0) {
        QObject::connect(
            &check, &ProgramCheck::eventsRecorded, &check, [outputFd](const SocketEvents &events) {
                QByteArray lines;
                for (const SocketEvent &event : events) {
                    if (event.kind == EventKind::Call || event.kind == EventKind::Process)
                        lines += EventJson::toLine(event);
                }
                writeAll(outputFd, lines);
            });
    }
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &check,
                     &ProgramCheck::interrupt);
    if (!check.start(options)) {
        say(check.errorString());
        return check.exitCode() == 127 || check.exitCode() == 126 ? 2 : 1;
    }
    return QCoreApplication::exec();
}

} // namespace socketlab

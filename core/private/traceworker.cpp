#include "core/private/traceworker.h"

#include "core/callclock.h"
#include "core/eventqueue.h"
#include "core/private/seccompfilter.h"
#include "core/private/tracememory.h"

#include <QFile>
#include <QMetaObject>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <linux/sched.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace socketlab {

namespace {

constexpr int kPtraceOptions = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK
    | PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL;
// While a thread waits in step mode, the worker looks at its commands this often.
constexpr int kPausedPollMs = 20;
// Held socket()/setsockopt() events of a process whose role is not known yet, at most.
constexpr int kMaxHeld = 64;

// The kernel's restart codes: a call interrupted by a signal, restarted or turned into
// EINTR once the signal was handled.
bool isRestart(qint64 rval)
{
    return rval == -512 || rval == -513 || rval == -514 || rval == -516;
}

struct StartRecord
{
    int error;
    int errnum;
    int stage;
    int pid;
};

// What the child tells the parent before it exits, when it cannot get to the program.
struct ChildFailure
{
    int stage; // 1 seccomp, 2 exec, 3 chdir
    int errnum;
};

void writeAll(int fd, const void *data, size_t size)
{
    const char *bytes = static_cast<const char *>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd, bytes, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        bytes += n;
        size -= size_t(n);
    }
}

bool processExists(pid_t pid)
{
    return QFile::exists(QStringLiteral("/proc/%1/stat").arg(pid));
}

// A field of /proc/TID/status ("Tgid", "PPid"); 0 when it cannot be read.
pid_t statusField(pid_t tid, const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(tid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray prefix = field + ':';
    while (!status.atEnd()) {
        const QByteArray line = status.readLine();
        if (line.startsWith(prefix))
            return pid_t(line.mid(prefix.size()).trimmed().toInt());
    }
    return 0;
}

pid_t tgidOf(pid_t tid)
{
    return statusField(tid, QByteArrayLiteral("Tgid"));
}

} // namespace

TraceWorker::TraceWorker(EventQueue *queue, Tracer *tracer)
    : m_queue(queue),
      m_tracer(tracer)
{
    m_wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}

TraceWorker::~TraceWorker()
{
    if (m_thread != nullptr) {
        requestStop();
        m_thread->wait();
        m_thread.reset();
    }
    for (int fd : {m_wakeFd, m_startPipe[0], m_startPipe[1]}) {
        if (fd >= 0)
            ::close(fd);
    }
}

TraceWorker::StartResult TraceWorker::start(const Launch &launch)
{
    StartResult result;
    if (::pipe2(m_startPipe, O_CLOEXEC) != 0) {
        result.error = Tracer::StartError::Failed;
        result.errnum = errno;
        return result;
    }
    m_running = true;
    m_thread.reset(QThread::create([this, launch] { run(launch); }));
    m_thread->start();
    StartRecord record {};
    ssize_t n;
    do {
        n = ::read(m_startPipe[0], &record, sizeof(record));
    } while (n < 0 && errno == EINTR);
    if (n != ssize_t(sizeof(record))) {
        record.error = int(Tracer::StartError::Failed);
        record.errnum = EIO;
    }
    result.error = Tracer::StartError(record.error);
    result.errnum = record.errnum;
    result.stage = record.stage == 0 ? QStringLiteral("ptrace")
        : record.stage == 1          ? QStringLiteral("seccomp")
        : record.stage == 3          ? QStringLiteral("chdir")
                                     : QStringLiteral("exec");
    result.pid = record.pid;
    if (result.error != Tracer::StartError::None) {
        m_thread->wait();
        m_thread.reset();
    }
    return result;
}

void TraceWorker::run(const Launch &launch)
{
    // Everything the child needs is made before fork(): after it, a child of a threaded
    // process may only make async-signal-safe calls.
    const QByteArray path = QFile::encodeName(launch.path);
    const QByteArray directory = QFile::encodeName(launch.workingDirectory);
    std::vector<QByteArray> argBytes;
    for (const QString &argument : launch.arguments)
        argBytes.push_back(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &bytes : argBytes)
        argv.push_back(bytes.data());
    argv.push_back(nullptr);
    std::vector<std::pair<int, rlimit>> limits;
    for (const TraceOptions::Limit &limit : launch.limits)
        limits.push_back({limit.resource, rlimit {rlim_t(limit.value), rlim_t(limit.value)}});
    int go[2];
    int failure[2];
    auto report = [this](Tracer::StartError error, int errnum, int stage, pid_t pid) {
        const StartRecord record {int(error), errnum, stage, int(pid)};
        writeAll(m_startPipe[1], &record, sizeof(record));
    };
    if (::pipe2(go, O_CLOEXEC) != 0 || ::pipe2(failure, O_CLOEXEC) != 0) {
        report(Tracer::StartError::Failed, errno, 0, 0);
        m_running = false;
        return;
    }
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (launch.pipeStdio) {
            ::dup2(launch.stdinFd, STDIN_FILENO);
            ::dup2(launch.stdoutFd, STDOUT_FILENO);
            ::dup2(launch.stderrFd, STDERR_FILENO);
            ::setpgid(0, 0); // Stop signals the whole group; a terminal's Ctrl+C does not reach it
        }
        // Only the standard streams go to the program, as from a shell: a descriptor SocketLab
        // (or whoever started it) left open would be the program's fd 3, not its socket.
#ifdef SYS_close_range
        ::syscall(SYS_close_range, 3u, ~0u, 4u /* CLOSE_RANGE_CLOEXEC */);
#endif
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)
            ::_exit(1);
        // SocketLab ignores SIGPIPE and blocks signals in some threads: the program starts
        // as a shell would start it.
        ::signal(SIGPIPE, SIG_DFL);
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        char byte = 0;
        ssize_t n;
        do {
            n = ::read(go[0], &byte, 1);
        } while (n < 0 && errno == EINTR);
        if (n != 1)
            ::_exit(1); // the parent could not attach: never run untraced
        if (!directory.isEmpty() && ::chdir(directory.constData()) != 0) {
            const ChildFailure why {3, errno};
            writeAll(failure[1], &why, sizeof(why));
            ::_exit(126);
        }
        for (const auto &limit : limits) {
            if (::setrlimit(__rlimit_resource(limit.first), &limit.second) != 0)
                ::_exit(1); // never run an untrusted program without the limits it was given
        }
        const int seccompError = SeccompFilter::install();
        if (seccompError != 0) {
            const ChildFailure why {1, seccompError};
            writeAll(failure[1], &why, sizeof(why));
            ::_exit(1);
        }
        ::execv(path.constData(), argv.data());
        const ChildFailure why {2, errno};
        writeAll(failure[1], &why, sizeof(why));
        ::_exit(errno == ENOENT ? 127 : 126);
    }
    ::close(go[0]);
    ::close(failure[1]);
    if (pid < 0) {
        report(Tracer::StartError::Failed, errno, 0, 0);
        ::close(go[1]);
        ::close(failure[0]);
        m_running = false;
        return;
    }
    if (::ptrace(PTRACE_SEIZE, pid, nullptr, reinterpret_cast<void *>(kPtraceOptions)) != 0) {
        const int errnum = errno;
        ::kill(pid, SIGKILL);
        ::close(go[1]);
        int status = 0;
        ::waitpid(pid, &status, __WALL);
        ::close(failure[0]);
        report(Tracer::StartError::NotPermitted, errnum, 0, 0);
        m_running = false;
        return;
    }
    m_rootPid = pid;
    m_calls.setRootPid(pid);
    auto process = std::make_shared<TracedProcess>();
    process->pid = pid;
    process->program = launch.path;
    process->liveThreads = 1;
    m_processes[pid] = process;
    m_processCount = 1;
    TracedThread &root = m_threads[pid];
    root.tid = pid;
    root.process = process;
    root.started = true;
    publishPids();
    writeAll(go[1], "g", 1);
    ::close(go[1]);

    loop();

    if (!m_started) {
        // The program never ran: the child says why (or died before it could).
        ChildFailure why {2, ENOEXEC};
        const ssize_t n = ::read(failure[0], &why, sizeof(why));
        Tracer::StartError error = Tracer::StartError::Failed;
        if (n == ssize_t(sizeof(why))) {
            if (why.stage == 1)
                error = Tracer::StartError::NotPermitted;
            else if (why.stage == 2)
                error = why.errnum == ENOENT ? Tracer::StartError::NotFound
                                             : Tracer::StartError::NotExecutable;
            else
                error = Tracer::StartError::NotExecutable;
        } else if (m_stopRequested) {
            why.errnum = ECANCELED;
        }
        ::close(failure[0]);
        report(error, why.errnum, why.stage, 0);
        m_running = false;
        return;
    }
    ::close(failure[0]);
    finishRun();
}

void TraceWorker::loop()
{
    while (!m_threads.empty() || !m_unclaimed.empty()) {
        if (m_stopRequested) {
            // Again at every turn: a child forked meanwhile dies too.
            m_stopping = true;
            for (const auto &entry : m_threads)
                ::kill(entry.second.process->pid, SIGKILL);
            for (pid_t tid : m_unclaimed)
                ::kill(tid, SIGKILL);
        }
        runCommands();
        if (!m_unclaimed.empty())
            adoptOrphans();
        int status = 0;
        pid_t tid;
        if (!m_paused.empty()) {
            tid = ::waitpid(-1, &status, __WALL | __WNOTHREAD | WNOHANG);
            if (tid == 0) {
                pollfd wake {m_wakeFd, POLLIN, 0};
                ::poll(&wake, 1, kPausedPollMs);
                continue;
            }
        } else {
            // __WNOTHREAD: only this thread's children and tracees, never a child that the
            // server's fork mode or a QProcess made in another thread.
            tid = ::waitpid(-1, &status, __WALL | __WNOTHREAD);
        }
        if (tid < 0) {
            if (errno == EINTR)
                continue;
            break; // ECHILD: nothing left
        }
        handleStatus(tid, status);
    }
}

void TraceWorker::adoptOrphans()
{
    // A new child's first stop came, but its parent died before reporting the fork (killed
    // in its fork event stop): nobody will claim it. Adopt it rather than leave it stopped.
    for (auto it = m_unclaimed.begin(); it != m_unclaimed.end();) {
        const pid_t tid = *it;
        const pid_t tgid = tgidOf(tid);
        const pid_t owner = tgid != tid ? tgid : statusField(tid, QByteArrayLiteral("PPid"));
        auto known = m_processes.find(owner);
        if (known != m_processes.end() && !known->second->exited
            && known->second->liveThreads > 0) {
            ++it; // its parent lives: its fork event is on the way
            continue;
        }
        auto orphan = std::make_shared<TracedProcess>();
        orphan->pid = tgid > 0 ? tgid : tid;
        orphan->liveThreads = 1;
        m_processes[orphan->pid] = orphan;
        ++m_processCount;
        TracedThread &thread = m_threads[tid];
        thread.tid = tid;
        thread.process = orphan;
        thread.started = true;
        if (m_stopping)
            ::kill(tid, SIGKILL);
        resume(thread);
        it = m_unclaimed.erase(it);
        publishPids();
    }
}

void TraceWorker::handleStatus(pid_t tid, int status)
{
    if (WIFEXITED(status) || WIFSIGNALED(status)) {
        handleExit(tid, status);
        return;
    }
    if (!WIFSTOPPED(status))
        return;
    auto it = m_threads.find(tid);
    if (it == m_threads.end()) {
        // A new child whose parent's fork event has not come yet.
        m_unclaimed.insert(tid);
        if (m_stopping)
            ::kill(tid, SIGKILL);
        return;
    }
    TracedThread &thread = it->second;
    const int signalNumber = WSTOPSIG(status);
    const int event = status >> 16;
    if (!thread.started) {
        thread.started = true;
        if (event == PTRACE_EVENT_STOP) {
            resume(thread);
            return;
        }
    }
    if (signalNumber == (SIGTRAP | 0x80)) {
        handleSyscallStop(thread);
        return;
    }
    switch (event) {
    case PTRACE_EVENT_SECCOMP:
        handleSeccompStop(thread);
        return;
    case PTRACE_EVENT_FORK:
    case PTRACE_EVENT_VFORK:
    case PTRACE_EVENT_CLONE:
        handleCloneEvent(thread, event);
        return;
    case PTRACE_EVENT_EXEC:
        handleExecEvent(tid);
        return;
    case PTRACE_EVENT_STOP:
        if (signalNumber == SIGSTOP || signalNumber == SIGTSTP || signalNumber == SIGTTIN
            || signalNumber == SIGTTOU) {
            // A group stop (Ctrl+Z, SIGSTOP): stay stopped as without a tracer, until SIGCONT.
            ::ptrace(PTRACE_LISTEN, tid, nullptr, nullptr);
        } else {
            resume(thread);
        }
        return;
    case 0:
        // A signal on its way to the program: delivered as without a tracer.
        resume(thread, signalNumber);
        return;
    default:
        resume(thread);
        return;
    }
}

void TraceWorker::handleSeccompStop(TracedThread &thread)
{
    __ptrace_syscall_info info {};
    if (::ptrace(PTRACE_GET_SYSCALL_INFO, thread.tid, sizeof(info), &info) <= 0
        || info.op != PTRACE_SYSCALL_INFO_SECCOMP) {
        thread.inCall = false;
        resume(thread);
        return;
    }
    const long nr = long(info.seccomp.nr);
    if (thread.interrupted && nr == thread.interruptedNr)
        resolveInterrupted(thread, true); // the kernel restarted it: the program saw nothing
    thread.nr = nr;
    for (int i = 0; i < 6; ++i)
        thread.args[i] = info.seccomp.args[i];
    thread.beginUs = nowUs();
    thread.inCall = false;
    if (nr == __NR_rt_sigreturn) {
        // Only its result matters: EINTR for an interrupted call the program now sees.
        thread.inCall = thread.interrupted;
        resume(thread);
        return;
    }
    if (nr == __NR_exit_group) {
        finishCall(thread, 0, 0);
        resume(thread);
        return;
    }
    thread.cloneFlags = 0;
    if (nr == __NR_clone) {
        thread.cloneFlags = thread.args[0];
#ifdef __NR_clone3
    } else if (nr == __NR_clone3) {
        quint64 flags = 0;
        if (TraceMemory(thread.tid).readValue(thread.args[0], &flags, sizeof(flags)))
            thread.cloneFlags = flags;
#endif
    } else if (nr == __NR_execve) {
        thread.execPath = TraceMemory(thread.tid).readString(thread.args[0]);
    } else if (nr == __NR_execveat) {
        thread.execPath = TraceMemory(thread.tid).readString(thread.args[1]);
    }
    if (!TraceCalls::wanted(thread)) {
        resume(thread);
        return;
    }
    thread.inCall = true;
    const bool roleWasKnown = thread.process->roleKnown();
    TraceCalls::decideRoleOnEntry(thread);
    if (!roleWasKnown && thread.process->roleKnown())
        flushHeld(*thread.process); // shown now, not when the call returns: recvfrom may wait long
    thread.closingSocket = false;
    if (nr == __NR_close) {
        // The descriptor is free once close() starts: a sibling thread's accept() may be
        // given the same number before this thread's exit stop comes (a thread per
        // connection), and that new socket must stay in the table.
        TracedFds &fds = *thread.process->fds;
        if (const TracedFds::Socket *socket = fds.find(int(thread.args[0]))) {
            thread.closing = *socket;
            thread.closingSocket = true;
            fds.remove(int(thread.args[0]));
        }
    }
    if (m_stepMode && !m_stopping && TraceCalls::pausesForStep(thread)) {
        pause(thread);
        return;
    }
    resume(thread);
}

void TraceWorker::handleSyscallStop(TracedThread &thread)
{
    __ptrace_syscall_info info {};
    if (::ptrace(PTRACE_GET_SYSCALL_INFO, thread.tid, sizeof(info), &info) <= 0
        || info.op != PTRACE_SYSCALL_INFO_EXIT) {
        thread.inCall = false;
        resume(thread);
        return;
    }
    thread.inCall = false;
    const qint64 rval = info.exit.rval;
    if (thread.nr == __NR_rt_sigreturn) {
        if (thread.interrupted)
            resolveInterrupted(thread, rval != -EINTR);
        resume(thread);
        return;
    }
    if (info.exit.is_error && isRestart(rval)) {
        // Restarted, or EINTR for the program: known once its signal handler returns.
        SocketEvent event;
        if (m_calls.finish(thread, -1, EINTR, &event)) {
            event.setEndUs(nowUs());
            thread.interrupted = true;
            thread.interruptedNr = thread.nr;
            thread.interruptedEvent = event;
        }
        resume(thread);
        return;
    }
    finishCall(thread, info.exit.is_error ? -1 : rval, info.exit.is_error ? int(-rval) : 0);
    auto it = m_threads.find(thread.tid);
    if (it != m_threads.end())
        resume(it->second);
}

void TraceWorker::resolveInterrupted(TracedThread &thread, bool restarted)
{
    thread.interrupted = false;
    if (!restarted)
        emitEvent(*thread.process, thread.interruptedEvent);
    thread.interruptedEvent = SocketEvent();
}

void TraceWorker::finishCall(TracedThread &thread, qint64 result, int errnum)
{
    if (thread.nr == __NR_execve || thread.nr == __NR_execveat)
        return;
    SocketEvent event;
    if (!m_calls.finish(thread, result, errnum, &event))
        return;
    event.setEndUs(thread.nr == __NR_exit_group ? thread.beginUs : nowUs());
    std::shared_ptr<TracedProcess> process = thread.process;
    emitEvent(*process, event);
    if (event.call != SysCall::Waitpid)
        return;
    const pid_t reaped = TraceCalls::reapedBy(thread, result);
    auto child = m_processes.find(reaped);
    if (reaped <= 0 || child == m_processes.end() || !child->second->zombie)
        return;
    SocketEvent gone = TraceCalls::make(thread, EventKind::Process, m_rootPid);
    gone.processChange = ProcessChange::Reaped;
    gone.pid = reaped;
    gone.tid = reaped;
    gone.parentPid = process->pid;
    gone.handler = HandlerKind::Process;
    m_queue->post(gone);
    m_processes.erase(child);
}

void TraceWorker::handleCloneEvent(TracedThread &thread, int event)
{
    unsigned long message = 0;
    ::ptrace(PTRACE_GETEVENTMSG, thread.tid, nullptr, &message);
    const pid_t child = pid_t(message);
    const pid_t parentTid = thread.tid;
    std::shared_ptr<TracedProcess> parent = thread.process;
    bool isThread = false;
    if (event == PTRACE_EVENT_CLONE)
        isThread = thread.cloneFlags != 0 ? (thread.cloneFlags & CLONE_THREAD)
                                          : tgidOf(child) == parent->pid;
    const bool sharesFiles = thread.cloneFlags & CLONE_FILES;
    TracedThread created;
    created.tid = child;
    if (isThread) {
        created.process = parent;
        parent->liveThreads += 1;
        ++m_threadCount;
    } else {
        auto process = std::make_shared<TracedProcess>();
        process->pid = child;
        process->parent = parent->pid;
        process->program = parent->program;
        process->fds = sharesFiles ? parent->fds : std::make_shared<TracedFds>(*parent->fds);
        process->server = parent->server;
        process->client = parent->client;
        process->liveThreads = 1;
        m_processes[child] = process;
        ++m_processCount;
        created.process = process;
    }
    flushHeld(*parent);
    emitProcess(created, isThread ? ProcessChange::Thread : ProcessChange::Forked);
    const bool alreadyStopped = m_unclaimed.erase(child) > 0;
    created.started = alreadyStopped;
    TracedThread &inserted = m_threads[child] = created;
    if (alreadyStopped)
        resume(inserted);
    publishPids();
    qint64 live = 0;
    for (const auto &entry : m_processes)
        live += entry.second->exited ? 0 : 1;
    if (live > Tracer::kMaxProcesses && !m_limitReached) {
        m_limitReached = true;
        Tracer *tracer = m_tracer;
        QMetaObject::invokeMethod(
            tracer,
            [tracer] {
                emit tracer->warned(Tracer::tr("The program made more than %1 processes at once; "
                                               "SocketLab stopped it (a fork without bound?).")
                                        .arg(Tracer::kMaxProcesses));
            },
            Qt::QueuedConnection);
        m_stopRequested = true;
    }
    auto again = m_threads.find(parentTid);
    if (again != m_threads.end())
        resume(again->second);
}

void TraceWorker::handleExecEvent(pid_t tid)
{
    unsigned long former = 0;
    ::ptrace(PTRACE_GETEVENTMSG, tid, nullptr, &former);
    if (pid_t(former) != tid && m_threads.count(pid_t(former)) > 0) {
        // A thread other than the leader called execve: it takes the leader's id.
        TracedThread moved = m_threads[pid_t(former)];
        m_threads.erase(pid_t(former));
        moved.tid = tid;
        m_threads[tid] = moved;
    }
    TracedThread &thread = m_threads[tid];
    std::shared_ptr<TracedProcess> process = thread.process;
    if (!process) {
        m_threads.erase(tid);
        ::ptrace(PTRACE_CONT, tid, nullptr, nullptr);
        return;
    }
    // exec ends every other thread of the process; their ends may or may not be reported.
    for (auto it = m_threads.begin(); it != m_threads.end();) {
        if (it->first != tid && it->second.process == process) {
            m_paused.erase(std::remove(m_paused.begin(), m_paused.end(), it->first),
                           m_paused.end());
            it = m_threads.erase(it);
        } else {
            ++it;
        }
    }
    process->liveThreads = 1;
    if (process->fds.use_count() > 1) // shared with a process that keeps the old table
        process->fds = std::make_shared<TracedFds>(*process->fds);
    process->fds->exec();
    process->fds->scan(process->pid);
    if (!thread.execPath.isEmpty())
        process->program = thread.execPath;
    flushHeld(*process);
    // A new program shows its own role: the shell that ran it was neither.
    process->server = process->client = false;
    emitProcess(thread, ProcessChange::Started);
    if (!m_started && tid == m_rootPid) {
        m_started = true;
        const StartRecord record {int(Tracer::StartError::None), 0, 0, int(tid)};
        writeAll(m_startPipe[1], &record, sizeof(record));
    }
    resume(thread);
}

void TraceWorker::handleExit(pid_t tid, int status)
{
    auto it = m_threads.find(tid);
    if (it == m_threads.end()) {
        m_unclaimed.erase(tid);
        return;
    }
    TracedThread thread = it->second;
    m_threads.erase(it);
    m_paused.erase(std::remove(m_paused.begin(), m_paused.end(), tid), m_paused.end());
    std::shared_ptr<TracedProcess> process = thread.process;
    process->liveThreads -= 1;
    SocketEvent event = TraceCalls::make(thread, EventKind::Process, m_rootPid);
    event.processChange = ProcessChange::Exited;
    if (WIFSIGNALED(status))
        event.exitSignal = WTERMSIG(status);
    else
        event.exitCode = WEXITSTATUS(status);
    if (tid != process->pid) {
        m_queue->post(event); // a thread ended
        return;
    }
    if (!m_started && tid == m_rootPid)
        return; // never got to the program: start() says why
    flushHeld(*process);
    event.handler = tid == m_rootPid ? HandlerKind::Main : HandlerKind::Process;
    m_queue->post(event);
    process->exited = true;
    if (tid == m_rootPid) {
        m_exitStatus = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
        m_rootExited = true;
    }
    processGone(*process);
    auto parent = m_processes.find(process->parent);
    const bool parentAlive = parent != m_processes.end() && !parent->second->exited;
    if (tid != m_rootPid && parentAlive) {
        SocketEvent after = event;
        after.parentPid = process->parent;
        if (processExists(tid)) {
            // Exited, not waited for: a zombie until its parent calls waitpid().
            process->zombie = true;
            after.processChange = ProcessChange::Zombie;
            m_queue->post(after);
        } else {
            // Its parent ignores SIGCHLD: the kernel reaped it at once.
            after.processChange = ProcessChange::Reaped;
            m_queue->post(after);
        }
    }
    if (!process->zombie)
        m_processes.erase(tid);
    publishPids();
}

void TraceWorker::processGone(TracedProcess &process)
{
    // Its zombie children were never reaped by it: init takes and reaps them now.
    for (auto it = m_processes.begin(); it != m_processes.end();) {
        if (it->second->parent == process.pid && it->second->zombie) {
            ++m_zombiesLeft;
            it = m_processes.erase(it);
        } else {
            ++it;
        }
    }
}

void TraceWorker::resume(TracedThread &thread, int signalNumber)
{
    ::ptrace(thread.inCall ? PTRACE_SYSCALL : PTRACE_CONT, thread.tid, nullptr,
             reinterpret_cast<void *>(long(signalNumber)));
}

void TraceWorker::pause(TracedThread &thread)
{
    thread.paused = true;
    m_paused.push_back(thread.tid);
    SocketEvent event = m_calls.preview(thread);
    event.role = thread.process->role();
    // Before the process shows what it is, no step (Tracer::callPaused: -1): its socket() is
    // step 3 of a client's recipe and step 2 of a server's.
    event.step = thread.process->roleKnown() ? recipeStep(event.call, event.role) : -1;
    Tracer *tracer = m_tracer;
    QMetaObject::invokeMethod(
        tracer, [tracer, event] { emit tracer->callPaused(event); }, Qt::QueuedConnection);
}

void TraceWorker::runCommands()
{
    std::deque<Command> commands;
    {
        QMutexLocker locker(&m_mutex);
        commands.swap(m_commands);
    }
    uint64_t drained = 0;
    [[maybe_unused]] ssize_t n = ::read(m_wakeFd, &drained, sizeof(drained));
    if (!m_stepMode || m_stopping)
        commands.push_back(Command::ContinueAll);
    for (Command command : commands) {
        while (!m_paused.empty()) {
            const pid_t tid = m_paused.front();
            m_paused.pop_front();
            auto it = m_threads.find(tid);
            if (it == m_threads.end() || !it->second.paused)
                continue;
            it->second.paused = false;
            resume(it->second);
            if (command == Command::StepOne)
                break;
        }
    }
}

void TraceWorker::emitEvent(TracedProcess &process, SocketEvent event)
{
    if (event.kind == EventKind::Call)
        ++m_calls_made;
    // What a client and a server both do before their role shows (a client may bind its
    // own address before it connects).
    const bool holdable = event.call == SysCall::Socket || event.call == SysCall::Setsockopt
        || event.call == SysCall::Getsockopt || event.call == SysCall::Bind
        || event.call == SysCall::Getsockname;
    if (!process.roleKnown() && holdable && process.held.size() < kMaxHeld) {
        process.held.append(event);
        return;
    }
    flushHeld(process);
    event.role = process.role();
    event.step = recipeStep(event.call, event.role);
    m_queue->post(event);
}

void TraceWorker::flushHeld(TracedProcess &process)
{
    for (SocketEvent &held : process.held) {
        held.role = process.role();
        held.step = recipeStep(held.call, held.role);
        m_queue->post(held);
    }
    process.held.clear();
}

void TraceWorker::emitProcess(const TracedThread &thread, ProcessChange change)
{
    SocketEvent event = TraceCalls::make(thread, EventKind::Process, m_rootPid);
    event.processChange = change;
    event.parentPid = thread.process->parent;
    event.program = thread.process->program;
    m_queue->post(event);
}

void TraceWorker::publishPids()
{
    std::vector<pid_t> pids;
    for (const auto &entry : m_processes) {
        if (!entry.second->exited)
            pids.push_back(entry.first);
    }
    QMutexLocker locker(&m_mutex);
    m_livePids.swap(pids);
}

void TraceWorker::finishRun()
{
    for (auto &entry : m_processes) {
        flushHeld(*entry.second);
        if (entry.second->zombie)
            ++m_zombiesLeft;
    }
    SocketEvent summary(EventKind::Summary, Role::Client);
    summary.traced = true;
    summary.pid = m_rootPid;
    summary.tid = m_rootPid;
    summary.calls = m_calls_made;
    summary.processes = m_processCount;
    summary.threads = m_threadCount;
    summary.zombies = m_zombiesLeft;
    summary.exitStatus = m_exitStatus.load() < 0 ? 0 : m_exitStatus.load();
    if (m_exitStatus.load() < 0)
        m_exitStatus = summary.exitStatus;
    m_queue->post(summary);
    m_running = false;
    Tracer *tracer = m_tracer;
    const int status = m_exitStatus.load();
    QMetaObject::invokeMethod(
        tracer, [tracer, status] { tracer->workerFinished(status); }, Qt::QueuedConnection);
}

void TraceWorker::killAll(int signalNumber)
{
    QMutexLocker locker(&m_mutex);
    for (pid_t pid : m_livePids)
        ::kill(pid, signalNumber);
}

void TraceWorker::requestStop()
{
    m_stopRequested = true;
    killAll(SIGKILL);
    const uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(m_wakeFd, &one, sizeof(one));
}

void TraceWorker::setStepMode(bool on)
{
    m_stepMode = on;
    if (!on)
        continueAll();
}

void TraceWorker::stepOnce()
{
    {
        QMutexLocker locker(&m_mutex);
        m_commands.push_back(Command::StepOne);
    }
    const uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(m_wakeFd, &one, sizeof(one));
}

void TraceWorker::continueAll()
{
    {
        QMutexLocker locker(&m_mutex);
        m_commands.push_back(Command::ContinueAll);
    }
    const uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(m_wakeFd, &one, sizeof(one));
}

} // namespace socketlab

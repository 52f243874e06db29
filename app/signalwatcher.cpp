#include "app/signalwatcher.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace socketlab {

namespace {

// Written whole by the handler: far below PIPE_BUF, so a write is atomic and a read never
// splits a record.
struct Caught
{
    int signalNumber;
    pid_t sender;
};

int g_pipe[2] = {-1, -1};
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

void onSignal(int signalNumber, siginfo_t *info, void *)
{
    const int saved = errno;
    // si_pid is meaningful when a process sent it (SI_USER, SI_QUEUE, SI_TKILL: codes <= 0);
    // a terminal's key is SI_KERNEL.
    const Caught caught {signalNumber, info && info->si_code <= 0 ? info->si_pid : 0};
    [[maybe_unused]] ssize_t n = ::write(g_pipe[1], &caught, sizeof caught);
    errno = saved;
}

} // namespace

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{
    if (::pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::drain);
    struct sigaction action = {};
    action.sa_sigaction = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART | SA_SIGINFO;
    // SIGHUP: the terminal or SSH session closing, a stop like any other, summary included.
    for (const int signalNumber : kSignals)
        ::sigaction(signalNumber, &action, nullptr);
    // Sends use MSG_NOSIGNAL, but a closed standard output, events file or terminal must not
    // kill us either (nor, with us, a traced program).
    ::signal(SIGPIPE, SIG_IGN);
}

SignalWatcher::~SignalWatcher()
{
    for (const int signalNumber : kSignals)
        ::signal(signalNumber, SIG_DFL);
    delete m_notifier;
    ::close(g_pipe[0]);
    ::close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
}

void SignalWatcher::drain()
{
    Caught records[32];
    ssize_t n;
    bool any = false;
    while ((n = ::read(g_pipe[0], records, sizeof records)) > 0) {
        for (ssize_t i = 0; i < n / ssize_t(sizeof(Caught)); ++i) {
            any = true;
            emit caught(records[i].signalNumber, qint64(records[i].sender));
        }
    }
    if (any)
        emit terminationRequested();
}

} // namespace socketlab

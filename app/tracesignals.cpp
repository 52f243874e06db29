#include "app/tracesignals.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace socketlab {

namespace {

int g_pipe[2] = {-1, -1};

// One byte per signal: 'T' a terminal's SIGINT, 'K' a kill()'s, 'Q' SIGTERM or SIGHUP.
void onSignal(int signalNumber, siginfo_t *info, void *)
{
    const int saved = errno;
    char byte = 'Q';
    if (signalNumber == SIGINT)
        byte = info && info->si_code == SI_KERNEL ? 'T' : 'K';
    [[maybe_unused]] ssize_t n = ::write(g_pipe[1], &byte, 1);
    errno = saved;
}

} // namespace

TraceSignals::TraceSignals(QObject *parent) : QObject(parent)
{
    if (::pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &TraceSignals::drain);
    struct sigaction action = {};
    action.sa_sigaction = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART | SA_SIGINFO;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGHUP, &action, nullptr);
    // A closed events file or terminal must not kill us (and with us, the program).
    ::signal(SIGPIPE, SIG_IGN);
}

TraceSignals::~TraceSignals()
{
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    ::signal(SIGHUP, SIG_DFL);
    delete m_notifier;
    ::close(g_pipe[0]);
    ::close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
}

void TraceSignals::drain()
{
    char bytes[64];
    ssize_t n;
    while ((n = ::read(g_pipe[0], bytes, sizeof bytes)) > 0) {
        for (ssize_t i = 0; i < n; ++i) {
            if (bytes[i] == 'Q')
                emit terminationRequested();
            else
                emit interrupted(bytes[i] == 'T');
        }
    }
}

} // namespace socketlab

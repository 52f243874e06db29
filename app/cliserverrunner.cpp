#include "app/cliserverrunner.h"

#include "app/signalwatcher.h"

#include <QCoreApplication>

#include <cstdio>
#include <poll.h>
#include <unistd.h>

namespace socketlab {

namespace {
// After Stop, what is still queued for standard output gets this long to go out; a reader
// that is stuck loses it, and the summary goes to standard error instead.
constexpr int kOutputDrainMs = 250;

// Standard error may be the same stuck pipe: never wait on it for long.
void writeStderrBriefly(const QByteArray &bytes)
{
    pollfd p {STDERR_FILENO, POLLOUT, 0};
    if (::poll(&p, 1, 100) > 0 && (p.revents & POLLOUT)) {
        [[maybe_unused]] ssize_t n
            = ::write(STDERR_FILENO, bytes.constData(), size_t(bytes.size()));
    }
}
} // namespace

CliServerRunner::CliServerRunner(const CliOptions &options)
    : m_options(options),
      m_printer(options.json, options.quiet, options.trace),
      m_out(STDOUT_FILENO),
      m_err(STDERR_FILENO)
{
    m_printer.setWriters(&m_out, &m_err);
    QObject::connect(&m_server, &Server::eventsArrived, &m_server,
                     [this](const SocketEvents &events) { print(events); });
    // A slow standard output pauses deliveries; the queue merges what comes meanwhile.
    QObject::connect(&m_out, &OutputWriter::drained, &m_server,
                     [this] { m_server.eventQueue()->setPaused(false); });
    // SIGPIPE is ignored: a reader that went away shows as EPIPE, and ends us like SIGTERM.
    QObject::connect(
        &m_out, &OutputWriter::brokenPipe, &m_server, [this] { finish(); }, Qt::QueuedConnection);
}

void CliServerRunner::print(const SocketEvents &events)
{
    m_capture.note(events);
    m_printer.print(events);
    if (m_out.isBacklogged())
        m_server.eventQueue()->setPaused(true);
}

int CliServerRunner::exec()
{
    SignalWatcher watcher;
    if (!m_options.capture.isEmpty() && CapturePermission::way() == CapturePermission::Way::None) {
        m_err.write(("socketlab-cli: " + CapturePermission::notAllowedText() + "\n").toUtf8());
        m_err.drain(kOutputDrainMs);
        return 1;
    }
    // Before the server, so its first connection's SYN is on the wire already captured (port
    // 0: the port is known only once it listens).
    if (m_options.server.port != 0 && !startCapture(m_options.server.port))
        return 1;
    if (!m_server.start(m_options.server)) {
        if (m_options.json) {
            const QByteArray message = ("socketlab-cli: " + m_server.errorString() + "\n").toUtf8();
            m_err.write(message);
        }
        m_out.drain(kOutputDrainMs);
        m_err.drain(kOutputDrainMs);
        return 1;
    }
    if (m_options.server.port == 0 && !startCapture(m_server.localPort())) {
        m_server.stop();
        return 1;
    }
    SocketStateSampler::Target target;
    target.protocol = m_options.server.protocol;
    target.serverAddress = m_server.localAddress();
    target.families = SocketStateSampler::familiesOf({target.serverAddress});
    m_sampler.setTarget(target);
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &m_server,
                     [this] { finish(); });
    return QCoreApplication::exec();
}

bool CliServerRunner::startCapture(quint16 port)
{
    if (m_options.capture.isEmpty())
        return true;
    const QString bind = m_options.server.bindAddress;
    const bool loopbackOnly
        = bind.startsWith(QLatin1String("127.")) || bind == QLatin1String("::1");
    QString error;
    if (m_capture.start(m_server.eventQueue(), m_options.capture, {port}, !loopbackOnly, &error))
        return true;
    m_err.write(("socketlab-cli: " + error + "\n").toUtf8());
    m_err.drain(kOutputDrainMs);
    return false;
}

void CliServerRunner::finish()
{
    if (m_finishing)
        return;
    m_finishing = true;
    m_sampler.stop(); // first: nothing may follow the summary
    QString captureError;
    // Its last packets go into the queue before the summary does.
    const bool captured = m_capture.stop(&captureError);
    m_server.stop(); // delivers everything left, the summary last
    if (!captured)
        m_err.write(("socketlab-cli: " + captureError + "\n").toUtf8());
    const bool outputDone = m_out.drain(kOutputDrainMs);
    m_err.drain(outputDone ? kOutputDrainMs : 0);
    if (!outputDone)
        writeStderrBriefly(m_printer.lastSummary());
    // A writer may still be stuck in a terminal's write(): leave without joining it.
    std::fflush(nullptr);
    ::_exit(0);
}

} // namespace socketlab

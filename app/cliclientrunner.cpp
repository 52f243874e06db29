#include "app/cliclientrunner.h"

#include "app/signalwatcher.h"

#include <QCoreApplication>

#include <cstdio>
#include <unistd.h>

namespace socketlab {

namespace {
const char kCtrlX = '\x18';
// Stopped by a signal or a reader gone: what is still queued for output gets this long.
constexpr int kStopDrainMs = 250;
// A normal end waits for its output while the reader takes it: checked this often, given
// up after kStalledDrainTicks checks in a row without progress (a reader that never reads).
constexpr int kDrainTickMs = 20;
constexpr int kStalledDrainTicks = 250;

} // namespace

CliClientRunner::CliClientRunner(const CliOptions &options)
    : m_options(options),
      m_printer(options.json, false, options.trace),
      m_out(STDOUT_FILENO),
      m_err(STDERR_FILENO)
{
    m_printer.setWriters(&m_out, &m_err);
    QObject::connect(&m_client, &Client::eventsArrived, &m_client,
                     [this](const SocketEvents &events) { print(events); });
    QObject::connect(&m_client, &Client::stateChanged, &m_client, [this](Client::State state) {
        if (state == Client::State::Connected)
            m_wasConnected = true;
        else if (state == Client::State::Unconnected)
            finish();
    });
    QObject::connect(&m_input, &StdinReader::chunkRead, &m_client,
                     [this](const QByteArray &chunk, bool firstOfLine, bool endsLine) {
                         sendChunk(chunk, firstOfLine, endsLine);
                     });
    // The reader waits for its chunks to leave: a peer that stops reading stops us reading.
    QObject::connect(&m_client, &Client::sendFinished, &m_client, [this] { m_input.chunkDone(); });
    QObject::connect(&m_input, &StdinReader::endOfInput, &m_client, [this] { end(); });
    // A slow standard output pauses deliveries; the queue merges what comes meanwhile.
    QObject::connect(&m_out, &OutputWriter::drained, &m_client,
                     [this] { m_client.eventQueue()->setPaused(false); });
    // SIGPIPE is ignored: a reader that went away shows as EPIPE, and ends us like SIGTERM.
    QObject::connect(
        &m_out, &OutputWriter::brokenPipe, &m_client, [this] { stopNow(); }, Qt::QueuedConnection);
    m_drainTimer.setInterval(kDrainTickMs);
    QObject::connect(&m_drainTimer, &QTimer::timeout, &m_client, [this] { waitForOutput(); });
}

int CliClientRunner::exec()
{
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &m_client,
                     [this] { stopNow(); });
    if (!m_options.capture.isEmpty()) {
        const QString host = m_options.host;
        const bool loopback = host.startsWith(QLatin1String("127.")) || host == QLatin1String("::1")
            || host == QLatin1String("localhost");
        QString error;
        if (!m_capture.start(m_client.eventQueue(), m_options.capture, {m_options.port}, !loopback,
                             &error)) {
            m_err.write(("socketlab-cli: " + error + "\n").toUtf8());
            m_err.drain(kStopDrainMs);
            return 1;
        }
    }
    m_client.setOptions(m_options.clientOptions);
    m_client.connectToHost(m_options.protocol, m_options.host, m_options.port);
    m_input.start();
    return QCoreApplication::exec();
}

void CliClientRunner::print(const SocketEvents &events)
{
    m_capture.note(events);
    m_printer.print(events);
    if (m_out.isBacklogged())
        m_client.eventQueue()->setPaused(true);
}

void CliClientRunner::sendChunk(const QByteArray &chunk, bool firstOfLine, bool endsLine)
{
    if (m_closing)
        return;
    if (firstOfLine && endsLine && chunk == QByteArray(1, kCtrlX)) {
        m_input.stop();
        end();
        return;
    }
    // The line break goes with the line's last chunk.
    const QByteArray data = m_options.appendNewline && endsLine ? chunk + '\n' : chunk;
    // An empty TCP send carries nothing; an empty datagram is a real (empty) message, but
    // only for an empty line, not for the empty tail of a long one.
    const bool emptyLine = firstOfLine && endsLine;
    if (data.isEmpty() && (m_options.protocol == Protocol::Tcp || !emptyLine)) {
        m_input.chunkDone();
        return;
    }
    m_client.send(data);
}

// A Ctrl+X line or the end of input: close as the options say. A plain close first reads
// what the server still sends (an echo on its way), so close() neither loses it nor answers
// it with an RST. After a half-close the client keeps printing what arrives until the server
// closes; finish() follows then.
void CliClientRunner::end()
{
    if (m_closing)
        return;
    m_closing = true;
    switch (m_options.ending) {
    case CliOptions::Ending::Close:
        m_client.disconnectWhenQuiet();
        break;
    case CliOptions::Ending::HalfClose:
        m_client.halfClose();
        break;
    case CliOptions::Ending::Reset:
        m_client.resetConnection();
        break;
    }
}

void CliClientRunner::stopNow()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_input.stop();
    if (m_finishing)
        leave(); // already waiting for output: a signal cuts the wait short
    m_client.abort();
    finish(); // if the state change has not called it already
}

void CliClientRunner::finish()
{
    if (m_finishing)
        return;
    m_finishing = true;
    m_input.stop();
    m_exitCode = m_wasConnected ? 0 : 1;
    if (!m_wasConnected && m_options.json && !m_printer.lastError().isEmpty())
        m_err.write(("socketlab-cli: " + m_printer.lastError() + "\n").toUtf8());
    QString captureError;
    if (!m_capture.stop(&captureError)) // its last packets are queued: they go out below
        m_err.write(("socketlab-cli: " + captureError + "\n").toUtf8());
    // Whatever was merged while output lagged goes out too.
    m_client.eventQueue()->setPaused(false);
    m_client.eventQueue()->flush();
    if (m_stopping)
        leave();
    m_pendingOutput = m_out.pendingBytes();
    m_drainTimer.start();
    waitForOutput();
}

// The conversation is over: its output goes out while the reader keeps taking it.
void CliClientRunner::waitForOutput()
{
    const qint64 pending = m_out.pendingBytes();
    if ((pending == 0 && m_err.pendingBytes() == 0) || m_out.isBroken())
        leave();
    m_idleDrainTicks = pending < m_pendingOutput ? 0 : m_idleDrainTicks + 1;
    m_pendingOutput = pending;
    if (m_idleDrainTicks >= kStalledDrainTicks)
        leave();
}

void CliClientRunner::leave()
{
    const bool outputDone = m_out.drain(kStopDrainMs);
    m_err.drain(outputDone ? kStopDrainMs : 0);
    // A writer may still be stuck in a terminal's write(): leave without joining it.
    std::fflush(nullptr);
    ::_exit(m_exitCode);
}

} // namespace socketlab

#include "app/cliclientrunner.h"

#include "app/signalwatcher.h"

#include <QCoreApplication>

#include <cstdio>

namespace socketlab {

namespace {
const char kCtrlX = '\x18';
}

CliClientRunner::CliClientRunner(const CliOptions &options)
    : m_options(options), m_printer(options.json, false, options.trace)
{
    QObject::connect(&m_client, &Client::eventsArrived, &m_client,
                     [this](const SocketEvents &events) { m_printer.print(events); });
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
}

int CliClientRunner::exec()
{
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &m_client,
                     [this] { m_client.abort(); });
    m_client.setOptions(m_options.clientOptions);
    m_client.connectToHost(m_options.protocol, m_options.host, m_options.port);
    m_input.start();
    return QCoreApplication::exec();
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

// A Ctrl+X line or the end of input: close as the options say. After a half-close the
// client keeps printing what arrives until the server closes; finish() follows then.
void CliClientRunner::end()
{
    m_closing = true;
    switch (m_options.ending) {
    case CliOptions::Ending::Close:
        m_client.disconnectFromHost();
        break;
    case CliOptions::Ending::HalfClose:
        m_client.halfClose();
        break;
    case CliOptions::Ending::Reset:
        m_client.resetConnection();
        break;
    }
}

void CliClientRunner::finish()
{
    m_input.stop();
    if (!m_wasConnected && m_options.json && !m_printer.lastError().isEmpty()) {
        const QByteArray message = ("socketlab-cli: " + m_printer.lastError() + "\n").toUtf8();
        std::fwrite(message.constData(), 1, size_t(message.size()), stderr);
    }
    QCoreApplication::exit(m_wasConnected ? 0 : 1);
}

} // namespace socketlab

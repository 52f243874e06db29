#include "cliserverrunner.h"

#include "signalwatcher.h"

#include <QCoreApplication>

#include <cstdio>

namespace socketlab {

CliServerRunner::CliServerRunner(const CliOptions &options)
    : m_options(options), m_printer(options.json, options.quiet, options.trace)
{
    QObject::connect(&m_server, &Server::eventsArrived, &m_server,
                     [this](const SocketEvents &events) { m_printer.print(events); });
}

int CliServerRunner::exec()
{
    SignalWatcher watcher;
    if (!m_server.start(m_options.server)) {
        if (m_options.json) {
            const QByteArray message = ("socketlab-cli: " + m_server.errorString() + "\n").toUtf8();
            std::fwrite(message.constData(), 1, size_t(message.size()), stderr);
        }
        return 1;
    }
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &m_server, [this] {
        m_server.stop();
        QCoreApplication::exit(0);
    });
    return QCoreApplication::exec();
}

} // namespace socketlab

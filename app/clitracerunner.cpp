#include "app/clitracerunner.h"

#include "app/outputwriter.h"
#include "app/signalwatcher.h"
#include "core/errortext.h"
#include "core/eventqueue.h"
#include "core/tracer.h"

#include <QFile>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace socketlab {

namespace {
// At the end, what is still queued for the events' file or terminal gets this long.
constexpr int kDrainMs = 2000;
// SIGTERM: the program gets this long to end on its own before SIGKILL.
constexpr int kTerminateGraceMs = 2000;
} // namespace

CliTraceRunner::CliTraceRunner(const CliOptions &options)
    : m_options(options),
      m_printer(options.json, false, true)
{
}

CliTraceRunner::~CliTraceRunner()
{
    m_capture.stop(nullptr);
    m_tracer.reset();
    m_out.reset();
    if (m_outputFd >= 0 && m_outputFd != STDERR_FILENO)
        ::close(m_outputFd);
}

void CliTraceRunner::say(const QString &message)
{
    const QByteArray line = ("socketlab-cli: " + message + QLatin1Char('\n')).toUtf8();
    [[maybe_unused]] ssize_t n = ::write(STDERR_FILENO, line.constData(), size_t(line.size()));
}

void CliTraceRunner::print(const SocketEvents &events)
{
    m_capture.note(events);
    // The capture's last packets come before the summary: at the summary it ends, and what
    // it still held is delivered (a nested delivery) before the summary prints.
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events.at(i).kind != EventKind::Summary || !m_capture.isActive() || m_captureStopped)
            continue;
        m_printer.print(events.mid(0, i));
        m_captureStopped = true;
        QString error;
        if (!m_capture.stop(&error))
            say(error);
        m_tracer->flushEvents();
        m_printer.print(events.mid(i));
        if (m_out->isBacklogged())
            m_tracer->eventQueue()->setPaused(true);
        return;
    }
    m_printer.print(events);
    if (m_out->isBacklogged())
        m_tracer->eventQueue()->setPaused(true);
}

int CliTraceRunner::exec()
{
    m_outputFd = STDERR_FILENO;
    if (!m_options.output.isEmpty()) {
        m_outputFd = ::open(QFile::encodeName(m_options.output).constData(),
                            O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (m_outputFd < 0) {
            say(tr("Cannot write %1: %2").arg(m_options.output, ErrorText::forErrno(errno)));
            return 1;
        }
    }
    m_out = std::make_unique<OutputWriter>(m_outputFd);
    m_printer.setWriters(m_out.get(), m_out.get());
    m_tracer = std::make_unique<Tracer>();
    Tracer *tracer = m_tracer.get();
    QObject::connect(tracer, &Tracer::eventsArrived, tracer,
                     [this](const SocketEvents &events) { print(events); });
    QObject::connect(m_out.get(), &OutputWriter::drained, tracer,
                     [tracer] { tracer->eventQueue()->setPaused(false); });
    QObject::connect(tracer, &Tracer::warned, tracer,
                     [this](const QString &message) { say(message); });
    QObject::connect(tracer, &Tracer::finished, tracer,
                     [](int status) { QCoreApplication::exit(status); });

    SignalWatcher watcher;
    // Ctrl+C reaches the program from the terminal, as without SocketLab; a second one ends
    // it. An interrupt sent to SocketLab alone is passed on.
    QObject::connect(&watcher, &SignalWatcher::caught, tracer,
                     [this, tracer](int signalNumber, qint64 senderPid) {
                         if (signalNumber != SIGINT) {
                             tracer->terminate(kTerminateGraceMs);
                             return;
                         }
                         ++m_interrupts;
                         if (m_interrupts >= 2) {
                             tracer->stop();
                             return;
                         }
                         if (senderPid != 0)
                             tracer->signalProgram(SIGINT);
                     });

    if (!m_options.capture.isEmpty()) {
        QString error;
        // A traced program's ports are not known before it runs: every TCP/UDP port.
        if (!m_capture.start(tracer->eventQueue(), m_options.capture, {}, false, &error)) {
            say(error);
            return 1;
        }
    }
    TraceOptions options;
    options.program = m_options.program.first();
    options.arguments = m_options.program.mid(1);
    if (!tracer->start(options)) {
        say(tracer->errorString());
        return Tracer::exitCode(tracer->startError());
    }
    const int status = QCoreApplication::exec();
    m_out->drain(kDrainMs);
    return status;
}

} // namespace socketlab

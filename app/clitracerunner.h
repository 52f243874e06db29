#pragma once

#include "app/clicapture.h"
#include "app/clioptions.h"
#include "app/eventprinter.h"

#include <QCoreApplication>

#include <memory>

namespace socketlab {

class OutputWriter;
class Tracer;

// socketlab-cli trace -- PROGRAM [ARGS...]: runs PROGRAM under the Tracer with this
// terminal's standard streams; its events go to --output FILE or standard error. Exit
// status: the program's (128+N for signal N), 127/126 when it cannot be found or run, 1
// when tracing is not permitted here.
class CliTraceRunner
{
    Q_DECLARE_TR_FUNCTIONS(CliTraceRunner)

public:
    explicit CliTraceRunner(const CliOptions &options);
    ~CliTraceRunner();
    int exec();

private:
    void print(const SocketEvents &events);
    void say(const QString &message);

    CliOptions m_options;
    EventPrinter m_printer;
    std::unique_ptr<OutputWriter> m_out;
    std::unique_ptr<Tracer> m_tracer;
    CliCapture m_capture; // posts into the tracer's queue: stopped before the tracer goes
    bool m_captureStopped = false;
    int m_outputFd = -1;
    int m_interrupts = 0;
};

} // namespace socketlab

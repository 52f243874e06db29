#pragma once

#include "app/clicapture.h"
#include "app/clioptions.h"
#include "app/eventprinter.h"
#include "app/outputwriter.h"
#include "core/server.h"
#include "core/socketstatesampler.h"

namespace socketlab {

// socketlab-cli server: runs until SIGINT/SIGTERM (or until standard output's reader goes
// away), then stops every handler and prints the summary. Exit code 0, or 1 when the server
// could not start.
class CliServerRunner
{
public:
    explicit CliServerRunner(const CliOptions &options);
    int exec();

private:
    void print(const SocketEvents &events);
    void finish();
    // --capture: false (the reason printed) when it cannot capture.
    bool startCapture(quint16 port);

    CliOptions m_options;
    EventPrinter m_printer;
    // Declared before the server, so they outlive its last events.
    OutputWriter m_out;
    OutputWriter m_err;
    Server m_server;
    // Its State events go into the server's queue, so they print in order with the rest.
    SocketStateSampler m_sampler {m_server.eventQueue()};
    // Declared after the server: destroyed first, it posts into the server's queue.
    CliCapture m_capture;
    bool m_finishing = false;
};

} // namespace socketlab

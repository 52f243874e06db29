#pragma once

#include "clioptions.h"
#include "eventprinter.h"
#include "server.h"

namespace socketlab {

// socketlab-cli server: runs until SIGINT/SIGTERM, then stops every handler and prints the
// summary. Exit code 0, or 1 when the server could not start.
class CliServerRunner
{
public:
    explicit CliServerRunner(const CliOptions &options);
    int exec();

private:
    CliOptions m_options;
    EventPrinter m_printer;
    Server m_server;
};

} // namespace socketlab

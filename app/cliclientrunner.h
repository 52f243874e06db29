#pragma once

#include "core/client.h"
#include "app/clioptions.h"
#include "app/eventprinter.h"
#include "app/stdinreader.h"

namespace socketlab {

// socketlab-cli client: sends standard input a line at a time; Ctrl+X alone on a line or the
// end of input closes the socket. Exit code 0, or 1 when the connection could not be made.
class CliClientRunner
{
public:
    explicit CliClientRunner(const CliOptions &options);
    int exec();

private:
    void sendChunk(const QByteArray &chunk, bool firstOfLine, bool endsLine);
    void end();
    void finish();

    CliOptions m_options;
    EventPrinter m_printer;
    Client m_client;
    StdinReader m_input;
    bool m_wasConnected = false;
    bool m_closing = false;
};

} // namespace socketlab

#pragma once

#include "app/clicapture.h"
#include "app/clioptions.h"
#include "app/eventprinter.h"
#include "app/outputwriter.h"
#include "app/stdinreader.h"
#include "core/client.h"

#include <QTimer>

namespace socketlab {

// socketlab-cli client: sends standard input a line at a time; Ctrl+X alone on a line or the
// end of input closes the socket (after reading what the server still sends). Exit code 0,
// or 1 when the connection could not be made. Output goes through writer threads, as the
// server's does: SIGINT/SIGTERM end it promptly whatever standard output does, and a reader
// that goes away (EPIPE: `| head`) ends it too.
class CliClientRunner
{
public:
    explicit CliClientRunner(const CliOptions &options);
    int exec();

private:
    void print(const SocketEvents &events);
    void sendChunk(const QByteArray &chunk, bool firstOfLine, bool endsLine);
    void end();
    // A signal or a reader gone: close now, leave after a brief drain.
    void stopNow();
    void finish();
    void waitForOutput();
    [[noreturn]] void leave();

    CliOptions m_options;
    EventPrinter m_printer;
    // Declared before the client, so they outlive its last events.
    OutputWriter m_out;
    OutputWriter m_err;
    Client m_client;
    // Declared after the client: destroyed first, it posts into the client's queue.
    CliCapture m_capture;
    StdinReader m_input;
    QTimer m_drainTimer;
    qint64 m_pendingOutput = 0;
    int m_idleDrainTicks = 0;
    int m_exitCode = 0;
    bool m_wasConnected = false;
    bool m_closing = false;
    bool m_stopping = false;
    bool m_finishing = false;
};

} // namespace socketlab

#pragma once

#include "app/clioptions.h"
#include "app/outputwriter.h"
#include "core/socketstatediff.h"

#include <QCoreApplication>

namespace socketlab {

// socketlab-cli sockets: the kernel's view of the sockets on one port, once, or with --watch
// sampled until SIGINT/SIGTERM, printing only what appeared, changed or went away (a socket
// that went away is printed once more with the state GONE). Exit 0, 1 when the kernel could
// not be asked.
class CliSocketsRunner
{
    Q_DECLARE_TR_FUNCTIONS(CliSocketsRunner)

public:
    explicit CliSocketsRunner(const CliOptions &options);
    int exec();

    // One socket as a line, human or JSON (gone: it is no longer in the kernel's table).
    static QByteArray humanLine(const SocketSnapshot &socket, quint16 port, bool gone = false);
    static QByteArray jsonLine(const SocketSnapshot &socket, bool gone = false);

private:
    bool sample(bool firstTime);
    void write(const SocketSnapshot &socket, bool gone);

    CliOptions m_options;
    // Standard output from a thread of its own, as the server does: a stuck terminal or pipe
    // never keeps --watch from seeing SIGINT/SIGTERM.
    OutputWriter m_out;
    SocketStateReader::Protocols m_protocols = SocketStateReader::Both;
    SocketStateDiff m_diff;
};

} // namespace socketlab

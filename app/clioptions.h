#pragma once

#include "core/checkexercise.h"
#include "core/clientoptions.h"
#include "core/serverconfig.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace socketlab {

// socketlab-cli's command line, exactly as docs/cli.md spells the contract.
struct CliOptions
{
    Q_DECLARE_TR_FUNCTIONS(CliOptions)

public:
    enum class Command { Server, Client, Sockets, Trace, Check };
    // How the client ends, at a Ctrl+X line or the end of input: close() (a FIN),
    // shutdown(SHUT_WR) then read until the server closes, or SO_LINGER {1, 0} + close() (an RST).
    enum class Ending { Close, HalfClose, Reset };

    // Returns false with a one-line, translated message naming the bad value.
    bool parse(const QStringList &arguments, QString *error);

    Command command = Command::Server;
    ServerConfig server;
    Protocol protocol = Protocol::Tcp;
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 5000;
    bool appendNewline = false;
    ClientOptions clientOptions;
    Ending ending = Ending::Close;
    bool json = false;
    bool quiet = false;
    bool trace = false;
    // sockets: which protocols (--proto given or both) and --watch's period (0: print once).
    bool protocolGiven = false;
    // trace, check: the program and its arguments (after --), and --output's file (trace: empty
    // for stderr; check: empty for none).
    QStringList program;
    QString output;
    int watchMs = 0;
    // server, client, trace: --capture's pcapng file (empty: no capture).
    QString capture;
    // check: the exercise, the time limit, and --batch's folder with --csv's file.
    Exercise exercise = Exercise::TcpServer;
    int timeoutSeconds = 20;
    QString batchDir;
    QString csvFile;
    // --help, --help-all or --version: print helpText and exit 0, starting nothing.
    bool helpShown = false;
    QString helpText;
};

} // namespace socketlab

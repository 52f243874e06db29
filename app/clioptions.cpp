#include "app/clioptions.h"

#include "core/resolver.h"

#include <QCommandLineParser>

#include <climits>

namespace socketlab {

namespace {

constexpr int kMinWatchMs = 50;

bool parseNumber(const QString &text, int minimum, int maximum, int *value)
{
    bool ok = false;
    const int number = text.toInt(&ok);
    if (!ok || number < minimum || number > maximum)
        return false;
    *value = number;
    return true;
}

} // namespace

bool CliOptions::parse(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("SocketLab command line: a teaching TCP/UDP server or client on raw POSIX sockets."));
    parser.addPositionalArgument(QStringLiteral("command"),
                                 tr("server, client, sockets, trace or check"));
    parser.addPositionalArgument(
        QStringLiteral("program"),
        tr("Trace, check: -- PROGRAM [ARGS...], the program to run and trace."),
        QStringLiteral("[-- PROGRAM [ARGS...]]"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption protoOption(QStringLiteral("proto"), tr("tcp or udp (default tcp)."),
                                         QStringLiteral("tcp|udp"));
    const QCommandLineOption concurrencyOption(
        QStringLiteral("concurrency"),
        tr("Server: iterative, fork, thread or poll (default thread)."), QStringLiteral("mode"));
    const QCommandLineOption portOption(QStringLiteral("port"), tr("Port number (default 5000)."),
                                        QStringLiteral("N"));
    const QCommandLineOption bindOption(QStringLiteral("bind"),
                                        tr("Server: local address to bind (default 127.0.0.1; "
                                           "0.0.0.0 or :: for the whole network)."),
                                        QStringLiteral("addr"));
    const QCommandLineOption backlogOption(QStringLiteral("backlog"),
                                           tr("Server: listen() backlog (default 1)."),
                                           QStringLiteral("N"));
    const QCommandLineOption bufferOption(QStringLiteral("buffer"),
                                          tr("Server: bytes per recv() (default 1024)."),
                                          QStringLiteral("N"));
    const QCommandLineOption echoOption(QStringLiteral("echo"),
                                        tr("Server: send every message back."));
    const QCommandLineOption maxClientsOption(
        QStringLiteral("max-clients"),
        tr("Server: most clients served at once (default 256); others wait in the backlog."),
        QStringLiteral("N"));
    const QCommandLineOption hostOption(
        QStringLiteral("host"), tr("Client: server host name or address (default 127.0.0.1)."),
        QStringLiteral("host"));
    const QCommandLineOption newlineOption(QStringLiteral("append-newline"),
                                           tr("Client: send each line with its line break."));
    const QCommandLineOption rcvbufOption(
        QStringLiteral("rcvbuf"),
        tr("Server: SO_RCVBUF in bytes for the listening (or UDP) socket; Linux doubles it."),
        QStringLiteral("N"));
    const QCommandLineOption nodelayOption(
        QStringLiteral("nodelay"),
        tr("Client: set TCP_NODELAY (small sends leave at once, no Nagle). TCP only."));
    const QCommandLineOption halfCloseOption(
        QStringLiteral("half-close"),
        tr("Client: end with shutdown(SHUT_WR) and read until the server closes. TCP only."));
    const QCommandLineOption resetOption(
        QStringLiteral("reset"),
        tr("Client: end with SO_LINGER {1, 0} and close(), an RST instead of a FIN. TCP only."));
    const QCommandLineOption sndbufOption(QStringLiteral("sndbuf"),
                                          tr("Client: SO_SNDBUF in bytes; Linux doubles it."),
                                          QStringLiteral("N"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("One JSON object per line."));
    const QCommandLineOption quietOption(
        QStringLiteral("quiet"), tr("Server: print only listening, errors and the summary."));
    const QCommandLineOption traceOption(QStringLiteral("trace"),
                                         tr("Also print every socket call."));
    const QCommandLineOption watchOption(
        QStringLiteral("watch"),
        tr("Sockets: sample every MS milliseconds and print the changes until interrupted."),
        QStringLiteral("MS"));
    const QCommandLineOption outputOption(
        QStringLiteral("output"),
        tr("Trace: write the events to FILE instead of standard error. Check: write "
           "the program's calls and processes to FILE."),
        QStringLiteral("FILE"));
    const QCommandLineOption captureOption(
        QStringLiteral("capture"),
        tr("Server, client, trace: write the lab's packets to FILE.pcapng (Wireshark opens it) "
           "and print them as packet events."),
        QStringLiteral("FILE.pcapng"));
    const QCommandLineOption exerciseOption(
        QStringLiteral("exercise"),
        tr("Check: the recipe's exercise (udp-server, udp-client, tcp-server, tcp-client, "
           "tcp-server-fork, tcp-server-thread)."),
        QStringLiteral("name"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           tr("Check: seconds a program may run (default 20)."),
                                           QStringLiteral("S"));
    const QCommandLineOption batchOption(
        QStringLiteral("batch"),
        tr("Check: every submission in DIR (.py, .c, or a folder with an executable run)."),
        QStringLiteral("DIR"));
    const QCommandLineOption csvOption(QStringLiteral("csv"),
                                       tr("Check --batch: write one row per submission to FILE."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption langOption(QStringLiteral("lang"), tr("Language: en or pt_BR."),
                                        QStringLiteral("lang"));
    parser.addOptions({protoOption,      concurrencyOption, portOption,    bindOption,
                       backlogOption,    bufferOption,      rcvbufOption,  echoOption,
                       maxClientsOption, hostOption,        newlineOption, nodelayOption,
                       halfCloseOption,  resetOption,       sndbufOption,  jsonOption,
                       quietOption,      traceOption,       watchOption,   outputOption,
                       exerciseOption,   timeoutOption,     batchOption,   csvOption,
                       langOption,       captureOption});

    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    // addHelpOption() also accepts --help-all (Qt's own options too); this program has none
    // of its own to add there, so both print the same help and start nothing.
    if (parser.isSet(helpOption) || parser.isSet(QStringLiteral("help-all"))) {
        helpShown = true;
        helpText = parser.helpText();
        return true;
    }
    if (parser.isSet(versionOption)) {
        helpShown = true;
        helpText = QStringLiteral("%1 %2\n").arg(QCoreApplication::applicationName(),
                                                 QCoreApplication::applicationVersion());
        return true;
    }
    auto invalid = [&](const QString &option, const QString &value) {
        *error = tr("Invalid value for --%1: \"%2\".").arg(option, value);
        return false;
    };
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        *error = tr(
            "Missing command: use \"server\", \"client\", \"sockets\", \"trace\" or \"check\".");
        return false;
    }
    const QList<QCommandLineOption> checkOnly
        = {exerciseOption, timeoutOption, batchOption, csvOption};
    if (positional.first() != QLatin1String("check")) {
        for (const QCommandLineOption &option : checkOnly) {
            if (parser.isSet(option)) {
                *error = tr("Option --%1 does not apply to \"%2\".")
                             .arg(option.names().first(), positional.first());
                return false;
            }
        }
    }
    if (positional.first() == QLatin1String("check")) {
        command = Command::Check;
        program = positional.mid(1);
        const QList<QCommandLineOption> notForCheck
            = {protoOption,   concurrencyOption, bindOption,       backlogOption, bufferOption,
               rcvbufOption,  echoOption,        maxClientsOption, hostOption,    newlineOption,
               nodelayOption, halfCloseOption,   resetOption,      sndbufOption,  quietOption,
               traceOption,   watchOption,       captureOption};
        for (const QCommandLineOption &option : notForCheck) {
            if (parser.isSet(option)) {
                *error = tr("Option --%1 does not apply to \"%2\".")
                             .arg(option.names().first(), positional.first());
                return false;
            }
        }
        if (!parser.isSet(exerciseOption)) {
            *error = tr("Missing --exercise: use one of %1.")
                         .arg(exerciseNames().join(QStringLiteral(", ")));
            return false;
        }
        if (!parseExercise(parser.value(exerciseOption), &exercise))
            return invalid(QStringLiteral("exercise"), parser.value(exerciseOption));
        if (parser.isSet(langOption)) {
            const QString lang = parser.value(langOption);
            if (lang != QLatin1String("en") && lang != QLatin1String("pt_BR"))
                return invalid(QStringLiteral("lang"), lang);
        }
        // An hour is more than any exercise needs; a test uses a few seconds.
        if (parser.isSet(timeoutOption)
            && !parseNumber(parser.value(timeoutOption), 1, 3600, &timeoutSeconds))
            return invalid(QStringLiteral("timeout"), parser.value(timeoutOption));
        if (parser.isSet(batchOption)) {
            batchDir = parser.value(batchOption);
            csvFile = parser.value(csvOption);
            if (batchDir.isEmpty())
                return invalid(QStringLiteral("batch"), batchDir);
            if (parser.isSet(csvOption) && csvFile.isEmpty())
                return invalid(QStringLiteral("csv"), csvFile);
            for (const QCommandLineOption &option : {portOption, jsonOption, outputOption}) {
                if (parser.isSet(option)) {
                    *error = tr("Option --%1 does not apply to \"check --batch\".")
                                 .arg(option.names().first());
                    return false;
                }
            }
            if (!program.isEmpty()) {
                *error = tr("Unexpected argument: \"%1\" (--batch checks the folder's entries).")
                             .arg(program.first());
                return false;
            }
            return true;
        }
        if (parser.isSet(csvOption)) {
            *error = tr("--csv applies to \"check --batch\" only.");
            return false;
        }
        if (parser.isSet(portOption)
            && !Resolver::parsePort(parser.value(portOption), &port, false))
            return invalid(QStringLiteral("port"), parser.value(portOption));
        json = parser.isSet(jsonOption);
        output = parser.value(outputOption);
        if (parser.isSet(outputOption) && output.isEmpty())
            return invalid(QStringLiteral("output"), output);
        if (program.isEmpty() || program.first().isEmpty()) {
            *error = tr("Missing program: use \"check --exercise NAME -- PROGRAM [ARGS...]\".");
            return false;
        }
        return true;
    }
    if (positional.first() == QLatin1String("trace")) {
        command = Command::Trace;
        program = positional.mid(1);
        const QList<QCommandLineOption> notForTrace
            = {protoOption,   concurrencyOption, portOption,      bindOption,       backlogOption,
               bufferOption,  rcvbufOption,      echoOption,      maxClientsOption, hostOption,
               newlineOption, nodelayOption,     halfCloseOption, resetOption,      sndbufOption,
               quietOption,   traceOption,       watchOption};
        for (const QCommandLineOption &option : notForTrace) {
            if (parser.isSet(option)) {
                *error = tr("Option --%1 does not apply to \"%2\".")
                             .arg(option.names().first(), positional.first());
                return false;
            }
        }
        if (program.isEmpty() || program.first().isEmpty()) {
            *error = tr("Missing program: use \"trace -- PROGRAM [ARGS...]\".");
            return false;
        }
        if (parser.isSet(langOption)) {
            const QString lang = parser.value(langOption);
            if (lang != QLatin1String("en") && lang != QLatin1String("pt_BR"))
                return invalid(QStringLiteral("lang"), lang);
        }
        json = parser.isSet(jsonOption);
        if (parser.isSet(captureOption) && parser.value(captureOption).isEmpty())
            return invalid(QStringLiteral("capture"), QString());
        capture = parser.value(captureOption);
        output = parser.value(outputOption);
        if (parser.isSet(outputOption) && output.isEmpty())
            return invalid(QStringLiteral("output"), output);
        return true;
    }
    if (parser.isSet(outputOption)) {
        *error = tr("Option --%1 does not apply to \"%2\".")
                     .arg(QStringLiteral("output"), positional.first());
        return false;
    }
    if (positional.size() > 1) {
        *error = tr("Unexpected argument: \"%1\".").arg(positional.at(1));
        return false;
    }
    if (positional.first() == QLatin1String("server")) {
        command = Command::Server;
    } else if (positional.first() == QLatin1String("client")) {
        command = Command::Client;
    } else if (positional.first() == QLatin1String("sockets")) {
        command = Command::Sockets;
    } else {
        *error = tr("Unknown command: \"%1\" (use \"server\", \"client\", \"sockets\", \"trace\" "
                    "or \"check\").")
                     .arg(positional.first());
        return false;
    }

    const bool isServer = command == Command::Server;
    const QList<QCommandLineOption> serverOnly
        = {concurrencyOption, bindOption, backlogOption,    bufferOption,
           rcvbufOption,      echoOption, maxClientsOption, quietOption};
    const QList<QCommandLineOption> clientOnly
        = {hostOption, newlineOption, nodelayOption, halfCloseOption, resetOption, sndbufOption};
    const bool isSockets = command == Command::Sockets;
    QList<QCommandLineOption> notApplying = isServer ? clientOnly : serverOnly;
    if (isSockets)
        notApplying
            = serverOnly + clientOnly + QList<QCommandLineOption> {traceOption, captureOption};
    else
        notApplying << watchOption;
    for (const QCommandLineOption &option : std::as_const(notApplying)) {
        if (parser.isSet(option)) {
            *error = tr("Option --%1 does not apply to \"%2\".")
                         .arg(option.names().first(), positional.first());
            return false;
        }
    }

    if (parser.isSet(protoOption) && !parseProtocol(parser.value(protoOption), &protocol))
        return invalid(QStringLiteral("proto"), parser.value(protoOption));
    if (parser.isSet(langOption)) {
        const QString lang = parser.value(langOption);
        if (lang != QLatin1String("en") && lang != QLatin1String("pt_BR"))
            return invalid(QStringLiteral("lang"), lang);
    }
    if (parser.isSet(portOption)
        && !Resolver::parsePort(parser.value(portOption), &port, isServer)) {
        return invalid(QStringLiteral("port"), parser.value(portOption));
    }
    json = parser.isSet(jsonOption);
    trace = parser.isSet(traceOption);
    if (parser.isSet(captureOption) && parser.value(captureOption).isEmpty())
        return invalid(QStringLiteral("capture"), QString());
    capture = parser.value(captureOption);

    if (isSockets) {
        protocolGiven = parser.isSet(protoOption);
        // Below this the samples cost more than they show; a day is plenty for a lab.
        if (parser.isSet(watchOption)
            && !parseNumber(parser.value(watchOption), kMinWatchMs, 86400000, &watchMs))
            return invalid(QStringLiteral("watch"), parser.value(watchOption));
        return true;
    }
    if (!isServer) {
        if (parser.isSet(hostOption)) {
            host = Resolver::normalizeHost(parser.value(hostOption));
            if (host.isEmpty())
                return invalid(QStringLiteral("host"), parser.value(hostOption));
        }
        appendNewline = parser.isSet(newlineOption);
        if (parser.isSet(sndbufOption)
            && !parseNumber(parser.value(sndbufOption), 1, INT_MAX, &clientOptions.sendBuffer)) {
            return invalid(QStringLiteral("sndbuf"), parser.value(sndbufOption));
        }
        // These are about a TCP connection: a UDP socket has none to tune or to end.
        for (const QCommandLineOption &option : {nodelayOption, halfCloseOption, resetOption}) {
            if (parser.isSet(option) && protocol == Protocol::Udp) {
                *error = tr("--%1 does not apply to --proto udp: it is about a TCP connection, "
                            "and UDP has none.")
                             .arg(option.names().first());
                return false;
            }
        }
        if (parser.isSet(halfCloseOption) && parser.isSet(resetOption)) {
            *error = tr("--half-close and --reset cannot be used together: a connection ends "
                        "one way.");
            return false;
        }
        clientOptions.noDelay = parser.isSet(nodelayOption);
        if (parser.isSet(halfCloseOption))
            ending = Ending::HalfClose;
        else if (parser.isSet(resetOption))
            ending = Ending::Reset;
        return true;
    }

    server.protocol = protocol;
    server.port = port;
    if (parser.isSet(concurrencyOption)
        && !parseConcurrency(parser.value(concurrencyOption), &server.concurrency)) {
        return invalid(QStringLiteral("concurrency"), parser.value(concurrencyOption));
    }
    if (parser.isSet(concurrencyOption) && protocol == Protocol::Udp) {
        *error = tr("--concurrency %1 does not apply to --proto udp: a UDP server has no "
                    "connections to hand out.")
                     .arg(parser.value(concurrencyOption));
        return false;
    }
    if (parser.isSet(bindOption)) {
        server.bindAddress = Resolver::normalizeHost(parser.value(bindOption));
        if (server.bindAddress.isEmpty())
            return invalid(QStringLiteral("bind"), parser.value(bindOption));
    }
    if (parser.isSet(backlogOption)
        && !parseNumber(parser.value(backlogOption), 0, 65535, &server.backlog))
        return invalid(QStringLiteral("backlog"), parser.value(backlogOption));
    if (parser.isSet(bufferOption)
        && !parseNumber(parser.value(bufferOption), 1, 16 * 1024 * 1024, &server.bufferSize))
        return invalid(QStringLiteral("buffer"), parser.value(bufferOption));
    if (parser.isSet(rcvbufOption)
        && !parseNumber(parser.value(rcvbufOption), 1, INT_MAX, &server.receiveBuffer)) {
        return invalid(QStringLiteral("rcvbuf"), parser.value(rcvbufOption));
    }
    if (parser.isSet(maxClientsOption)
        && !parseNumber(parser.value(maxClientsOption), 1, 100000, &server.maxClients))
        return invalid(QStringLiteral("max-clients"), parser.value(maxClientsOption));
    server.echo = parser.isSet(echoOption);
    quiet = parser.isSet(quietOption);
    server.reportTraffic = !quiet;
    server.reportCalls = trace && !quiet;
    // Packets are linked to the calls that sent them: with --capture those calls are reported
    // (the printer still shows calls only with --trace).
    server.reportSendingCalls = !capture.isEmpty();
    return true;
}

} // namespace socketlab

#include "lessons/lessonsteps.h"

#include "lessons/lessonruntime.h"

#include <vector>

namespace socketlab::lessonsteps {

ServerConfig server(Protocol protocol, Concurrency concurrency, int backlog)
{
    ServerConfig config;
    config.port = 0;
    config.protocol = protocol;
    config.concurrency = concurrency;
    config.backlog = backlog;
    return config;
}

Enter all(std::initializer_list<Enter> moves)
{
    return [moves = std::vector<Enter>(moves)](LessonRuntime &rt) {
        for (const Enter &move : moves)
            move(rt);
    };
}

Enter startServer(const ServerConfig &config)
{
    return [config](LessonRuntime &rt) { rt.startServer(config); };
}

Enter restartServer(const ServerConfig &config)
{
    return [config](LessonRuntime &rt) {
        rt.abortClients();
        rt.stopServer();
        rt.startServer(config);
    };
}

Enter stopServer()
{
    return [](LessonRuntime &rt) { rt.stopServer(); };
}

Enter connectClient(int n, Protocol protocol, const QByteArray &message)
{
    return [n, protocol, message](LessonRuntime &rt) {
        rt.connectClient(n, protocol, rt.serverPort());
        if (!message.isEmpty())
            rt.client(n)->send(message);
    };
}

Enter clientSends(int n, const QByteArray &message)
{
    return [n, message](LessonRuntime &rt) { rt.client(n)->send(message); };
}

Enter disconnectClient(int n)
{
    return [n](LessonRuntime &rt) { rt.client(n)->disconnectFromHost(); };
}

Enter serveForgetfully(Concurrency concurrency, int n)
{
    ServerConfig config = server(Protocol::Tcp, concurrency, 8);
    config.forgetClose = true;
    const QByteArray message = QStringLiteral("%1: bye").arg(QChar(char('A' + n - 1))).toUtf8();
    return all(
        {restartServer(config), connectClient(n, Protocol::Tcp, message), disconnectClient(n)});
}

Settled untilListening(int count)
{
    return untilServerEvent(EventKind::Listening, count);
}

Settled untilServerEvent(EventKind kind, int count)
{
    return [kind, count](LessonRuntime &rt) {
        return rt.count(LessonRuntime::serverEvent(kind)) >= count;
    };
}

Settled untilDataFrom(int n, int count)
{
    return [n, count](LessonRuntime &rt) { return rt.dataFrom(n) >= count; };
}

Settled untilSentAndQuiet(int n, int ms)
{
    return [n, ms](LessonRuntime &rt) {
        return rt.count(LessonRuntime::clientEvent(n, EventKind::Sent)) > 0 && rt.msInStep() >= ms;
    };
}

} // namespace socketlab::lessonsteps

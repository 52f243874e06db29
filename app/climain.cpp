#include "app/clicheckrunner.h"
#include "app/cliclientrunner.h"
#include "app/clioptions.h"
#include "app/cliserverrunner.h"
#include "app/clisocketsrunner.h"
#include "app/clitracerunner.h"
#include "translations/languagemanager.h"

#include <QCoreApplication>

#include <cstdio>

using namespace socketlab;

int main(int argc, char *argv[])
{
    // Qt gives every QThread an event dispatcher when it starts; the GLib one costs a
    // GMainContext per thread, a fifth of the server's CPU per connection in thread mode.
    // The command line has no GUI to integrate with, so it uses Qt's own dispatcher.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("socketlab-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    LanguageManager languages;
    const QString requested = LanguageManager::languageFromArguments(app.arguments());
    if (!languages.setLanguage(requested))
        languages.setLanguage(LanguageManager::systemLanguage());

    CliOptions options;
    QString error;
    if (!options.parse(app.arguments(), &error)) {
        const QByteArray line = ("socketlab-cli: " + error + "\n").toUtf8();
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        return 2;
    }
    if (options.helpShown) {
        const QByteArray help = options.helpText.toUtf8();
        std::fwrite(help.constData(), 1, size_t(help.size()), stdout);
        return 0;
    }
    if (options.command == CliOptions::Command::Server)
        return CliServerRunner(options).exec();
    if (options.command == CliOptions::Command::Check)
        return CliCheckRunner(options).exec();
    if (options.command == CliOptions::Command::Trace)
        return CliTraceRunner(options).exec();
    if (options.command == CliOptions::Command::Sockets)
        return CliSocketsRunner(options).exec();
    return CliClientRunner(options).exec();
}

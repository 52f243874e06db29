#include "translations/languagemanager.h"
#include "ui/mainwindow.h"
#include "ui/windowsettings.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>
#include <cstring>
#include <memory>

using namespace socketlab;

namespace {
// --help and --version print and exit: they need no display, and a QApplication without one
// aborts (a terminal over ssh, a package build running help2man).
bool printsOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"-h", "--help", "--help-all", "-?", "-v", "--version"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}
} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> application(
        printsOnly(argc, argv) ? new QCoreApplication(argc, argv) : new QApplication(argc, argv));
    QCoreApplication &app = *application;
    QApplication::setOrganizationName(QStringLiteral("SocketLab"));
    QApplication::setApplicationName(QStringLiteral("socketlab"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("socketlab"));

    LanguageManager language;
    // --lang is read before the full parse, so the parser's own messages are translated.
    const QString asked = LanguageManager::languageFromArguments(QApplication::arguments());
    // The texts below (and --help) are translated when they are made: choose the language first.
    language.setLanguage(LanguageManager::availableLanguages().contains(asked)
                             ? asked
                             : WindowSettings::startLanguage());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "SocketLab: a network lab for teaching sockets"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(
        QStringLiteral("lang"), QCoreApplication::translate("main", "Language: en or pt_BR."),
        QStringLiteral("language"));
    parser.addOption(langOption);
    parser.process(app);

    if (!asked.isEmpty() && !LanguageManager::availableLanguages().contains(asked)) {
        std::fprintf(
            stderr, "%s\n",
            qPrintable(QCoreApplication::translate("main", "Unknown language: %1 (use en or pt_BR)")
                           .arg(asked)));
        return 2;
    }

    MainWindow window(&language);
    window.show();
    return app.exec();
}

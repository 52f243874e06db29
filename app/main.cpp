#include "languagemanager.h"
#include "mainwindow.h"
#include "screenshotdemo.h"
#include "windowsettings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTemporaryDir>

#include <cstdio>

using namespace socketlab;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
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
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Run a short demo, save the window as a PNG and exit."),
        QStringLiteral("file"));
    parser.addOption(langOption);
    parser.addOption(screenshotOption);
    parser.process(app);

    if (!asked.isEmpty() && !LanguageManager::availableLanguages().contains(asked)) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("main", "Unknown language: %1 (use en or pt_BR)")
                                    .arg(asked)));
        return 2;
    }

    const QString screenshot = parser.value(screenshotOption);
    // The screenshot shows the defaults, whatever this user changed, and changes nothing.
    QTemporaryDir scratchSettings;
    if (!screenshot.isEmpty()) {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, scratchSettings.path());
    }
    language.setLanguage(!asked.isEmpty() ? asked
                         : screenshot.isEmpty() ? WindowSettings::startLanguage()
                                                : QStringLiteral("en"));

    MainWindow window(&language);
    if (screenshot.isEmpty()) {
        window.show();
        return app.exec();
    }

    window.resize(1024, 768);
    window.show();
    ScreenshotDemo demo(&window, screenshot);
    int status = 1;
    QObject::connect(&demo, &ScreenshotDemo::finished, &app, [&status](bool ok) {
        status = ok ? 0 : 1;
        QApplication::quit();
    });
    demo.start();
    app.exec();
    if (status != 0)
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("main", "Could not write the screenshot %1")
                                    .arg(screenshot)));
    return status;
}

// socketlab-screenshot FILE [--lang en|pt_BR]: runs a short demo in the main window at
// 1024x768 with default settings and saves it as a PNG (docs/ and the README use it).

#include "app/screenshotdemo.h"
#include "translations/languagemanager.h"
#include "ui/mainwindow.h"

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
    QApplication::setApplicationName(QStringLiteral("socketlab-screenshot"));

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("en or pt_BR"),
                                        QStringLiteral("language"), QStringLiteral("en"));
    parser.addOption(langOption);
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("the PNG to write"));
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);
    const QString file = parser.positionalArguments().first();

    // The screenshot shows the defaults, whatever this user changed, and changes nothing.
    QTemporaryDir scratchSettings;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, scratchSettings.path());
    LanguageManager language;
    if (!language.setLanguage(parser.value(langOption))) {
        std::fprintf(stderr, "Unknown language: %s\n", qPrintable(parser.value(langOption)));
        return 2;
    }

    MainWindow window(&language);
    window.resize(1024, 768);
    window.show();
    ScreenshotDemo demo(&window, file);
    int status = 1;
    QObject::connect(&demo, &ScreenshotDemo::finished, &app, [&status](bool ok) {
        status = ok ? 0 : 1;
        QApplication::quit();
    });
    demo.start();
    app.exec();
    if (status != 0)
        std::fprintf(stderr, "Could not write the screenshot %s\n", qPrintable(file));
    return status;
}

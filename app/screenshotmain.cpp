// socketlab-screenshot FILE [--lang en|pt_BR] [--size WxH] [--zoom PERCENT] [--clients N]
//                      [--presentation] [--lesson N [--step N] [--switch]] [--every-step]
// runs a short demo in the main window (1024x768 by default) with default settings, or a guided
// lesson up to a step, and saves it as a PNG (docs/ and the README use it; with --every-step,
// FILE is a folder for a picture of each step of a lesson, or of all; presentation mode
// takes the whole screen, so run it on a screen of the size wanted, e.g. Xvfb -screen 0
// 1024x768x24).

#include "app/screenshotdemo.h"
#include "lessons/lessoncatalog.h"
#include "translations/languagemanager.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
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
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("window size"),
                                        QStringLiteral("WxH"), QStringLiteral("1024x768"));
    const QCommandLineOption zoomOption(QStringLiteral("zoom"),
                                        QStringLiteral("text size in percent"),
                                        QStringLiteral("percent"), QStringLiteral("100"));
    const QCommandLineOption clientsOption(QStringLiteral("clients"),
                                           QStringLiteral("client panes"), QStringLiteral("n"),
                                           QStringLiteral("2"));
    const QCommandLineOption presentationOption(QStringLiteral("presentation"),
                                                QStringLiteral("presentation mode (full screen)"));
    const QCommandLineOption lessonOption(
        QStringLiteral("lesson"),
        QStringLiteral("a guided lesson (1-%1)").arg(LessonCatalog::count()), QStringLiteral("n"),
        QStringLiteral("0"));
    const QCommandLineOption stepOption(QStringLiteral("step"), QStringLiteral("the lesson's step"),
                                        QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption switchOption(QStringLiteral("switch"),
                                          QStringLiteral("the lesson's switch on"));
    const QCommandLineOption everyStepOption(
        QStringLiteral("every-step"),
        QStringLiteral("FILE is a folder: a picture of every step of the lesson (of every lesson "
                       "without --lesson)"));
    parser.addOptions({sizeOption, zoomOption, clientsOption, presentationOption, lessonOption,
                       stepOption, switchOption, everyStepOption});
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

    const QStringList size = parser.value(sizeOption).split(QLatin1Char('x'));
    ScreenshotDemo::Options options;
    options.path = file;
    options.zoom = parser.value(zoomOption).toInt();
    options.clients = qBound(1, parser.value(clientsOption).toInt(), 8);
    options.presentation = parser.isSet(presentationOption);
    options.lesson = parser.value(lessonOption).toInt();
    options.lessonStep = parser.value(stepOption).toInt();
    options.lessonSwitchOn = parser.isSet(switchOption);
    options.everyStep = parser.isSet(everyStepOption);
    if (options.everyStep && !QDir().mkpath(file)) {
        std::fprintf(stderr, "Cannot make the folder %s\n", qPrintable(file));
        return 1;
    }

    MainWindow window(&language);
    window.resize(size.value(0).toInt() > 0 ? size.value(0).toInt() : 1024,
                  size.value(1).toInt() > 0 ? size.value(1).toInt() : 768);
    window.show();
    ScreenshotDemo demo(&window, options);
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

#pragma once

#include <QObject>
#include <QString>

namespace socketlab {

class MainWindow;

// For the README's pictures: starts the server, has the clients say something, waits until
// the server logged it, and saves the window as a PNG. Optionally in presentation mode, at a
// zoom level, or a guided lesson's window run up to one of its steps (or through all of
// them, a picture each) instead.
class ScreenshotDemo : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString path;
        int clients = 2;
        int zoom = 100;
        bool presentation = false;
        int lesson = 0; // 1-based; 0: the main window
        int lessonStep = 1; // 1-based
        bool lessonSwitchOn = false;
        // path is a folder: a picture of every step of the lesson (of every lesson when
        // lesson is 0) goes there as lessonL-stepS.png.
        bool everyStep = false;
    };

    ScreenshotDemo(MainWindow *window, const Options &options, QObject *parent = nullptr);

    void start();

signals:
    void finished(bool ok);

private:
    void poll();
    void pollLesson();
    void pollEveryStep();
    void captureStep();
    void capture(QWidget *widget);

    MainWindow *m_window;
    Options m_options;
    int m_polls = 0;
};

} // namespace socketlab

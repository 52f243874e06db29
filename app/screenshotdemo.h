#pragma once

#include <QObject>
#include <QString>

namespace socketlab {

class MainWindow;

// For the README's pictures: starts the server, has the clients say something, waits until
// the server logged it, and saves the window as a PNG. Optionally in presentation mode, at a
// zoom level, or a guided lesson's window run up to one of its steps instead.
class ScreenshotDemo : public QObject
{
    Q_OBJECT

public:
    struct Options {
        QString path;
        int clients = 2;
        int zoom = 100;
        bool presentation = false;
        int lesson = 0;      // 1-based; 0: the main window
        int lessonStep = 1;  // 1-based
        bool lessonSwitchOn = false;
    };

    ScreenshotDemo(MainWindow *window, const Options &options, QObject *parent = nullptr);

    void start();

signals:
    void finished(bool ok);

private:
    void poll();
    void pollLesson();
    void capture(QWidget *widget);

    MainWindow *m_window;
    Options m_options;
    int m_polls = 0;
};

} // namespace socketlab

#pragma once

#include <QObject>
#include <QString>

namespace socketlab {

class MainWindow;

// For the README's picture: starts the server, has two clients say something, waits until
// the server logged it, and saves the window as a PNG.
class ScreenshotDemo : public QObject
{
    Q_OBJECT

public:
    ScreenshotDemo(MainWindow *window, const QString &path, QObject *parent = nullptr);

    void start();

signals:
    void finished(bool ok);

private:
    void poll();
    void capture();

    MainWindow *m_window;
    QString m_path;
    int m_polls = 0;
};

} // namespace socketlab

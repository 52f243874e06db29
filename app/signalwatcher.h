#pragma once

#include <QObject>

class QSocketNotifier;

namespace socketlab {

// Turns SIGINT, SIGTERM and SIGHUP into a Qt signal, through a self-pipe, so the server can stop
// cleanly from the event loop.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminationRequested();

private:
    void drain();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace socketlab

#pragma once

#include <QObject>

class QSocketNotifier;

namespace socketlab {

// SIGINT, SIGTERM and SIGHUP as Qt signals, through a self-pipe, so the command line stops
// cleanly from its event loop. Each one says who sent it: the trace passes on an interrupt
// that kill() sent to SocketLab alone, not a terminal's Ctrl+C, which the traced program (in
// the same foreground process group) got too. One watcher at a time.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    // senderPid: the process that called kill() or sigqueue(); 0 when the kernel sent it, as
    // a terminal does for Ctrl+C.
    void caught(int signalNumber, qint64 senderPid);
    // Once for the signals that arrived together: for the commands that stop on any of them.
    void terminationRequested();

private:
    void drain();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace socketlab

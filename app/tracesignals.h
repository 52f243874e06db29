#pragma once

#include <QObject>

class QSocketNotifier;

namespace socketlab {

// socketlab-cli trace's signals, through a self-pipe: SIGINT says whether the terminal sent
// it (Ctrl+C, which the program in the same process group got too) or kill() did (which
// the program did not); SIGTERM and SIGHUP ask the trace to end.
class TraceSignals : public QObject
{
    Q_OBJECT

public:
    explicit TraceSignals(QObject *parent = nullptr);
    ~TraceSignals() override;

signals:
    void interrupted(bool fromTerminal);
    void terminationRequested();

private:
    void drain();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace socketlab

#pragma once

#include "wakesignal.h"

#include <QByteArray>
#include <QThread>

namespace socketlab {

// Reads standard input in its own thread, a line at a time (line break removed), and can be
// stopped while it waits for input.
class StdinReader : public QThread
{
    Q_OBJECT

public:
    explicit StdinReader(QObject *parent = nullptr);
    ~StdinReader() override;

    void stop();

signals:
    void lineRead(const QByteArray &line);
    void endOfInput();

protected:
    void run() override;

private:
    WakeSignal m_stop;
};

} // namespace socketlab

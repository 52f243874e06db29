#pragma once

#include "core/fd.h"
#include "core/wakesignal.h"

#include <QByteArray>
#include <QThread>

namespace socketlab {

// Reads standard input in its own thread, a line at a time (line break removed), and can be
// stopped while it waits for input. A line longer than the buffer comes out in chunks as it
// arrives, so memory stays bounded whatever the input. It never runs ahead of its consumer
// by more than a few chunks: each chunk must be given back with chunkDone() (say, once it
// was sent) before the reader goes on past that window.
class StdinReader : public QThread
{
    Q_OBJECT

public:
    // Bytes read at a time, and the most a chunk of a long line holds.
    static constexpr int kBufferSize = 65536;
    // Chunks handed out and not yet given back before the reader waits.
    static constexpr int kWindow = 4;

    explicit StdinReader(QObject *parent = nullptr);
    ~StdinReader() override;

    void stop();
    // The consumer is done with one chunk: the reader may hand out another.
    void chunkDone();

signals:
    // Part of a line: firstOfLine when it starts the line, endsLine when the line ends with it
    // (a whole short line has both). The line break itself is never included.
    void chunkRead(const QByteArray &chunk, bool firstOfLine, bool endsLine);
    void endOfInput();

protected:
    void run() override;

private:
    // Waits for a free place in the window; false when stopped.
    bool takeCredit();
    bool hand(const QByteArray &chunk, bool endsLine);

    WakeSignal m_stop;
    Fd m_credits; // an eventfd semaphore: chunks the reader may still hand out
    bool m_lineStarted = false;
};

} // namespace socketlab

#pragma once

#include "core/wakesignal.h"

#include <QByteArray>
#include <QObject>

#include <QThread>
#include <condition_variable>
#include <mutex>

#include <memory>

namespace socketlab {

// Writes one standard stream from a thread of its own, so the event loop, and with it
// SIGINT/SIGTERM, never waits on a terminal or a pipe that nobody reads. write() never
// blocks; the owner watches isBacklogged() and pauses its producer until drained().
class OutputWriter : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kHighWater = 1024 * 1024;
    static constexpr qint64 kLowWater = 256 * 1024;

    explicit OutputWriter(int fd, QObject *parent = nullptr);
    ~OutputWriter() override;

    void write(const QByteArray &bytes);
    bool isBacklogged() const;
    // Bytes written and not out yet; whether the reader went away (EPIPE).
    qint64 pendingBytes() const;
    bool isBroken() const;
    // Waits up to timeoutMs for everything written so far to go out; false when it could
    // not (the reader is stuck or gone).
    bool drain(int timeoutMs);

signals:
    // Emitted in the writer's thread; connect with a queued or auto connection.
    void drained();
    // The reader went away (EPIPE): a server should stop as on SIGTERM.
    void brokenPipe();

private:
    void run();
    bool writeOut(const QByteArray &chunk);

    const int m_fd;
    qint64 m_chunkLimit;
    WakeSignal m_stopWriting;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    QByteArray m_buffer;
    qint64 m_inFlight = 0;
    bool m_stopping = false;
    bool m_broken = false;
    bool m_backlogged = false;
    std::unique_ptr<QThread> m_thread;
};

} // namespace socketlab

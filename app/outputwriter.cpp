#include "app/outputwriter.h"

#include <cerrno>
#include <chrono>
#include <climits>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace socketlab {

namespace {
constexpr qint64 kLargeChunk = 64 * 1024;
}

OutputWriter::OutputWriter(int fd, QObject *parent)
    : QObject(parent),
      m_fd(fd)
{
    // A pipe or terminal that poll() calls writable takes PIPE_BUF bytes without blocking;
    // a file or /dev/null takes anything at once.
    struct stat info = {};
    const bool regular = ::fstat(fd, &info) == 0 && (S_ISREG(info.st_mode) || S_ISCHR(info.st_mode))
        && !::isatty(fd);
    m_chunkLimit = regular ? kLargeChunk : PIPE_BUF;
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->start();
}

OutputWriter::~OutputWriter()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_stopWriting.raise();
    m_changed.notify_all();
    m_thread->wait();
    m_thread.reset();
}

void OutputWriter::write(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_broken)
            return;
        m_buffer.append(bytes);
        if (m_buffer.size() + m_inFlight > kHighWater)
            m_backlogged = true;
    }
    m_changed.notify_all();
}

bool OutputWriter::isBacklogged() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_backlogged;
}

qint64 OutputWriter::pendingBytes() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_buffer.size() + m_inFlight;
}

bool OutputWriter::isBroken() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_broken;
}

bool OutputWriter::drain(int timeoutMs)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    return m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] {
        return m_broken || (m_buffer.isEmpty() && m_inFlight == 0);
    }) && !m_broken;
}

void OutputWriter::run()
{
    for (;;) {
        QByteArray chunk;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stopping || !m_buffer.isEmpty(); });
            if (m_stopping)
                return;
            chunk = m_buffer.left(kLargeChunk);
            m_buffer.remove(0, chunk.size());
            m_inFlight = chunk.size();
        }
        const bool written = writeOut(chunk);
        bool nowDrained = false;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (m_stopping)
                return;
            m_inFlight = 0;
            if (!written) {
                m_broken = true;
                m_buffer.clear();
            }
            if (m_backlogged && m_buffer.size() < kLowWater) {
                m_backlogged = false;
                nowDrained = true;
            }
        }
        m_changed.notify_all();
        if (!written) {
            emit brokenPipe();
            return;
        }
        if (nowDrained)
            emit drained();
    }
}

// Returns false when the stream is gone (EPIPE and the like) or the writer is stopping.
bool OutputWriter::writeOut(const QByteArray &chunk)
{
    qint64 done = 0;
    while (done < chunk.size()) {
        pollfd fds[2] = {{m_fd, POLLOUT, 0}, {m_stopWriting.fd(), POLLIN, 0}};
        const int ready = ::poll(fds, 2, -1);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0 || fds[1].revents)
            return false;
        const qint64 size = qMin(chunk.size() - done, m_chunkLimit);
        const ssize_t n = ::write(m_fd, chunk.constData() + done, size_t(size));
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

} // namespace socketlab

#pragma once

#include "core/eventreporter.h"
#include "core/fd.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <vector>

struct pollfd;

namespace socketlab {

struct ServerContext;

// Poll mode: every accepted connection served by the server's own thread, which waits for all
// of them (and the listener, and the stop flag) in one poll(). Nothing here blocks: recv() and
// send() are non-blocking, and an echo the client does not read yet is held for it, bounded
// in bytes per connection and in all: a connection whose held echo is at its bound is not
// read (not even polled for input) until the client drains it, as a real server's
// backpressure. One busy connection gets at most kChunksPerRound recv()s and kBytesPerTurn
// bytes per round, a round stops at kRoundMs (the next one goes on where it stopped) and
// looks at the stop flag as it goes, so the others are served and Stop is seen promptly.
class PollLoop
{
public:
    explicit PollLoop(ServerContext &context);
    ~PollLoop();

    // A connection accept() returned; acceptedUs: when (its connected event counts from then).
    void add(Fd connection, const QString &peer, const QString &local, quint64 id,
             qint64 acceptedUs);
    int size() const { return int(m_connections.size()); }
    // Appends one pollfd per connection, in order: POLLIN while it may be read (see readSize()),
    // POLLOUT while it holds echo.
    void appendPollFds(std::vector<pollfd> &fds) const;
    // How poll() reported a connection: "fd 7 readable", "fd 7 writable", "fd 7 hung up".
    static QString readyText(const pollfd &ready);
    // Serves the connections poll() reported; fds[first + i] is connection i.
    void serve(const std::vector<pollfd> &fds, size_t first);
    // Stop: closes every connection (traced, with its disconnected event).
    void closeAll();

    // Echo bytes held for every client together, at most (a connection with none held may
    // still read a little, so one flooder cannot starve the rest).
    qint64 heldBytes() const { return m_held; }

    static constexpr int kChunksPerRound = 16;
    static constexpr qint64 kBytesPerTurn = 256 * 1024;
    static constexpr int kRoundMs = 20;
    static constexpr qint64 kMaxHeldPerConnection = 1024 * 1024;
    static constexpr qint64 kMaxHeldTotal = 64 * 1024 * 1024;

private:
    struct Connection;

    // Bytes the next recv() on this connection may ask for; 0 while it must not be read.
    qint64 readSize(const Connection &connection) const;
    bool readable(const Connection &connection) const { return readSize(connection) > 0; }
    void serveOne(Connection &connection, short revents);
    void receive(Connection &connection);
    void echo(Connection &connection, const char *data, qint64 size);
    void flush(Connection &connection);
    qint64 send(Connection &connection, const char *data, qint64 size);
    void dropHeld(Connection &connection);
    void close(Connection &connection);

    ServerContext &m_context;
    QByteArray m_buffer;
    qint64 m_heldLimit; // per connection
    qint64 m_echoReadSize; // with --echo, one recv() asks for at most this much
    qint64 m_held = 0; // echo bytes held for every connection together
    size_t m_nextFirst = 0; // where the next round starts (a round cut short goes on there)
    std::vector<std::unique_ptr<Connection>> m_connections;
};

} // namespace socketlab

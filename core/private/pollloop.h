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
// send() are non-blocking, an echo the client does not read yet waits in the connection's
// pending bytes (bounded; while full, the connection is not read), and one busy connection
// gets at most kChunksPerRound recv()s per round so the others are served too.
class PollLoop
{
public:
    explicit PollLoop(ServerContext &context);
    ~PollLoop();

    // A connection accept() returned; acceptedUs: when (its connected event counts from then).
    void add(Fd connection, const QString &peer, const QString &local, quint64 id,
             qint64 acceptedUs);
    int size() const { return int(m_connections.size()); }
    // Appends one pollfd per connection, in order: POLLIN unless its pending echo is full,
    // POLLOUT while it has pending echo.
    void appendPollFds(std::vector<pollfd> &fds) const;
    // How poll() reported a connection: "fd 7 readable", "fd 7 writable", "fd 7 hung up".
    static QString readyText(const pollfd &ready);
    // Serves the connections poll() reported; fds[first + i] is connection i.
    void serve(const std::vector<pollfd> &fds, size_t first);
    // Stop: closes every connection (traced, with its disconnected event).
    void closeAll();

    static constexpr int kChunksPerRound = 16;

private:
    struct Connection;

    bool readable(const Connection &connection) const;
    void receive(Connection &connection);
    void echo(Connection &connection, const char *data, qint64 size);
    void flush(Connection &connection);
    void close(Connection &connection);

    ServerContext &m_context;
    QByteArray m_buffer;
    qint64 m_pendingLimit;
    std::vector<std::unique_ptr<Connection>> m_connections;
};

} // namespace socketlab

#pragma once

#include "core/clientoptions.h"
#include "core/endpoint.h"
#include "core/eventreporter.h"
#include "core/fd.h"
#include "core/protocol.h"
#include "core/wakesignal.h"

#include <QByteArray>
#include <QMutex>
#include <QQueue>
#include <QString>
#include <QThread>
#include <QVector>

#include <memory>

namespace socketlab {

class LabNetwork;

// The client's own thread: the recipe's client sequence (resolve, protocol, socket, connect,
// send/recv while there is data, close), driven by commands from the GUI or CLI thread.
class ClientWorker : public QThread
{
    Q_OBJECT

public:
    ClientWorker(Protocol protocol, const QString &host, quint16 port,
                 const EventReporter &reporter, const ClientOptions &options = {},
                 std::shared_ptr<LabNetwork> network = {});
    ~ClientWorker() override;

    void send(const QByteArray &data);
    // Closes after everything queued before it was sent.
    void close();
    // The same, but first reads what the server still sends, until it goes quiet (a short,
    // bounded grace): the end of the CLI's input, which should not cut an echo short.
    void closeWhenQuiet();
    // After everything queued before: shutdown(SHUT_WR), then reads until the server closes.
    void halfClose();
    // After everything queued before: SO_LINGER {1, 0} and close(), an RST instead of a FIN.
    void resetConnection();
    // Ends at once, whatever is queued or pending.
    void abort();

    QString localAddress() const;
    QString peerAddress() const;

signals:
    // The socket is ready: connected (TCP) or created (UDP).
    void opened();
    // Once per send(), when its data went to the socket (or failed to): lets a producer keep
    // only a few sends in flight however fast it reads.
    void sendFinished();

protected:
    void run() override;

private:
    struct Command
    {
        enum class Action { Send, Close, CloseWhenQuiet, HalfClose, Reset };
        Action action = Action::Send;
        QByteArray data;
    };

    bool open();
    bool tryConnect(const Endpoint &address);
    bool connectFailed(Fd &socket, const Endpoint &address, int connectErrno);
    void applyOptions(int fd);
    bool setOption(int fd, int level, int name, const QString &args, const void *value,
                   socklen_t length, int step = 0);
    void readBack(int fd, int name, const QString &nameText);
    bool shutdownSending();
    // A TCP close() with bytes still unread makes the kernel send an RST: said, not hidden.
    void sayUnreadAtClose(int fd);
    void prepareReset();
    // UDP: whether a refusal may still send us on to the next address (see tryConnect).
    bool mayTryNextTarget() const;
    bool tryNextTarget(QList<QByteArray> datagrams);
    // Returns false once the conversation is over.
    bool runCommands();
    bool receive();
    bool sendData(const QByteArray &data);
    bool sendDatagram(const QByteArray &data);
    void postTraffic(EventKind kind, const QString &peer, const char *data, qint64 size,
                     qint64 causeUs);
    void enqueue(Command command);

    const Protocol m_protocol;
    const QString m_host;
    const quint16 m_port;
    const ClientOptions m_options;
    const std::shared_ptr<LabNetwork> m_network; // null: SocketLab's own network
    EventReporter m_reporter;
    WakeSignal m_stop;
    WakeSignal m_commandsWaiting;
    mutable QMutex m_mutex;
    QQueue<Command> m_commands;
    QString m_localAddress;
    QString m_peerAddress;
    Fd m_socket;
    Endpoint m_target;
    QVector<Endpoint> m_candidates;
    qsizetype m_nextCandidate = 0;
    int m_protocolNumber = 0;
    bool m_targetAnswered = false;
    // UDP datagrams sent to a target that has not answered yet, to send again to the next
    // address should this one refuse them (a few: the refusal comes back within a round trip).
    QList<QByteArray> m_unconfirmed;
    bool m_serverClosed = false;
    bool m_closeAsked = false; // a close, not an abort or a reset, ends the conversation
    bool m_peerStillSending = false; // closeWhenQuiet() gave up waiting for the server
    // SO_LINGER {1, 0} is set: the close() sends an RST.
    bool m_resetting = false;
    QByteArray m_buffer;
};

} // namespace socketlab

#pragma once

#include "core/fd.h"

#include <QHash>
#include <QString>
#include <QThread>

#include <sys/socket.h>

namespace socketlab {

struct ServerContext;

// The UDP server's thread: a recvfrom() loop; no connections, each datagram names its sender.
class UdpServerWorker : public QThread
{
    Q_OBJECT

public:
    UdpServerWorker(ServerContext &context, Fd socket, const QString &local);
    ~UdpServerWorker() override;

protected:
    void run() override;

private:
    // Returns false when nothing more is waiting.
    bool receiveOne(QByteArray &buffer);
    quint64 idForSender(const QString &peer);
    void updateDropped();

    ServerContext &m_context;
    Fd m_socket;
    QString m_local;
    QHash<QString, quint64> m_senderIds;
    // The last sender, so a stream of datagrams from one client is not formatted and looked
    // up again for every datagram.
    sockaddr_storage m_lastSender {};
    socklen_t m_lastSenderLength = 0;
    QString m_lastPeer;
    quint64 m_lastSenderId = 0;
};

} // namespace socketlab

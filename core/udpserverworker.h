#pragma once

#include "fd.h"

#include <QHash>
#include <QString>
#include <QThread>

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

    ServerContext &m_context;
    Fd m_socket;
    QString m_local;
    QHash<QString, quint64> m_senderIds;
};

} // namespace socketlab

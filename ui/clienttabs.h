#pragma once

#include "core/protocol.h"
#include "core/socketevent.h"

#include <QTabWidget>

class QToolButton;

namespace socketlab {

class ClientPane;

// The lab's clients, one tab each, numbered (and coloured) in the order they were made.
class ClientTabs : public QTabWidget
{
    Q_OBJECT

public:
    explicit ClientTabs(QWidget *parent = nullptr);

    ClientPane *pane(int index) const;
    QList<ClientPane *> panes() const;
    void setProtocol(Protocol protocol);
    // The port new panes start with (the server's).
    void setDefaultPort(quint16 port);

public slots:
    ClientPane *addClient();
    void removeClient(int index);

signals:
    void clientAdded(socketlab::ClientPane *pane);
    void eventsArrived(const socketlab::SocketEvents &events);
    void localAddressChanged(quint64 id, const QString &address);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QToolButton *m_addButton;
    Protocol m_protocol = Protocol::Tcp;
    quint16 m_defaultPort = 5000;
    quint64 m_nextId = 1;
};

} // namespace socketlab

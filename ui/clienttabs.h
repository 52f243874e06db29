#pragma once

#include "core/protocol.h"
#include "core/socketevent.h"

#include <QTabWidget>

class QToolButton;

namespace socketlab {

class ClientPane;
class LabSession;

// The lab's clients, one tab each, numbered (and coloured) in the order they were made.
class ClientTabs : public QTabWidget
{
    Q_OBJECT

public:
    // Each pane drives the session's client with its number; session outlives the tabs.
    explicit ClientTabs(LabSession *session, QWidget *parent = nullptr);

    ClientPane *pane(int index) const;
    ClientPane *paneForId(int id) const;
    // Hands each pane its own client's events (by the session's client id).
    void appendEvents(const SocketEvents &events);
    QList<ClientPane *> panes() const;
    void setProtocol(Protocol protocol);
    // The port new panes start with (the server's).
    void setDefaultPort(quint16 port);

public slots:
    ClientPane *addClient();
    void removeClient(int index);

signals:
    void clientAdded(socketlab::ClientPane *pane);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    LabSession *m_session;
    QToolButton *m_addButton;
    Protocol m_protocol = Protocol::Tcp;
    quint16 m_defaultPort = 5000;
    quint64 m_nextId = 1;
};

} // namespace socketlab

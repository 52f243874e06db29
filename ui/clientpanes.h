#pragma once

#include "core/protocol.h"
#include "core/socketevent.h"

#include <QScrollArea>

class QHBoxLayout;
class QToolButton;

namespace socketlab {

class ClientPane;
class LabSession;

// The lab's clients side by side, numbered (and coloured) in the order they were made: up to
// four share the width, more scroll sideways, so the class sees every client at once.
class ClientPanes : public QScrollArea
{
    Q_OBJECT

public:
    static constexpr int kVisiblePanes = 4;

    // Each pane drives the session's client with its number; session outlives the panes.
    explicit ClientPanes(LabSession *session, QWidget *parent = nullptr);

    int count() const { return int(m_panes.size()); }
    ClientPane *pane(int index) const;
    ClientPane *paneForId(int id) const;
    QList<ClientPane *> panes() const { return m_panes; }
    // Hands each pane its own client's events (by the session's client id).
    void appendEvents(const SocketEvents &events);
    void setProtocol(Protocol protocol);
    // The port new panes start with (the server's).
    void setDefaultPort(quint16 port);
    // Scrolls so the pane at index is in view.
    void setCurrentIndex(int index);
    // The narrowest a pane gets before the row scrolls (at the current text size).
    int minimumPaneWidth() const;
    // Tall enough for a whole pane.
    int preferredHeight() const;
    // Tall enough for every pane's message line and Send, as laid out (the history may
    // scroll away below them).
    int workingHeight() const;

public slots:
    ClientPane *addClient();
    void removeClient(int index);

signals:
    void clientAdded(socketlab::ClientPane *pane);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslateUi();
    void updateWidths();

    LabSession *m_session;
    QWidget *m_row;
    QHBoxLayout *m_layout;
    QToolButton *m_addButton;
    QList<ClientPane *> m_panes;
    QList<QToolButton *> m_closeButtons;
    Protocol m_protocol = Protocol::Tcp;
    quint16 m_defaultPort = 5000;
    quint64 m_nextId = 1;
};

} // namespace socketlab

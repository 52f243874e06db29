#pragma once

#include "core/client.h"
#include "core/socketevent.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSpinBox;

namespace socketlab {

class EventListModel;

// One client of the lab: where it connects, its own ephemeral address (to match the server's
// log line), what it sent and received, and a message line where Enter sends.
class ClientPane : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMaxHistory = 1000;

    // client belongs to the lab's session (which numbers it id) and must outlive the pane.
    ClientPane(quint64 id, Client *client, QWidget *parent = nullptr);

    quint64 id() const { return m_id; }
    Client *client() { return m_client; }
    QString host() const;
    quint16 port() const;
    void setHost(const QString &host);
    void setPort(quint16 port);
    void setProtocol(Protocol protocol);
    Protocol protocol() const { return m_protocol; }
    QString localAddress() const { return m_localAddress; }
    int historyCount() const;
    QString historyText(int row) const;

public slots:
    void connectToServer();
    void disconnectFromServer();
    // TCP: shutdown(SHUT_WR), then reads until the server closes.
    void halfCloseConnection();
    // TCP: SO_LINGER {1, 0} and close(), an RST.
    void resetConnection();
    // Connects first when needed (the message waits in the client's queue).
    void sendMessage(const QString &text);
    // Three messages back to back: one TCP recv() may get them together, UDP never merges.
    void sendBurst();

    // This client's own events, as the session delivers them.
    void appendEvents(const SocketEvents &events);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateFonts();
    void updateState();
    static QString historyLine(const SocketEvent &event);
    void sendLine();
    void toggleConnection();

    const quint64 m_id;
    Client *m_client;
    Protocol m_protocol = Protocol::Tcp;
    QString m_localAddress;
    // An unconnected UDP socket's 0.0.0.0:port: the address the kernel sends from instead.
    QString m_sourceAddress;
    SocketEvent m_lastError; // kind Error once one came; said with its explanation
    QLabel *m_title;
    QLabel *m_hostLabel;
    QLineEdit *m_hostEdit;
    QLabel *m_portLabel;
    QSpinBox *m_portSpin;
    QPushButton *m_connectButton;
    QPushButton *m_halfCloseButton;
    QPushButton *m_resetButton;
    QCheckBox *m_noDelayCheck;
    // Since Half-close, until the connection ends: nothing more may be sent.
    bool m_halfClosed = false;
    QLabel *m_addressLabel;
    QLabel *m_historyTitle;
    EventListModel *m_historyModel;
    QListView *m_history;
    QLineEdit *m_messageEdit;
    QPushButton *m_sendButton;
    QPushButton *m_burstButton;
};

} // namespace socketlab
